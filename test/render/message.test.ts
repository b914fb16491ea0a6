import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../src/app/answer.ts';
import { trendOf } from '../../src/core/trend.ts';
import type { Block, Reply } from '../../src/render/blocks.ts';
import { LIMITS } from '../../src/render/blocks.ts';
import {
  composeMessage,
  type MessageContext,
  PLAYBOOK_ACTION,
  parsePlaybookRef,
  playbookRefValue,
  SEEN_BLOCK,
  STATUS_BLOCK,
  statusLine,
} from '../../src/render/message.ts';
import type { Mark } from '../../src/store/store.ts';
import { goldenReport } from '../fixture-files.ts';
import { kb } from '../helpers.ts';

// multi-trace.log: three OOMs three hours apart, answered with the copy-not-released playbook
const multi = goldenReport('pastes/multi-trace');
const answer = complete(multi, kb);
const trend = trendOf(multi.summary.samples, multi.summary.maxBytes);
assert.ok(trend);

const FIRST_SEEN = Date.parse('2024-06-03T07:12:05Z');
const PERMALINK = 'https://acme.slack.com/archives/C0OTHER/p1717405923000100';
const context = (text: string, blockId?: string): Block => ({
  type: 'context',
  ...(blockId ? { block_id: blockId } : {}),
  elements: [{ type: 'mrkdwn', text }],
});
const button = (action_id: string, text: string, value: string) => ({
  type: 'button' as const,
  action_id,
  text: { type: 'plain_text' as const, text },
  value,
});
const compose = (c: MessageContext, base: Reply = answer.reply) => composeMessage({ base, context: c });
const mark = (action: Mark['action'], userId: string, at: string): Mark => ({
  incidentId: 7,
  action,
  userId,
  at: Date.parse(at),
  playbookId: null,
});

