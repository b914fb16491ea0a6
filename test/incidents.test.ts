import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixture, ROOT } from './helpers.ts';
import { blockText, type Harness, message, SIGNING_SECRET, sign, startHarness } from './slack/harness.ts';
import { BOT_TOKEN, SlackStandIn } from './slack/stand-in.ts';

const SEED_000 = fixture('seeds/000-reactor-netty-load-test.txt');
const SEED_001 = fixture('seeds/001-grpc-explicit-512m.txt');
const BIN = join(ROOT, 'bin', 'netty-oom.js');
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));
const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'netty-oom-store-')), 'incidents.db');

/** One OOM line with its own timestamp: readings a day apart make a trend. */
const reading = (date: string, used: number) =>
  `${date} 10:00:00.000 [nioEventLoopGroup-3-2] WARN  i.n.c.DefaultChannelPipeline - exception\nio.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: ${used}, max: 8589934592)\n\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:843)\n\tat com.acme.orders.OrderHandler.channelRead(OrderHandler.java:42)\n`;

describe('incident memory in Slack', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('http');
  });
  after(async () => {
    await h.stop();
  });

  it('groups the same failure pasted three times into one incident, and updates its one reply', async () => {
    for (let i = 0; i < 3; i++) await h.event(message(SEED_000, { channel: 'CGROUP' }));
    await settle(400);
    const posts = h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'CGROUP');
    assert.equal(posts.length, 1);
    const updates = h.slack.callsOf('chat.update').filter((c) => c.args.channel === 'CGROUP');
    // The second update may be folded into the third: only the latest counts matter.
    assert.ok(updates.length >= 1 && updates.length <= 2, `${updates.length} updates`);
    assert.equal(updates.at(-1)?.args.ts, h.slack.messages.get(String(updates.at(-1)?.args.ts))?.ts);
    assert.match(
      blockText(updates.at(-1)?.args ?? {}),
      /自 <!date\^\d+\^\{date_short_pretty\} \{time\}\|[^>]+> 起已出现 3 次/,
    );
    const [incident] = await h.store.incidentsSince(0, 'CGROUP');
    assert.equal(incident?.occurrences, 3);
    assert.equal(incident?.framework, 'reactor-netty');
    assert.ok(incident?.firstPermalink?.startsWith('https://stand-in.slack.com/archives/CGROUP/p'));
  });

  it('links a repeat in another channel to the first thread', async () => {
    await h.event(message(SEED_000, { channel: 'COTHER' }));
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'COTHER');
    assert.match(
      blockText(post.args),
      /<#CGROUP> 里也出现过：<https:\/\/stand-in\.slack\.com\/archives\/CGROUP\/p\d+\|第一次的讨论>/,
    );
  });

  it('shows the growth rate and time to exhaustion from readings across pastes', async () => {
    await h.event(message(reading('2024-03-01', 4294967296), { channel: 'CTREND' }));
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CTREND');
    await h.event(message(reading('2024-03-03', 6442450944), { channel: 'CTREND' }));
    const update = await h.slack.waitForCall('chat.update', (c) => c.args.channel === 'CTREND');
    assert.match(
      blockText(update.args),
      /Trend \+1 GiB\/day: ~2 days from the last reading to the 8 GiB limit \(readings: 2024-03-01 10:00 4 GiB, 2024-03-03 10:00 6 GiB\)/,
    );
  });

  it('records Mitigated, Resolved and feedback with who and when, and shows them on the reply', async () => {
    await h.event(message(SEED_001, { channel: 'CMARK' }));
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CMARK');
    const blocks = post.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const buttons = blocks.at(-1)?.elements ?? [];
    assert.deepEqual(
      buttons.map((b) => b.action_id),
      ['incident_mitigated', 'incident_resolved', 'feedback_helpful', 'feedback_not_helpful'],
    );
    const ts = (await h.slack.waitFor('chat.postMessage')).find((c) => c.args.channel === 'CMARK')?.args;
    const msgTs = String(
      h.slack.callsOf('chat.postMessage').length
        ? [...h.slack.messages.values()].find((m) => m.channel === 'CMARK')?.ts
        : '',
    );
    const click = async (actionId: string, user: string) => {
      const b = buttons.find((x) => x.action_id === actionId);
      await h.interactive({
        type: 'block_actions',
        user: { id: user },
        team: { id: 'T0001' },
        channel: { id: 'CMARK' },
        container: { type: 'message', message_ts: msgTs, channel_id: 'CMARK', is_ephemeral: false },
        message: { type: 'message', ts: msgTs, text: ts?.text, blocks },
        response_url: `http://127.0.0.1:${h.slack.port}/response/mark`,
        trigger_id: 'trig-mark',
        actions: [
          { type: 'button', action_id: actionId, block_id: 'incident-x', value: b?.value, action_ts: '1' },
        ],
      });
    };
    await click('incident_mitigated', 'U0ALICE');
    await click('feedback_helpful', 'U0BOB');
    await click('feedback_helpful', 'U0CAROL');
    await click('feedback_not_helpful', 'U0DAVE');
    // A repeat updates the same reply and keeps its status line.
    await h.event(message(SEED_001, { channel: 'CMARK' }));
    const repeat = await h.slack.waitForCall(
      'chat.update',
      (c) => c.args.channel === 'CMARK' && /已出现 2 次/.test(blockText(c.args)),
    );
    assert.match(blockText(repeat.args), /🟡 <@U0ALICE> 于 .* 标记为已缓解 · 👍 2 · 👎 1/);
    await click('incident_resolved', 'U0BOB');
    const updates = await h.slack.waitFor('chat.update', 1);
    await settle(300);
    const last = h.slack
      .callsOf('chat.update')
      .filter((c) => c.args.channel === 'CMARK')
      .at(-1);
    assert.ok(last, String(updates.length));
    assert.match(
      blockText(last.args),
      // The reply is Chinese (the paste is), and so is the status line under it.
      /🟡 <@U0ALICE> 于 .* 标记为已缓解 · 🟢 <@U0BOB> 于 .* 标记为已解决 · 👍 2 · 👎 1/,
    );
    // Built again from the parts it was posted from: the same reply, the status line before the buttons.
    const rebuilt = last.args.blocks as { type: string; block_id?: string }[];
    const withoutRepeats = (bs: { type: string; block_id?: string }[]) =>
      bs.filter((b) => b.block_id !== 'incident-status' && b.block_id !== 'incident-seen');
    assert.deepEqual(withoutRepeats(rebuilt), withoutRepeats(blocks));
    assert.equal(rebuilt.at(-2)?.block_id, 'incident-status');
    const [incident] = await h.store.incidentsSince(0, 'CMARK');
    assert.equal(incident?.status, 'resolved');
    const marks = await h.store.marksOf([incident?.id ?? 0]);
    assert.deepEqual(
      marks.map((m) => [m.action, m.userId, m.playbookId]),
      [
        ['mitigated', 'U0ALICE', 'grpc-direct-memory-limit'],
        ['helpful', 'U0BOB', 'grpc-direct-memory-limit'],
        ['helpful', 'U0CAROL', 'grpc-direct-memory-limit'],
        ['not-helpful', 'U0DAVE', 'grpc-direct-memory-limit'],
        ['resolved', 'U0BOB', 'grpc-direct-memory-limit'],
      ],
    );
    assert.ok(
      (await h.store.feedback()).some(
        (f) => f.playbookId === 'grpc-direct-memory-limit' && f.helpful === 2 && f.notHelpful === 1,
      ),
    );
  });

  it('reads the facts people add in the thread with the first paste, and updates the reply once', async () => {
    // A full pool and nothing else: the paste alone cannot tell a leak from a small limit.
    const trace = fixture('corpus/p004.txt');
    const first = message(trace, { channel: 'CFOLLOW' });
    await h.event(first);
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CFOLLOW');
    assert.match(blockText(post.args), /Not decided yet/);
    const ts = String(first.ts);
    const answerText =
      'We raised the limit to 1g last week; it only delayed the failure, and restarting fixes it for a while.';
    const reply = message(answerText, { channel: 'CFOLLOW', thread_ts: ts, user: 'U0BOB' });
    h.slack.threads.set(ts, [
      { type: 'message', user: 'U0ALICE', text: trace, ts },
      { type: 'message', bot_id: 'B0BOT', text: 'the bot reply', ts: `${ts}1`, thread_ts: ts },
      { type: 'message', user: 'U0BOB', text: answerText, ts: reply.ts, thread_ts: ts },
    ]);
    await h.event(reply);
    const update = await h.slack.waitForCall('chat.update', (c) => c.args.channel === 'CFOLLOW');
    assert.match(blockText(update.args), /Most likely: Buffers are not released \(leak\)/);
    assert.match(blockText(update.args), /only delayed the failure/);
    const note = await h.slack.waitForCall(
      'chat.postMessage',
      (c) =>
        c.args.channel === 'CFOLLOW' && c.args.thread_ts === ts && /Read again/.test(String(c.args.text)),
    );
    assert.match(String(note.args.text), /Buffers are not released \(leak\)/);
    // Thanks in the thread change nothing: no second update, no second note.
    const thanks = message('thanks, looking at it', { channel: 'CFOLLOW', thread_ts: ts, user: 'U0BOB' });
    h.slack.threads
      .get(ts)
      ?.push({ type: 'message', user: 'U0BOB', text: 'thanks, looking at it', ts: thanks.ts, thread_ts: ts });
    await h.event(thanks);
    await settle(300);
    assert.equal(h.slack.callsOf('chat.update').filter((c) => c.args.channel === 'CFOLLOW').length, 1);
    assert.equal(
      h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'CFOLLOW').length,
      2,
      'the first reply and one note',
    );
  });

  it("answers /netty-oom handoff with the period's incidents per channel, open first", async () => {
    // Chinese in the command, a Chinese handoff; the English one asked next is the one App Home keeps.
    const zh = await h.command('handoff 24h 交接');
    const zhRes = await h.slack.waitForCall('response_url', (c) => c.args.path === zh.responsePath);
    assert.match(blockText(zhRes.args), /值班交接：最近 24 小时 — 未解决 \d+ 个，共 \d+ 个/);
    const cmd = await h.command('handoff 24h');
    const res = await h.slack.waitForCall('response_url', (c) => c.args.path === cmd.responsePath);
    const text = blockText(res.args);
    assert.match(text, /On-call handoff: last 24 h — \d+ open, \d+ in all/);
    assert.match(text, /\*<#CGROUP>\*\n\*🔴 open #\d+ 堆外内存耗尽/);
    assert.match(text, /🟢 resolved #\d+ 堆外内存耗尽：已用 496 MiB \/ 上限 512 MiB/);
    assert.match(text, /👍 2 · 👎 1/);
    assert.match(text, /mitigated by <@U0ALICE>/);
    assert.ok(text.indexOf('🔴 open') < text.indexOf('🟢 resolved'));
    const bad = await h.command('handoff soon');
    const badRes = await h.slack.waitForCall('response_url', (c) => c.args.path === bad.responsePath);
    assert.match(blockText(badRes.args), /"soon" is not a duration/);
  });

  it('shows open incidents and the last handoff on App Home', async () => {
    await h.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0001', tab: 'home' });
    const pub = await h.slack.waitForCall('views.publish', (c) =>
      JSON.stringify(c.args.view).includes('Open incidents'),
    );
    const view = JSON.stringify(pub.args.view);
    assert.match(view, /Open incidents\* \(\d+\)/);
    assert.match(view, /<#CGROUP>/);
    assert.match(view, /Last handoff/);
    assert.match(view, /On-call handoff: last 24 h/);
  });

  it('masks secrets and personal data before anything is posted or stored', async () => {
    const secret = [
      'prod gateway alice.smith@example.com from 10.33.144.227 token xoxb-1234567890-abcdefghij',
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlMTIz',
      'jdbc:postgresql://app:hunter2secret@db.internal:5432/orders password=S3cret! AKIAABCDEFGHIJKLMNOP',
      SEED_001,
    ].join('\n');
    await h.event(message(secret, { channel: 'CSECRET' }));
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CSECRET');
    const posted = JSON.stringify(post.args);
    const stored =
      readFileSync(h.dbFile).toString('latin1') + readFileSync(`${h.dbFile}-wal`).toString('latin1');
    for (const leak of [
      'alice.smith@example.com',
      '10.33.144.227',
      'xoxb-1234567890',
      'eyJhbGciOiJIUzI1NiJ9',
      'hunter2secret',
      'S3cret!',
      'AKIAABCDEFGHIJKLMNOP',
    ]) {
      assert.ok(!posted.includes(leak), `posted: ${leak}`);
      assert.ok(!stored.includes(leak), `stored: ${leak}`);
    }
  });

  it('records 200 traces arriving at once, each once, with one reply', async () => {
    const events = Array.from({ length: 200 }, (_, i) =>
      h.event(message(SEED_000, { channel: 'CBURST' }), `EvBurst${i}`),
    );
    await Promise.all(events);
    const until = Date.now() + 20_000;
    while (Date.now() < until && ((await h.store.incidentsSince(0, 'CBURST'))[0]?.occurrences ?? 0) < 200)
      await settle(50);
    await settle(500);
    const incidents = await h.store.incidentsSince(0, 'CBURST');
    assert.equal(incidents.length, 1);
    assert.equal(incidents[0]?.occurrences, 200);
    assert.equal(h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'CBURST').length, 1);
    // Redelivered, none is recorded again.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.event(message(SEED_000, { channel: 'CBURST' }), `EvBurst${i}`, 1),
      ),
    );
    await settle(300);
    assert.equal((await h.store.incidentsSince(0, 'CBURST'))[0]?.occurrences, 200);
  });
});

