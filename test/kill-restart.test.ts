/**
 * The bot as it ships, killed with SIGKILL in the middle of its work and started again on the same
 * store: every event Slack was told was received is answered, and none twice.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { openStore } from '../src/store/open.ts';
import { fixture } from './helpers.ts';
import { type BotProcess, spawnBot } from './slack/bot-process.ts';
import { blockText, message } from './slack/harness.ts';
import { type Call, SlackStandIn } from './slack/stand-in.ts';

const SEED_000 = fixture('seeds/000-reactor-netty-load-test.txt');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'netty-oom-kill-')), 'incidents.db');

/** The replies posted in each thread, by `channel thread_ts`. */
function postsPerThread(slack: SlackStandIn): Map<string, Call[]> {
  const threads = new Map<string, Call[]>();
  for (const c of slack.callsOf('chat.postMessage')) {
    const thread = `${c.args.channel} ${c.args.thread_ts}`;
    threads.set(thread, [...(threads.get(thread) ?? []), c]);
  }
  return threads;
}

/** SIGKILL the bot as soon as the stand-in sees a call `test` picks (once). */
function killOn(slack: SlackStandIn, bot: () => BotProcess, test: (c: Call) => boolean): () => boolean {
  let killed = false;
  slack.onCall((c) => {
    if (killed || !test(c)) return;
    killed = true;
    bot().signal('SIGKILL');
  });
  return () => killed;
}

async function until(what: string, done: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * A stand-in Slack and the bot on a fresh store, both stopped when the test ends, even after a failed
 * check, so the run ends and says what failed; `restart` starts the bot again on the same store.
 */
async function killableBot(t: TestContext) {
  const slack = await new SlackStandIn().start();
  const db = tmpDb();
  let bot = await spawnBot(slack, { NETTY_OOM_DB: db });
  t.after(async () => {
    await bot.stop();
    await slack.stop();
  });
  return {
    slack,
    db,
    bot: () => bot,
    restart: async () => {
      bot = await spawnBot(slack, { NETTY_OOM_DB: db });
      return bot;
    },
  };
}

describe('a bot killed with SIGKILL and started again', () => {
  it('answers every acknowledged event of a 50-event burst exactly once, the unacknowledged on retry', async (t) => {
    const run = await killableBot(t);
    const { slack, db } = run;
    let bot = run.bot();
    // Fifty pastes in fifty channels: each is answered by one post in its own thread.
    const burst = Array.from({ length: 50 }, (_, i) => ({
      id: `EvKill${i}`,
      m: message(SEED_000, { channel: `CKILL${String(i).padStart(2, '0')}` }),
    }));
    // Slack takes its time (permalinks 400 ms, posts 300 ms, as under its rate limits), so answers
    // lag the acknowledgements; the bot is killed as the 15th reply is posted: Slack keeps that
    // reply, the bot never learns its timestamp, and the events behind it are claimed, unanswered.
    slack.fail('chat.getPermalink', { status: 200, delayMs: 400, times: 1000 });
    slack.fail('chat.postMessage', { status: 200, delayMs: 300, times: 1000 });
    // Slack keeps the messages: an event answered after the restart is read again from there.
    for (const e of burst) slack.messages.set(String(e.m.ts), e.m);
    let posted = 0;
    const killed = killOn(
      slack,
      () => bot,
      (c) => c.method === 'chat.postMessage' && ++posted === 15,
    );
    // One event every 20 ms: those sent after the kill are refused, and Slack retries them.
    const acked = await Promise.all(
      burst.map(async (e, i) => {
        await sleep(i * 20);
        return bot.event(e.m, e.id).then(
          (status) => status === 200,
          () => false,
        );
      }),
    );
    await until('the kill', killed);
    await bot.stop();
    const beforeRestart = postsPerThread(slack);

    slack.faults.clear();
    bot = await run.restart();
    try {
      // Slack retries what it never heard acknowledged; what it did hear, it never sends again.
      const retried = burst.filter((_, i) => !acked[i]);
      await Promise.all(retried.map((e) => bot.event(e.m, e.id, 1)));
      await until('a reply in every thread', () => postsPerThread(slack).size === 50);
      await sleep(1000);
    } finally {
      assert.deepEqual((await bot.stop()).leaked, []);
    }
    const threads = postsPerThread(slack);
    const doubled = [...threads].filter(([, posts]) => posts.length > 1).map(([thread]) => thread);
    const ackedCount = acked.filter(Boolean).length;
    const answeredAfter = burst.filter(
      (e, i) => acked[i] && !beforeRestart.has(`${e.m.channel} ${e.m.ts}`),
    ).length;
    const figures = {
      sent: burst.length,
      acknowledged: ackedCount,
      answeredBeforeKill: beforeRestart.size,
      acknowledgedAnsweredAfterRestart: answeredAfter,
      retriedBySlack: burst.length - ackedCount,
      doubled: doubled.length,
    };
    process.stderr.write(`kill test: ${JSON.stringify(figures)}\n`);
    assert.deepEqual(doubled, [], 'no thread has two replies');
    assert.equal(threads.size, 50, 'every thread has its reply');
    for (const e of burst)
      assert.ok(threads.has(`${e.m.channel} ${e.m.ts}`), `${e.id} answered in its thread`);
    assert.ok(answeredAfter > 0, `the kill left acknowledged events unanswered: ${JSON.stringify(figures)}`);
    // The reply torn from its timestamp by the kill is the incident's reply, found again.
    const store = await openStore({ path: db });
    try {
      for (const e of burst) {
        const [incident] = await store.incidentsSince(0, String(e.m.channel));
        const [post] = threads.get(`${e.m.channel} ${e.m.ts}`) ?? [];
        const ts = [...slack.messages.values()].find((m) => m.channel === e.m.channel && m.metadata)?.ts;
        assert.ok(post && ts);
        assert.equal(incident?.replyTs, ts, `${e.id}: the reply's timestamp is saved`);
        assert.equal(incident?.occurrences, 1, `${e.id}: recorded once`);
      }
    } finally {
      await store.close();
    }
  });

  it('updates, on the next repeat, a reply posted just before the kill instead of posting another', async (t) => {
    const run = await killableBot(t);
    const { slack } = run;
    let bot = run.bot();
    const killed = killOn(
      slack,
      () => bot,
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'CTORN',
    );
    const first = message(SEED_000, { channel: 'CTORN' });
    slack.messages.set(String(first.ts), first);
    await bot.event(first, 'EvTorn1');
    await until('the kill', killed);
    await bot.stop();
    const [torn] = slack.callsOf('chat.postMessage');
    const tornTs = [...slack.messages.values()].find((m) => m.channel === 'CTORN' && m.metadata)?.ts;
    assert.ok(torn && tornTs);

    bot = await run.restart();
    try {
      await bot.event(message(SEED_000, { channel: 'CTORN' }), 'EvTorn2');
      const update = await slack.waitForCall(
        'chat.update',
        (c) => c.args.channel === 'CTORN' && /2 次|2 times/.test(blockText(c.args)),
        15_000,
      );
      assert.equal(update.args.ts, tornTs, 'the reply posted before the kill is the one updated');
      await sleep(500);
      assert.equal(
        slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'CTORN').length,
        1,
        'no second reply',
      );
    } finally {
      await bot.stop();
    }
  });
});