describe('composeMessage', () => {
  it('posts an answer with nothing around it as it was built', () => {
    assert.deepEqual(compose({ lang: 'en' }), answer.reply);
  });

  it('puts the trend and repeats under the headline, notes after the answer, then status and buttons', () => {
    const message = compose({
      lang: 'en',
      incident: { id: 7, occurrences: 3, firstSeen: FIRST_SEEN, playbookId: 'netty-copy-not-released' },
      trend: { trend, maxBytes: multi.summary.maxBytes },
      elsewhere: { channel: 'C0OTHER', permalink: PERMALINK },
      storeProblem: { kind: 'full' },
      marks: [mark('helpful', 'U0BOB', '2024-06-03T08:00:00Z')],
      shareId: 'share-1',
      sharedBy: 'U0ALICE',
    });
    const [head, ...body] = answer.reply.blocks;
    assert.deepEqual(message.blocks.slice(0, 3), [
      head,
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '📈 Trend +7.98 MiB/day: ~6 h from the last reading to the 1 GiB limit (readings: 2024-06-03 07:12 1020 MiB, 2024-06-03 10:12 1021 MiB, 2024-06-03 13:13 1022 MiB)',
        },
      },
      context(
        `🔁 Seen 3 times since <!date^1717398725^{date_short_pretty} {time}|2024-06-03 07:12 UTC> · Also seen in <#C0OTHER>: <${PERMALINK}|first thread>`,
        SEEN_BLOCK,
      ),
    ]);
    assert.deepEqual(message.blocks.slice(3, 3 + body.length), body);
    const value = '7|netty-copy-not-released';
    assert.deepEqual(message.blocks.slice(3 + body.length), [
      context(
        '⚠️ I could not record this incident: the incident store is full (disk or quota). The answer is complete; the handoff will miss it.',
      ),
      context('Shared by <@U0ALICE>'),
      context('👍 1 · 👎 0', STATUS_BLOCK),
      {
        type: 'actions',
        block_id: 'incident-7',
        elements: [
          button('incident_mitigated', 'Mitigated', value),
          { ...button('incident_resolved', 'Resolved', value), style: 'primary' },
          button('feedback_helpful', '👍 Helpful', value),
          button('feedback_not_helpful', '👎 Not helpful', value),
        ],
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: 'Share in channel' },
            action_id: 'share_reply',
            value: 'share-1',
            style: 'primary',
          },
        ],
      },
    ]);
    assert.equal(message.text, answer.reply.text);
  });

  it('says nothing of repeats the first time, and links the other channel alone', () => {
    const first = compose({
      lang: 'en',
      incident: { id: 7, occurrences: 1, firstSeen: FIRST_SEEN, playbookId: null },
      elsewhere: { channel: 'C0OTHER', permalink: PERMALINK },
    });
    assert.deepEqual(
      first.blocks[1],
      context(`Also seen in <#C0OTHER>: <${PERMALINK}|first thread>`, SEEN_BLOCK),
    );
    const alone = compose({
      lang: 'en',
      incident: { id: 7, occurrences: 1, firstSeen: FIRST_SEEN, playbookId: null },
    });
    assert.equal(
      alone.blocks.some((b) => b.block_id === SEEN_BLOCK),
      false,
    );
    const buttons = alone.blocks.at(-1);
    assert.ok(buttons?.type === 'actions');
    assert.deepEqual(
      buttons.elements.map((b) => b.value),
      ['7|', '7|', '7|', '7|'],
      'an incident with no playbook still carries its id',
    );
  });

  it('says repeats and the other channel in Chinese', () => {
    const zh = compose({
      lang: 'zh',
      incident: { id: 7, occurrences: 2, firstSeen: FIRST_SEEN, playbookId: null },
      elsewhere: { channel: 'C0OTHER', permalink: PERMALINK },
      sharedBy: 'U0ALICE',
    });
    assert.deepEqual(
      zh.blocks[1],
      context(
        `🔁 自 <!date^1717398725^{date_short_pretty} {time}|2024-06-03 07:12 UTC> 起已出现 2 次 · <#C0OTHER> 里也出现过：<${PERMALINK}|第一次的讨论>`,
        SEEN_BLOCK,
      ),
    );
    assert.deepEqual(zh.blocks.at(-2), context('由 <@U0ALICE> 分享'));
  });

  it('names what is wrong with the store, escaping the driver’s words', () => {
    const note = (c: MessageContext) => compose(c).blocks.at(-1);
    assert.deepEqual(
      note({ lang: 'en', storeProblem: { kind: 'read-only' } }),
      context(
        '⚠️ I could not record this incident: the incident store is read-only. The answer is complete; the handoff will miss it.',
      ),
    );
    assert.deepEqual(
      note({
        lang: 'en',
        storeProblem: { kind: 'failing', message: 'SQLITE_IOERR: disk <I/O> error & more' },
      }),
      context(
        '⚠️ I could not record this incident: the incident store is failing (SQLITE_IOERR: disk &lt;I/O&gt; error &amp; more). The answer is complete; the handoff will miss it.',
      ),
    );
    assert.deepEqual(
      note({ lang: 'zh', storeProblem: { kind: 'full' } }),
      context('⚠️ 无法记录这次事件：事件存储已满（磁盘或配额）。回复是完整的，但交接里不会出现它。'),
    );
  });

  it('shows no status line before anyone marked the incident', () => {
    const message = compose({ lang: 'en', marks: [] });
    assert.deepEqual(message, answer.reply);
  });

  it("keeps within Slack's 50 blocks by trimming the answer's body, never the headline, notes or buttons", () => {
    const steps: Block[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'section',
      text: { type: 'mrkdwn', text: `step ${i + 1}` },
    }));
    const long: Reply = { blocks: [...answer.reply.blocks.slice(0, 1), ...steps], text: 'long' };
    const full: MessageContext = {
      lang: 'en',
      incident: { id: 7, occurrences: 3, firstSeen: FIRST_SEEN, playbookId: null },
      trend: { trend, maxBytes: multi.summary.maxBytes },
      storeProblem: { kind: 'full' },
      marks: [mark('resolved', 'U0BOB', '2024-06-03T10:40:00Z')],
      shareId: 'share-1',
      sharedBy: 'U0ALICE',
    };
    const message = composeMessage({
      base: long,
      context: full,
      ...(answer.fullPlaybook ? { playbook: answer.fullPlaybook } : {}),
    });
    assert.equal(message.blocks.length, LIMITS.blocks);
    assert.deepEqual(message.blocks[0], long.blocks[0]);
    // headline, trend and repeats; 41 steps; playbook, store note, shared by, status, marks, share
    assert.deepEqual(message.blocks.slice(3, 44), steps.slice(0, 41));
    assert.deepEqual(
      message.blocks.slice(44).map((b) => b.block_id ?? b.type),
      ['full-playbook', 'context', 'context', STATUS_BLOCK, 'incident-7', 'actions'],
    );
  });
});

