import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer, complete } from '../../src/app/answer.ts';
import { fingerprintOf } from '../../src/app/fingerprint.ts';
import {
  incidentMessage,
  type Occurrence,
  parseMessage,
  recordOccurrence,
  unrecordedMessage,
} from '../../src/app/record.ts';
import { trendOf } from '../../src/core/trend.ts';
import type { Incident } from '../../src/store/store.ts';
import { fixture, goldenReport } from '../fixture-files.ts';
import { kb } from '../helpers.ts';
import { freshStore } from '../temp-store.ts';

// multi-trace.log: three OOMs three hours apart, each 1 MiB higher, under a 1 GiB limit
const multi = complete(goldenReport('pastes/multi-trace'), kb);
const NOW = Date.parse('2024-06-03T13:20:00Z');
const ORDERS: Occurrence = {
  channel: 'C0ORDERS',
  threadTs: '1717420800.000100',
  messageTs: '1717420800.000100',
  userId: 'U0ALICE',
};

describe('recordOccurrence', () => {
  it('opens an incident for a first paste, with its readings, title and playbook', async () => {
    const store = await freshStore();
    const recording = await recordOccurrence(store, multi, ORDERS, NOW);
    const fingerprint = fingerprintOf(multi.report);
    assert.ok(fingerprint);
    assert.deepEqual(recording, {
      ok: true,
      recorded: {
        incident: {
          id: 1,
          channel: 'C0ORDERS',
          fingerprint: fingerprint.key,
          status: 'open',
          kind: 'oodm',
          framework: fingerprint.framework,
          firstFrame: fingerprint.firstFrame,
          title:
            'Direct memory exhausted: 1022 MiB of 1 GiB used, a 4 MiB chunk refused — com.acme.orders (named from its package), Netty 4.1.94',
          playbookId: 'general-leak',
          playbookTitle: multi.report.playbook?.title ?? null,
          firstSeen: NOW,
          lastSeen: NOW,
          occurrences: 1,
          firstThreadTs: '1717420800.000100',
          firstPermalink: null,
          replyChannel: null,
          replyTs: null,
          latestUsed: 1071644679,
          latestMax: 1073741824,
        } satisfies Incident,
        occurrenceId: 1,
        isNew: true,
        elsewhere: null,
        samples: multi.report.summary.samples,
      },
    });
    await store.close();
  });

  it('counts a repeat in the incident, and finds the first one from another channel', async () => {
    const store = await freshStore();
    const first = await recordOccurrence(store, multi, ORDERS, NOW);
    const again = await recordOccurrence(store, multi, ORDERS, NOW + 60_000);
    const other = await recordOccurrence(store, multi, { ...ORDERS, channel: 'C0PAYMENTS' }, NOW + 120_000);
    assert.ok(first?.ok && again?.ok && other?.ok);
    assert.equal(again.recorded.incident.id, first.recorded.incident.id);
    assert.equal(again.recorded.incident.occurrences, 2);
    assert.equal(again.recorded.isNew, false);
    assert.notEqual(other.recorded.incident.id, first.recorded.incident.id);
    assert.equal(other.recorded.elsewhere?.id, first.recorded.incident.id);
    await store.close();
  });

  it('records nothing when nothing was detected', async () => {
    const store = await freshStore();
    const heapSpace = answer(fixture('pastes/neg-heap-space.txt'), kb);
    assert.equal(await recordOccurrence(store, heapSpace, ORDERS, NOW), null);
    assert.deepEqual(await store.incidentsSince(0), []);
    await store.close();
  });

  it('returns a failing store as a value with the problem named, never a throw', async () => {
    const store = await freshStore();
    await store.close();
    const recording = await recordOccurrence(store, multi, ORDERS, NOW);
    assert.ok(recording && !recording.ok);
    assert.deepEqual(recording.problem, { kind: 'failing', message: 'The database connection is not open' });
    assert.ok(recording.error instanceof Error);
  });
});

