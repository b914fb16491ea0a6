import assert from 'node:assert/strict';
import { after, describe, it, mock } from 'node:test';
import { messageKeys } from '../../src/bot/listeners/events/message.ts';
import {
  ackFirst,
  ackShortcutThenApologize,
  ackThenApologize,
  claimOnce,
  counted,
  inWatchedChannel,
  logFailures,
} from '../../src/bot/middleware.ts';
import { count, type TestDeps, testDeps } from './bot-deps.ts';

/** Call a middleware with the parts of Bolt's arguments it reads. */
function call<A>(middleware: (args: A) => Promise<void>, args: Record<string, unknown>): Promise<void> {
  // Bolt's argument types hold a whole request; the middleware reads only these parts.
  return middleware(args as unknown as A);
}

const opened: TestDeps[] = [];
async function setup(env: Record<string, string> = {}): Promise<TestDeps> {
  const t = await testDeps(env);
  opened.push(t);
  return t;
}
after(async () => {
  for (const t of opened) await t.close();
});

/** A message event as Slack delivers it, with its envelope. */
function messageEvent(
  eventId: string,
  channel: string,
  clientMsgId = 'c1d7a9f0-5d6e-4b1a-9a43-2f0e8f1b7c55',
) {
  return {
    body: { type: 'event_callback', event_id: eventId, team_id: 'T0ACME' },
    event: {
      type: 'message',
      channel,
      channel_type: 'channel',
      user: 'U0ALICE',
      text: 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 8220835847, max: 8232370176)',
      ts: '1717420800.000100',
      client_msg_id: clientMsgId,
    },
  };
}

const COMMAND = {
  command: '/netty-oom',
  text: 'handoff 24h',
  channel_id: 'C0INCIDENT',
  user_id: 'U0ALICE',
  response_url: 'https://hooks.slack.com/commands/T0ACME/1/abc',
};

describe('logFailures', () => {
  it("logs a listener's failure with the event id, counts it and drops it", async () => {
    const { deps, logs } = await setup();
    const next = mock.fn(async () => {
      throw new Error('An API error occurred: channel_not_found');
    });
    await call(logFailures(deps, 'message'), { body: { event_id: 'Ev0FAIL' }, next });
    assert.equal(next.mock.callCount(), 1);
    assert.equal(await count(deps.metrics.errors, { surface: 'message' }), 1);
    const line = logs.find((l) => l.msg === 'event listener failed');
    assert.ok(line);
    assert.equal(line.level, 50);
    assert.equal(line.event_id, 'Ev0FAIL');
    assert.equal(line.event_type, 'message');
    assert.deepEqual(
      (line.err as { type: string; message: string }).message,
      'An API error occurred: channel_not_found',
    );
  });

  it('says nothing when the listener succeeds', async () => {
    const { deps, logs } = await setup();
    const next = mock.fn(async () => {});
    await call(logFailures(deps, 'app_mention'), { body: { event_id: 'Ev0OK' }, next });
    assert.equal(next.mock.callCount(), 1);
    assert.equal(await count(deps.metrics.errors, { surface: 'app_mention' }), 0);
    assert.deepEqual(logs, []);
  });
});

describe('inWatchedChannel', () => {
  it('lets through only the channels NETTY_OOM_CHANNELS lists', async () => {
    const { deps } = await setup({ NETTY_OOM_CHANNELS: 'C0INCIDENT, C0ORDERS' });
    const watched = inWatchedChannel<'message'>(deps, ({ event }) => event.channel);
    const next = mock.fn(async () => {});
    await call(watched, { ...messageEvent('Ev1', 'C0ORDERS'), next });
    await call(watched, { ...messageEvent('Ev2', 'C0RANDOM'), next });
    assert.equal(next.mock.callCount(), 1);
  });

  it('watches every channel the bot is in when none are listed', async () => {
    const { deps } = await setup();
    const next = mock.fn(async () => {});
    await call(
      inWatchedChannel<'message'>(deps, ({ event }) => event.channel),
      { ...messageEvent('Ev1', 'C0RANDOM'), next },
    );
    assert.equal(next.mock.callCount(), 1);
  });
});

describe('claimOnce', () => {
  it('answers an event once, whether Slack retries it or delivers the message again under a new id', async () => {
    const { deps } = await setup();
    const once = claimOnce(deps, messageKeys);
    const next = mock.fn(async () => {});
    await call(once, { ...messageEvent('Ev0FIRST', 'C0INCIDENT'), next });
    await call(once, { ...messageEvent('Ev0FIRST', 'C0INCIDENT'), next }); // a retry
    await call(once, { ...messageEvent('Ev0SECOND', 'C0INCIDENT'), next }); // the same message again
    assert.equal(next.mock.callCount(), 1);
    await call(once, {
      ...messageEvent('Ev0THIRD', 'C0INCIDENT', 'f3b0c2aa-0000-4000-8000-000000000003'),
      next,
    });
    assert.equal(next.mock.callCount(), 2, 'another message goes on');
  });

  it('keeps the claims in the incident store, so they hold for another process on it', async () => {
    const { deps } = await setup();
    const next = mock.fn(async () => {});
    await call(claimOnce(deps, messageKeys), { ...messageEvent('Ev0STORED', 'C0INCIDENT'), next });
    assert.equal(await deps.store.claim('event:Ev0STORED'), false);
    assert.equal(await deps.store.claim('msg:c1d7a9f0-5d6e-4b1a-9a43-2f0e8f1b7c55'), false);
  });

  it('goes on when the event has no key to claim', async () => {
    const { deps } = await setup();
    const next = mock.fn(async () => {});
    const keyless = claimOnce<'message'>(deps, () => [false, undefined, null, '']);
    await call(keyless, { next });
    await call(keyless, { next });
    assert.equal(next.mock.callCount(), 2);
  });
});

