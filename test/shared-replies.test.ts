import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SharedReplies } from '../src/bot/shared-replies.ts';
import type { Block } from '../src/render/blocks.ts';

const reply = (n: number): Block[] => [
  { type: 'section', text: { type: 'mrkdwn', text: `answer ${n} ${'x'.repeat(1000)}` } },
];

describe('replies kept for the Share button', () => {
  it('gives a kept reply back once, whole', () => {
    const shared = new SharedReplies();
    const id = shared.keep(reply(1), 'one');
    assert.deepEqual(shared.take(id), { blocks: reply(1), text: 'one' });
    assert.equal(shared.take(id), null);
    assert.deepEqual(shared.size, { count: 0, chars: 0 });
  });

  it('stays within its size budget, dropping the oldest first', () => {
    const shared = new SharedReplies(10_000);
    const ids = Array.from({ length: 100 }, (_, i) => shared.keep(reply(i), `r${i}`));
    assert.ok(shared.size.chars <= 10_000, `${shared.size.chars} chars kept`);
    assert.equal(shared.size.count, 9);
    assert.equal(shared.take(ids[0] as string), null);
    assert.equal(shared.take(ids[99] as string)?.text, 'r99');
  });

  it('forgets a reply after its time, and drops expired ones as new ones come', () => {
    let now = 0;
    const shared = new SharedReplies(1_000_000, 60_000, () => now);
    const old = shared.keep(reply(1), 'old');
    now = 61_000;
    assert.equal(shared.take(old), null);
    shared.keep(reply(2), 'a');
    now = 200_000;
    shared.keep(reply(3), 'b');
    assert.equal(shared.size.count, 1);
  });

  it('keeps the newest reply even when it alone is over the budget', () => {
    const shared = new SharedReplies(100);
    const id = shared.keep(reply(1), 'big');
    assert.equal(shared.take(id)?.text, 'big');
  });
});
