import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { serialized } from '../../src/bot/reply-queue.ts';
import { type TestDeps, testDeps } from './bot-deps.ts';

let t: TestDeps;
const deps = async () => {
  t ??= await testDeps();
  return t.deps;
};
after(async () => {
  await t?.close();
});

/** A promise and the function that settles it. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('serialized', () => {
  it("runs an incident's work one at a time, in the order it came", async () => {
    const d = await deps();
    const log: string[] = [];
    const first = gate();
    const runs = [
      serialized(d, 1, async () => {
        log.push('first starts');
        await first.opened;
        log.push('first ends');
      }),
      serialized(d, 1, async () => {
        log.push('second');
      }),
      serialized(d, 1, async () => {
        log.push('third');
      }),
    ];
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(log, ['first starts']);
    first.open();
    await Promise.all(runs);
    assert.deepEqual(log, ['first starts', 'first ends', 'second', 'third']);
  });

  it('tells the work whether newer work waits behind it, so only the last updates the reply', async () => {
    const d = await deps();
    const first = gate();
    const seen: boolean[] = [];
    const work = (wait?: Promise<void>) => async (moreQueued: () => boolean) => {
      await wait;
      seen.push(moreQueued());
    };
    const runs = [serialized(d, 2, work(first.opened)), serialized(d, 2, work()), serialized(d, 2, work())];
    first.open();
    await Promise.all(runs);
    assert.deepEqual(seen, [true, true, false]);
  });

  it('lets other incidents run meanwhile', async () => {
    const d = await deps();
    const held = gate();
    const log: string[] = [];
    const slow = serialized(d, 3, async () => {
      await held.opened;
      log.push('incident 3');
    });
    await serialized(d, 4, async () => {
      log.push('incident 4');
    });
    held.open();
    await slow;
    assert.deepEqual(log, ['incident 4', 'incident 3']);
  });

  it('fails only the work that failed: the next one still runs', async () => {
    const d = await deps();
    const failing = serialized(d, 5, async () => {
      throw new Error('chat.update failed: message_not_found');
    });
    const next = serialized(d, 5, async () => {});
    await assert.rejects(failing, /message_not_found/);
    await next;
  });

  it('starts afresh once the queue has drained', async () => {
    const d = await deps();
    await Promise.all([serialized(d, 6, async () => {}), serialized(d, 6, async () => {})]);
    let queued: boolean | undefined;
    await serialized(d, 6, async (moreQueued) => {
      queued = moreQueued();
    });
    assert.equal(queued, false);
  });

  it('keeps a queue per bot: two bots in one process do not wait on each other', async () => {
    const other = await testDeps();
    try {
      const held = gate();
      const log: string[] = [];
      const slow = serialized(await deps(), 7, async () => {
        await held.opened;
        log.push('first bot');
      });
      await serialized(other.deps, 7, async () => {
        log.push('second bot');
      });
      held.open();
      await slow;
      assert.deepEqual(log, ['second bot', 'first bot']);
    } finally {
      await other.close();
    }
  });
});
