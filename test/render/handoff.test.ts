import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHandoff } from '../../src/incidents/handoff.ts';
import { type Block, LIMITS } from '../../src/render/blocks.ts';
import { handoffBlocks, handoffToText } from '../../src/render/handoff.ts';
import type { Incident } from '../../src/store/store.ts';
import { DAY, HOUR, incidentOf, NOW, WEEK } from '../handoff-fixture.ts';

const EMPTY = buildHandoff([], [], () => [], NOW - DAY, NOW);
const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** `n` open incidents of outbound-write.txt in `channel`, an hour apart. */
const burst = (channel: string, n: number, firstId: number): Incident[] =>
  Array.from({ length: n }, (_, i) =>
    incidentOf(firstId + i, 'pastes/outbound-write', {
      channel,
      firstSeen: NOW - (i + 2) * HOUR,
      lastSeen: NOW - (i + 1) * HOUR,
    }),
  );

describe('handoffToText', () => {
  it('lists each channel’s incidents with what the next shift needs, in English', () => {
    assert.equal(
      handoffToText(WEEK),
      `On-call handoff: last 7 days (2024-06-03 09:00 → 2024-06-10 09:00 UTC)
3 open, 4 in all

#C0ORDERS
🔴 open #4 Direct memory exhausted: 6 GiB of 6 GiB used, a 4 MiB chunk refused — Netty 4.1.100
  seen 1× · first 2024-06-10 04:00 · last 2024-06-10 08:00 UTC · latest 6 GiB of 6 GiB
  https://acme.slack.com/archives/C0ORDERS/p1717405923000100
🔴 open #1 Direct memory exhausted: 1022 MiB of 1 GiB used, a 4 MiB chunk refused — com.acme.orders (named from its package), Netty 4.1.94
  seen 3× · first 2024-06-03 07:12 · last 2024-06-03 13:13 UTC · latest 1022 MiB of 1 GiB
  trend +7.98 MiB/day over 3 readings · limit reached ~2024-06-03 19:14 UTC
  playbook: Netty: inbound handler retains, so reads never free
  feedback on the playbook: 👍 1 · 👎 1
  https://acme.slack.com/archives/C0ORDERS/p1717405923000100
🟢 resolved #3 Direct memory exhausted (JDK: Direct buffer memory) — Netty 4.1.60
  seen 1× · first 2024-06-07 09:00 · last 2024-06-07 09:00 UTC
  resolved by U0BOB at 2024-06-08 09:00 UTC

#C0GATEWAY
🟡 mitigated #2 堆外内存耗尽：已用 7.66 GiB / 上限 7.67 GiB，申请 16 MiB 的 chunk 失败 — Reactor Netty, Netty 4.1.33
  seen 2× · first 2024-06-08 09:00 · last 2024-06-09 09:00 UTC · reactor-netty · latest 7.66 GiB of 7.67 GiB
  playbook: Reactor Netty ran out of direct memory under load
  mitigated by U0ALICE at 2024-06-09 10:00 UTC
  https://acme.slack.com/archives/C0GATEWAY/p1717405923000100
`,
    );
  });

  it('writes the same in Chinese', () => {
    const lines = handoffToText(WEEK, 'zh').split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      '值班交接：最近 7 天（2024-06-03 09:00 → 2024-06-10 09:00 UTC）',
      '未解决 3 个，共 4 个',
    ]);
    assert.deepEqual(lines.slice(7, 12), [
      '🔴 未解决 #1 Direct memory exhausted: 1022 MiB of 1 GiB used, a 4 MiB chunk refused — com.acme.orders (named from its package), Netty 4.1.94',
      '  出现 3 次 · 首次 2024-06-03 07:12 · 最近 2024-06-03 13:13 UTC · 最近一次 1022 MiB / 1 GiB',
      '  趋势 +7.98 MiB/天（3 个读数） · 预计 2024-06-03 19:14 UTC 前后到达上限',
      '  处理手册：Netty: inbound handler retains, so reads never free',
      '  处理手册反馈：👍 1 · 👎 1',
    ]);
    assert.ok(lines.includes('  U0BOB 于 2024-06-08 09:00 UTC 标记为已解决'));
    assert.ok(lines.includes('  U0ALICE 于 2024-06-09 10:00 UTC 标记为已缓解'));
  });

  it('says so when the period had no incidents', () => {
    assert.equal(
      handoffToText(EMPTY),
      'On-call handoff: last 24 h (2024-06-09 09:00 → 2024-06-10 09:00 UTC)\n0 open, 0 in all\n\nNo incidents in this period.\n',
    );
    assert.equal(
      handoffToText(EMPTY, 'zh'),
      '值班交接：最近 24 小时（2024-06-09 09:00 → 2024-06-10 09:00 UTC）\n未解决 0 个，共 0 个\n\n这段时间没有事件。\n',
    );
  });
});

