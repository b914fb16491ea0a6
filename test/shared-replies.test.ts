import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SharedReplies } from '../src/bot/shared-replies.ts';
import type { MessageParts } from '../src/render/message.ts';

/** A private answer of about 1 KB, with the language it was written in. */
const answer = (n: number, text: string): MessageParts => ({
  base: {
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `answer ${n} ${'x'.repeat(1000)}` } }],
    text,
  },
  context: { lang: 'en' },
});

describe('replies kept for the Share and Full playbook buttons', () => {
  it('gives a kept reply back once, whole', () => {
    const shared = new SharedReplies();
    const id = shared.keep(answer(1, 'one'));
    assert.deepEqual(shared.take(id), answer(1, 'one'));
    assert.equal(shared.take(id), null);
    assert.deepEqual(shared.size, { count: 0, chars: 0 });
  });

  it('shows a kept reply as often as its Full playbook button is clicked, until its time is up', () => {
    let now = 0;
    const shared = new SharedReplies(1_000_000, 60_000, () => now);
    const id = shared.keep(answer(1, 'one'));
    assert.deepEqual(shared.peek(id), answer(1, 'one'));
    assert.deepEqual(shared.peek(id), answer(1, 'one'));
    assert.equal(shared.size.count, 1);
    now = 61_000;
    assert.equal(shared.peek(id), null);
    assert.equal(shared.peek('no-such-id'), null);
  });

  it('stays within its size budget, dropping the oldest first', () => {
    const shared = new SharedReplies(10_000);
    const ids = Array.from({ length: 100 }, (_, i) => shared.keep(answer(i, `r${i}`)));
    assert.ok(shared.size.chars <= 10_000, `${shared.size.chars} chars kept`);
    const one = JSON.stringify(answer(99, 'r99')).length;
    assert.equal(shared.size.count, Math.floor(10_000 / one), 'as many of the newest as fit');
    assert.equal(shared.take(ids[0] as string), null);
    assert.equal(shared.take(ids[99] as string)?.base.text, 'r99');
  });

  it('forgets a reply after its time, and drops expired ones as new ones come', () => {
    let now = 0;
    const shared = new SharedReplies(1_000_000, 60_000, () => now);
    const old = shared.keep(answer(1, 'old'));
    now = 61_000;
    assert.equal(shared.take(old), null);
    shared.keep(answer(2, 'a'));
    now = 200_000;
    shared.keep(answer(3, 'b'));
    assert.equal(shared.size.count, 1);
  });

  it('keeps the newest reply even when it alone is over the budget', () => {
    const shared = new SharedReplies(100);
    const id = shared.keep(answer(1, 'big'));
    assert.equal(shared.take(id)?.base.text, 'big');
  });
});
