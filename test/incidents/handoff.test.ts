import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHandoff, type HandoffItem, trendFor } from '../../src/incidents/handoff.ts';
import { DAY, INCIDENTS, incidentOf, MARKS, MULTI_TRACE_SAMPLES, NOW, WEEK } from '../handoff-fixture.ts';

const LINK = (channel: string) => `https://acme.slack.com/archives/${channel}/p1717405923000100`;

describe('buildHandoff', () => {
  it('gives the period, the counts and each incident with its readings, playbook, marks and link', () => {
    const item = (id: number) => WEEK.channels.flatMap((c) => c.incidents).find((i) => i.id === id);
    assert.deepEqual(
      { since: WEEK.since, until: WEEK.until, open: WEEK.open, total: WEEK.total },
      {
        since: '2024-06-03T09:00:00.000Z',
        until: '2024-06-10T09:00:00.000Z',
        open: 3,
        total: 4,
      },
    );
    assert.deepEqual(item(1), {
      id: 1,
      channel: 'C0ORDERS',
      status: 'open',
      title:
        'Direct memory exhausted: 1022 MiB of 1 GiB used, a 4 MiB chunk refused — com.acme.orders (named from its package), Netty 4.1.94',
      framework: null,
      occurrences: 3,
      firstSeen: '2024-06-03T07:12:05.000Z',
      lastSeen: '2024-06-03T13:13:10.000Z',
      latestUsedBytes: 1071644679,
      latestMaxBytes: 1073741824,
      // 1 MiB per three hours, from the last reading (13:13:09) to the 1 GiB limit
      trend: { bytesPerDay: 8363000, exhaustionAt: '2024-06-03T19:14:15.457Z', readings: 3 },
      playbook: {
        id: 'netty-inbound-handler-retains',
        title: 'Netty: inbound handler retains, so reads never free',
      },
      marks: [
        { action: 'helpful', user: 'U0BOB', at: '2024-06-06T09:00:00.000Z' },
        { action: 'not-helpful', user: 'U0EVE', at: '2024-06-06T09:00:00.000Z' },
      ],
      link: LINK('C0ORDERS'),
    } satisfies HandoffItem);
    assert.deepEqual(item(3), {
      id: 3,
      channel: 'C0ORDERS',
      status: 'resolved',
      title: 'Direct memory exhausted (JDK: Direct buffer memory) — Netty 4.1.60',
      framework: null,
      occurrences: 1,
      firstSeen: '2024-06-07T09:00:00.000Z',
      lastSeen: '2024-06-07T09:00:00.000Z',
      latestUsedBytes: null,
      latestMaxBytes: null,
      trend: null,
      playbook: null,
      marks: [{ action: 'resolved', user: 'U0BOB', at: '2024-06-08T09:00:00.000Z' }],
      link: null,
    } satisfies HandoffItem);
  });

  it('puts open incidents first, latest first, then mitigated, then resolved', () => {
    assert.deepEqual(
      WEEK.channels.map((c) => [c.channel, c.incidents.map((i) => `${i.id} ${i.status}`)]),
      [
        ['C0ORDERS', ['4 open', '1 open', '3 resolved']],
        ['C0GATEWAY', ['2 mitigated']],
      ],
    );
  });

  it('orders channels by their most urgent incident, then by name', () => {
    const mitigated = INCIDENTS.map((i) =>
      i.status === 'open' ? { ...i, status: 'mitigated' as const } : i,
    );
    const h = buildHandoff(mitigated, MARKS, () => [], NOW - 7 * DAY, NOW);
    assert.deepEqual(
      h.channels.map((c) => c.channel),
      ['C0GATEWAY', 'C0ORDERS'],
    );
    assert.equal(h.open, 3, 'mitigated incidents are still open for the next shift');
  });

  it('says the limit is reached at the last reading when it already was', () => {
    const atLimit = incidentOf(1, 'pastes/multi-trace', {
      channel: 'C0ORDERS',
      firstSeen: NOW - DAY,
      lastSeen: NOW,
      latestMax: 1071644679,
    });
    const h = buildHandoff([atLimit], [], () => MULTI_TRACE_SAMPLES, NOW - DAY, NOW);
    assert.deepEqual(h.channels[0]?.incidents[0]?.trend, {
      bytesPerDay: 8363000,
      exhaustionAt: '2024-06-03T13:13:09.388Z',
      readings: 3,
    });
  });

  it('gives no trend for one reading, and no time to the limit without a limit', () => {
    const [first] = INCIDENTS;
    assert.ok(first);
    assert.equal(trendFor(first, MULTI_TRACE_SAMPLES.slice(0, 1)), null);
    const noLimit = { ...first, latestMax: null };
    const h = buildHandoff([noLimit], [], () => MULTI_TRACE_SAMPLES, NOW - 7 * DAY, NOW);
    assert.deepEqual(h.channels[0]?.incidents[0]?.trend, {
      bytesPerDay: 8363000,
      exhaustionAt: null,
      readings: 3,
    });
  });

  it('is empty, with its period, when nothing happened', () => {
    assert.deepEqual(
      buildHandoff([], [], () => [], NOW - DAY, NOW),
      {
        since: '2024-06-09T09:00:00.000Z',
        until: '2024-06-10T09:00:00.000Z',
        open: 0,
        total: 0,
        channels: [],
      },
    );
  });
});