describe('counted', () => {
  it('counts the event by its type and goes on', async () => {
    const { deps } = await setup();
    const next = mock.fn(async () => {});
    const mw = counted(deps, 'file_shared');
    await call(mw, { next });
    await call(mw, { next });
    assert.equal(next.mock.callCount(), 2);
    assert.equal(await count(deps.metrics.events, { type: 'file_shared' }), 2);
    assert.equal(await count(deps.metrics.events, { type: 'message' }), 0);
  });
});

describe('ackFirst', () => {
  it('acknowledges before doing the work', async () => {
    const order: string[] = [];
    await call(ackFirst(), {
      ack: async () => {
        order.push('ack');
      },
      next: async () => {
        order.push('work');
      },
    });
    assert.deepEqual(order, ['ack', 'work']);
  });
});

describe('ackThenApologize', () => {
  it('acknowledges, then works, and tells nobody anything when the work succeeds', async () => {
    const { deps, logs } = await setup();
    const order: string[] = [];
    const respond = mock.fn(async (_: unknown) => {});
    await call(ackThenApologize(deps), {
      ack: async () => {
        order.push('ack');
      },
      next: async () => {
        order.push('work');
      },
      respond,
      command: COMMAND,
    });
    assert.deepEqual(order, ['ack', 'work']);
    assert.equal(respond.mock.callCount(), 0);
    assert.deepEqual(logs, []);
  });

  it('answers a failed command privately with an apology carrying the reference of its log line', async () => {
    const { deps, logs } = await setup();
    const respond = mock.fn(async (_: unknown) => {});
    const ack = mock.fn(async () => {});
    await call(ackThenApologize(deps), {
      ack,
      next: async () => {
        throw new Error('SQLITE_BUSY: database is locked');
      },
      respond,
      command: COMMAND,
    });
    assert.equal(ack.mock.callCount(), 1);
    const line = logs.find((l) => l.msg === 'command failed');
    assert.ok(line);
    assert.equal(line.command, '/netty-oom');
    assert.equal(line.channel, 'C0INCIDENT');
    const ref = String(line.ref);
    assert.match(ref, /^[0-9a-z]{1,6}$/);
    const sorry = `Sorry: something went wrong while answering (reference ${ref}). The error is logged; please try again.`;
    assert.deepEqual(respond.mock.calls[0]?.arguments, [
      {
        response_type: 'ephemeral',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: sorry } }],
        text: sorry,
      },
    ]);
    assert.equal(await count(deps.metrics.errors, { surface: 'command' }), 1);
  });

  it('apologises in Chinese for a command written in Chinese', async () => {
    const { deps, logs } = await setup();
    const respond = mock.fn(async (_: { text: string }) => {});
    await call(ackThenApologize(deps), {
      ack: async () => {},
      next: async () => {
        throw new Error('boom');
      },
      respond,
      command: { ...COMMAND, text: 'handoff 24h 交接' },
    });
    const ref = String(logs.find((l) => l.msg === 'command failed')?.ref);
    assert.equal(
      respond.mock.calls[0]?.arguments[0].text,
      `抱歉：回复时出错了（编号 ${ref}），错误已记录，请重试。`,
    );
  });

  it('logs an apology that could not be delivered, and still returns', async () => {
    const { deps, logs } = await setup();
    await call(ackThenApologize(deps), {
      ack: async () => {},
      next: async () => {
        throw new Error('boom');
      },
      respond: async () => {
        throw new Error('response_url expired');
      },
      command: COMMAND,
    });
    const failed = logs.find((l) => l.msg === 'command failed');
    const undelivered = logs.find((l) => l.msg === 'could not deliver the apology');
    assert.ok(failed && undelivered);
    assert.equal(undelivered.level, 40);
    assert.equal(undelivered.ref, failed.ref);
  });
});

describe('ackShortcutThenApologize', () => {
  it('acknowledges, then sends the apology for a failed shortcut privately to whoever asked', async () => {
    const { deps, logs } = await setup();
    const order: string[] = [];
    const postEphemeral = mock.fn(async (_: { channel: string; user: string; text: string }) => ({
      ok: true,
    }));
    await call(ackShortcutThenApologize(deps), {
      ack: async () => {
        order.push('ack');
      },
      next: async () => {
        order.push('work');
        throw new Error('An API error occurred: not_in_channel');
      },
      shortcut: {
        type: 'message_action',
        callback_id: 'analyze_oom_trace',
        channel: { id: 'C0ORDERS', name: 'orders' },
        user: { id: 'U0BOB', name: 'bob' },
        message: { type: 'message', text: '压测时出现 OutOfDirectMemoryError', ts: '1717420800.000100' },
      },
      client: { chat: { postEphemeral } },
    });
    assert.deepEqual(order, ['ack', 'work']);
    const line = logs.find((l) => l.msg === 'shortcut failed');
    assert.ok(line);
    assert.equal(line.channel, 'C0ORDERS');
    assert.deepEqual(postEphemeral.mock.calls[0]?.arguments, [
      {
        channel: 'C0ORDERS',
        user: 'U0BOB',
        text: `抱歉：回复时出错了（编号 ${line.ref}），错误已记录，请重试。`,
      },
    ]);
    assert.equal(await count(deps.metrics.errors, { surface: 'shortcut' }), 1);
  });
});