describe('the scheduled handoff', () => {
  it('posts the handoff to the configured channel on its schedule', async () => {
    const h = await startHarness('http', {
      env: { NETTY_OOM_HANDOFF_CRON: '* * * * * *', NETTY_OOM_HANDOFF_CHANNEL: 'CONCALL' },
    });
    try {
      const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CONCALL', 4000);
      assert.match(String(post.args.text), /^On-call handoff: last 24 h/);
      // Saved once Slack has accepted the post.
      const until = Date.now() + 3000;
      while (!(await h.store.lastHandoff()) && Date.now() < until) await settle(20);
      assert.match((await h.store.lastHandoff())?.text ?? '', /^On-call handoff: last 24 h/);
    } finally {
      await h.stop();
    }
  });
});

describe('durability', () => {
  it('keeps the incident and the de-duplication across a SIGKILL and restart', async () => {
    const slack = await new SlackStandIn().start();
    const db = tmpDb();
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      NETTY_OOM_DB: db,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
    };
    const startBot = async (): Promise<{ child: ChildProcess; port: number }> => {
      const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`bot did not start: ${out}`)), 15_000);
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /"port":(\d+)/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(Number(m[1]));
          }
        });
        child.stderr?.on('data', (d: Buffer) => {
          out += d.toString();
        });
      });
      return { child, port };
    };
    const deliver = async (port: number, retry: number) => {
      const body = JSON.stringify({
        type: 'event_callback',
        event_id: 'EvDurable',
        team_id: 'T0001',
        event: message(SEED_001, {
          channel: 'CDURABLE',
          ts: '1700001234.000100',
          client_msg_id: 'cm-durable',
        }),
      });
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': sign(body, ts),
          ...(retry ? { 'x-slack-retry-num': String(retry) } : {}),
        },
        body,
      });
      assert.equal(res.status, 200);
    };
    try {
      const first = await startBot();
      await deliver(first.port, 0);
      await slack.waitFor('chat.postMessage', 1, 10_000);
      first.child.kill('SIGKILL');
      await new Promise((r) => first.child.once('exit', r));

      const handoff = spawnSync(process.execPath, [BIN, 'handoff', '--since', '1h', '--json'], {
        env,
        encoding: 'utf8',
      });
      assert.equal(handoff.status, 0, handoff.stderr);
      const h = JSON.parse(handoff.stdout) as {
        total: number;
        channels: { channel: string; incidents: { title: string; occurrences: number }[] }[];
      };
      assert.equal(h.total, 1);
      assert.equal(h.channels[0]?.channel, 'CDURABLE');
      assert.match(h.channels[0]?.incidents[0]?.title ?? '', /^堆外内存耗尽：已用 496 MiB \/ 上限 512 MiB/);
      const zh = spawnSync(process.execPath, [BIN, 'handoff', '--since', '1h', '--lang', 'zh'], {
        env,
        encoding: 'utf8',
      });
      assert.match(zh.stdout, /^值班交接：最近 60 分钟.*\n未解决 1 个，共 1 个\n/);

      const second = await startBot();
      await deliver(second.port, 1);
      await settle(1000);
      assert.equal(slack.callsOf('chat.postMessage').length, 1, 'the retried event is not answered again');
      second.child.kill('SIGTERM');
      await new Promise((r) => second.child.once('exit', r));
    } finally {
      await slack.stop();
    }
  });
});