describe('the Full playbook button', () => {
  const playbook = answer.fullPlaybook;
  assert.ok(playbook);
  const button = (value: string, text = '📋 Full playbook'): Block => ({
    type: 'actions',
    block_id: 'full-playbook',
    elements: [{ type: 'button', text: { type: 'plain_text', text }, action_id: PLAYBOOK_ACTION, value }],
  });

  it("follows the answer's steps, pointing to the incident's record and to what memory keeps", () => {
    const incident = { id: 7, occurrences: 1, firstSeen: FIRST_SEEN, playbookId: 'netty-copy-not-released' };
    const posted = composeMessage({ base: answer.reply, playbook, context: { lang: 'en', incident } });
    const body = answer.reply.blocks.length;
    assert.deepEqual(posted.blocks[body], button('7|'));
    assert.equal(posted.blocks[body + 1]?.block_id, 'incident-7');
    const shared = composeMessage({ base: answer.reply, playbook, context: { lang: 'zh', keptId: 'k-1' } });
    assert.deepEqual(shared.blocks.at(-1), button('|k-1', '📋 完整处理步骤'));
    const both = composeMessage({
      base: answer.reply,
      playbook,
      context: { lang: 'en', incident, shareId: 's-1' },
    });
    assert.deepEqual(both.blocks[body], button('7|s-1'));
  });

  it('is left out with no playbook, or with nowhere a click could find it', () => {
    const buttons = (m: Reply) => m.blocks.filter((b) => b.block_id === 'full-playbook');
    assert.deepEqual(buttons(composeMessage({ base: answer.reply, playbook, context: { lang: 'en' } })), []);
    assert.deepEqual(buttons(compose({ lang: 'en', keptId: 'k-1' })), []);
  });

  it('carries a ref that reads back as it was written, and nothing from a value that is not one', () => {
    for (const ref of [
      { incidentId: 7, keptId: null },
      { incidentId: null, keptId: 'k-1' },
      { incidentId: 12, keptId: '3f2a' },
    ])
      assert.deepEqual(parsePlaybookRef(playbookRefValue(ref)), ref);
    assert.deepEqual(parsePlaybookRef(''), { incidentId: null, keptId: null });
    assert.deepEqual(parsePlaybookRef('x|'), { incidentId: null, keptId: null });
  });
});

describe('statusLine', () => {
  const marks = [
    mark('mitigated', 'U0ALICE', '2024-06-03T09:12:00Z'),
    mark('helpful', 'U0BOB', '2024-06-03T09:20:00Z'),
    mark('mitigated', 'U0CAROL', '2024-06-03T09:30:00Z'),
    mark('not-helpful', 'U0EVE', '2024-06-03T09:40:00Z'),
    mark('helpful', 'U0DAN', '2024-06-03T09:50:00Z'),
    mark('resolved', 'U0BOB', '2024-06-03T10:40:00Z'),
  ];

  it('names who last mitigated and resolved it, and when, then counts the feedback', () => {
    assert.equal(
      statusLine(marks, 'en'),
      '🟡 Mitigated by <@U0CAROL> <!date^1717407000^{time}|09:30 UTC> · 🟢 Resolved by <@U0BOB> <!date^1717411200^{time}|10:40 UTC> · 👍 2 · 👎 1',
    );
    assert.equal(
      statusLine(marks, 'zh'),
      '🟡 <@U0CAROL> 于 <!date^1717407000^{time}|09:30 UTC> 标记为已缓解 · 🟢 <@U0BOB> 于 <!date^1717411200^{time}|10:40 UTC> 标记为已解决 · 👍 2 · 👎 1',
    );
  });

  it('shows only what happened, and nothing for no marks', () => {
    assert.equal(statusLine(marks.slice(3, 4), 'en'), '👍 0 · 👎 1');
    assert.equal(
      statusLine(marks.slice(0, 1), 'en'),
      '🟡 Mitigated by <@U0ALICE> <!date^1717405920^{time}|09:12 UTC>',
    );
    assert.equal(statusLine([], 'en'), '');
  });
});