describe('incidentMessage', () => {
  it('carries the repeats, the other channel’s first thread, the trend and the marks around the answer', async () => {
    const store = await freshStore();
    await recordOccurrence(store, multi, ORDERS, NOW);
    const other = await recordOccurrence(store, multi, { ...ORDERS, channel: 'C0PAYMENTS' }, NOW);
    assert.ok(other?.ok);
    const first = other.recorded.elsewhere;
    assert.ok(first);
    const permalink = 'https://acme.slack.com/archives/C0ORDERS/p1717420800000100';
    await store.setReply(first.id, 1, { channel: 'C0ORDERS', ts: '1717420801.000200' }, permalink);
    const mark = {
      incidentId: other.recorded.incident.id,
      action: 'helpful' as const,
      userId: 'U0BOB',
      at: NOW,
      playbookId: null,
    };
    await store.mark(mark);
    const elsewhere = await store.get(first.id);
    const parts = incidentMessage(multi, { ...other.recorded, elsewhere, marks: [mark] });
    const trend = trendOf(multi.report.summary.samples, 1073741824);
    assert.ok(trend);
    assert.deepEqual(parts, {
      base: multi.reply,
      playbook: multi.fullPlaybook,
      context: {
        lang: 'en',
        incident: { id: 2, occurrences: 1, firstSeen: NOW, playbookId: 'general-leak' },
        trend: { trend, maxBytes: 1073741824 },
        elsewhere: { channel: 'C0ORDERS', permalink },
        marks: [mark],
      },
    });
    await store.close();
  });

  it('leaves out the trend with one reading and the other channel before it has a thread', async () => {
    const store = await freshStore();
    const recording = await recordOccurrence(store, multi, ORDERS, NOW);
    assert.ok(recording?.ok);
    const state = { ...recording.recorded, samples: recording.recorded.samples.slice(0, 1), marks: [] };
    const unlinked = { ...recording.recorded.incident, id: 9, channel: 'C0OTHER' };
    assert.deepEqual(incidentMessage(multi, { ...state, elsewhere: unlinked }).context, {
      lang: 'en',
      incident: { id: 1, occurrences: 1, firstSeen: NOW, playbookId: 'general-leak' },
      marks: [],
    });
    await store.close();
  });
});

describe('unrecordedMessage', () => {
  it('is the answer and its playbook alone, with a note only when the store failed', () => {
    const playbook = multi.fullPlaybook;
    assert.ok(playbook);
    assert.deepEqual(unrecordedMessage(multi, null), {
      base: multi.reply,
      playbook,
      context: { lang: 'en' },
    });
    assert.deepEqual(unrecordedMessage(multi, { kind: 'full' }), {
      base: multi.reply,
      playbook,
      context: { lang: 'en', storeProblem: { kind: 'full' } },
    });
  });

  it('keeps no playbook when nothing was detected', () => {
    const heapSpace = answer(fixture('pastes/neg-heap-space.txt'), kb);
    assert.deepEqual(unrecordedMessage(heapSpace, null), { base: heapSpace.reply, context: { lang: 'en' } });
  });
});

describe('parseMessage', () => {
  const kept = JSON.stringify(unrecordedMessage(multi, { kind: 'read-only' }));

  it('reads back the parts a message was built from', () => {
    assert.deepEqual(parseMessage(kept), unrecordedMessage(multi, { kind: 'read-only' }));
  });

  it('gives null for nothing kept, text that is not JSON, or JSON cut short', () => {
    assert.equal(parseMessage(null), null);
    assert.equal(parseMessage(''), null);
    assert.equal(parseMessage('not json at all'), null);
    assert.equal(parseMessage(kept.slice(0, kept.length / 2)), null);
  });

  it('gives null for JSON that is not the parts of a message', () => {
    assert.equal(parseMessage('null'), null);
    assert.equal(parseMessage('[]'), null);
    assert.equal(parseMessage('{"base":{"blocks":{}},"context":{"lang":"en"}}'), null);
    assert.equal(parseMessage('{"base":{"blocks":[]},"context":{}}'), null);
    assert.equal(parseMessage(JSON.stringify(multi.reply)), null);
  });
});