describe('handoffBlocks', () => {
  it('gives a header, a section per channel and per incident with links and mentions, and the period last', () => {
    const title = 'On-call handoff: last 7 days — 3 open, 4 in all';
    assert.deepEqual(handoffBlocks(WEEK), {
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: title } },
        section('*<#C0ORDERS>*'),
        section(
          '*🔴 open #4 Direct memory exhausted: 6 GiB of 6 GiB used, a 4 MiB chunk refused — Netty 4.1.100*\n' +
            '  seen 1× · first 2024-06-10 04:00 · last 2024-06-10 08:00 UTC · latest 6 GiB of 6 GiB\n' +
            '  <https://acme.slack.com/archives/C0ORDERS/p1717405923000100|thread>',
        ),
        section(
          '*🔴 open #1 Direct memory exhausted: 1022 MiB of 1 GiB used, a 4 MiB chunk refused — com.acme.orders (named from its package), Netty 4.1.94*\n' +
            '  seen 3× · first 2024-06-03 07:12 · last 2024-06-03 13:13 UTC · latest 1022 MiB of 1 GiB\n' +
            '  trend +7.98 MiB/day over 3 readings · limit reached ~2024-06-03 19:14 UTC\n' +
            '  playbook: Netty: inbound handler retains, so reads never free\n' +
            '  feedback on the playbook: 👍 1 · 👎 1\n' +
            '  <https://acme.slack.com/archives/C0ORDERS/p1717405923000100|thread>',
        ),
        section(
          '*🟢 resolved #3 Direct memory exhausted (JDK: Direct buffer memory) — Netty 4.1.60*\n' +
            '  seen 1× · first 2024-06-07 09:00 · last 2024-06-07 09:00 UTC\n' +
            '  resolved by <@U0BOB> at 2024-06-08 09:00 UTC',
        ),
        section('*<#C0GATEWAY>*'),
        section(
          '*🟡 mitigated #2 堆外内存耗尽：已用 7.66 GiB / 上限 7.67 GiB，申请 16 MiB 的 chunk 失败 — Reactor Netty, Netty 4.1.33*\n' +
            '  seen 2× · first 2024-06-08 09:00 · last 2024-06-09 09:00 UTC · reactor-netty · latest 7.66 GiB of 7.67 GiB\n' +
            '  playbook: Reactor Netty ran out of direct memory under load\n' +
            '  mitigated by <@U0ALICE> at 2024-06-09 10:00 UTC\n' +
            '  <https://acme.slack.com/archives/C0GATEWAY/p1717405923000100|thread>',
        ),
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Since 2024-06-03 09:00 UTC' }] },
      ],
      text: title,
    });
  });

  it('writes the blocks in Chinese, and says when nothing happened', () => {
    const zh = handoffBlocks(WEEK, 'zh');
    assert.equal(zh.text, '值班交接：最近 7 天 — 未解决 3 个，共 4 个');
    assert.deepEqual(zh.blocks.at(-1), {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '自 2024-06-03 09:00 UTC 起' }],
    });
    assert.deepEqual(handoffBlocks(EMPTY).blocks.slice(1), [
      section('No incidents in this period.'),
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Since 2024-06-09 09:00 UTC' }] },
    ]);
    assert.deepEqual(handoffBlocks(EMPTY, 'zh').blocks[1], section('这段时间没有事件。'));
  });

  it('escapes the titles it puts in mrkdwn, and clips an overlong one', () => {
    const [odd] = burst('C0ORDERS', 1, 1);
    assert.ok(odd);
    const title = `failed <b>&amp; ${'x'.repeat(4000)}`;
    const h = buildHandoff([{ ...odd, title }], [], () => [], NOW - DAY, NOW);
    const item = handoffBlocks(h).blocks[2];
    assert.ok(item?.type === 'section');
    const text = item.text?.text ?? '';
    assert.ok(text.startsWith('*🔴 open #1 failed &lt;b&gt;&amp;amp; xxx'), text.slice(0, 60));
    assert.equal(text.length, LIMITS.sectionText);
  });

  it("keeps within Slack's 50 blocks, the period still last", () => {
    const h = buildHandoff(burst('C0ORDERS', 60, 1), [], () => [], NOW - 7 * DAY, NOW);
    const { blocks } = handoffBlocks(h);
    assert.equal(blocks.length, LIMITS.blocks);
    assert.equal(blocks.at(-1)?.type, 'context');
    assert.equal(handoffBlocks(h).text, 'On-call handoff: last 7 days — 60 open, 60 in all');
  });

  it('never ends on a channel heading with none of its incidents under it', () => {
    // 46 incidents fill the message but for a heading: the next channel has no room left
    const h = buildHandoff(
      [...burst('C0A', 46, 1), ...burst('C0B', 3, 100)],
      [],
      () => [],
      NOW - 7 * DAY,
      NOW,
    );
    const { blocks } = handoffBlocks(h);
    assert.ok(blocks.length <= LIMITS.blocks);
    const last = blocks.at(-2);
    assert.ok(last?.type === 'section');
    assert.notEqual(last.text?.text, '*<#C0B>*');
  });
});
