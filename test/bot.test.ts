import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { answer } from '../src/app/answer.ts';
import { LIMITS } from '../src/render/blocks.ts';
import { playbookBlocks } from '../src/render/playbook-blocks.ts';
import { fixture, kb, ROOT } from './helpers.ts';
import { blockText, type Harness, message, shareClick, sign, startHarness } from './slack/harness.ts';
import { BOT_TOKEN, BOT_USER } from './slack/stand-in.ts';

const SEED_000 = fixture('seeds/000-reactor-netty-load-test.txt');
const SEED_004 = fixture('seeds/004-inbound-handler-leak.txt');
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

/** A click on the Full playbook button of a reply the bot posted, as Slack sends it. */
function fullPlaybookClick(
  h: Harness,
  posted: Record<string, unknown>,
  triggerId: string,
): Record<string, unknown> {
  const blocks = posted.blocks as { elements?: { action_id: string; value: string }[] }[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'full_playbook');
  assert.ok(button, 'the reply has a Full playbook button');
  const ts = [...h.slack.messages.entries()].find(
    ([, m]) => m.channel === posted.channel && m.thread_ts === posted.thread_ts,
  )?.[0];
  assert.ok(ts);
  return {
    type: 'block_actions',
    user: { id: 'U0ALICE' },
    team: { id: 'T0001' },
    api_app_id: 'A0001',
    channel: { id: posted.channel },
    container: { type: 'message', message_ts: ts, channel_id: posted.channel, is_ephemeral: false },
    message: { type: 'message', ts, thread_ts: posted.thread_ts, text: posted.text, blocks },
    trigger_id: triggerId,
    response_url: `http://127.0.0.1:${h.slack.port}/response/pb-${triggerId}`,
    actions: [
      {
        type: 'button',
        action_id: 'full_playbook',
        block_id: 'full-playbook',
        value: button.value,
        action_ts: '1700000000.2',
      },
    ],
  };
}

function withinSlackLimits(args: Record<string, unknown>): void {
  const blocks = args.blocks as { type: string; text?: { text: string } }[];
  assert.ok(blocks.length <= LIMITS.blocks);
  for (const b of blocks)
    if (b.type === 'section' && b.text) assert.ok(b.text.text.length <= LIMITS.sectionText);
  assert.equal(typeof args.text, 'string');
}

for (const mode of ['http', 'socket'] as const) {
  describe(`the bot over ${mode === 'http' ? 'the HTTP Events API' : 'Socket Mode'}`, () => {
    let h: Harness;
    let channels = 0;
    /** A fresh channel: a repeat of the same failure in one channel updates the earlier reply instead. */
    const ch = () => `C${mode.toUpperCase()}${++channels}`;
    before(async () => {
      h = await startHarness(mode);
    });
    after(async () => {
      await h.stop();
    });

    it('replies once, in the thread, to a trace pasted in a channel', async () => {
      const m = message(SEED_000, { channel: ch() });
      await h.event(m);
      const [post] = await h.slack.waitFor('chat.postMessage');
      assert.ok(post);
      assert.equal(post.args.channel, m.channel);
      assert.equal(post.args.thread_ts, m.ts);
      assert.match(blockText(post.args), /堆外内存耗尽：已用 7\.66 GiB \/ 上限 7\.67 GiB/);
      assert.equal(
        post.args.text,
        '堆外内存耗尽：已用 7.66 GiB / 上限 7.67 GiB，申请 16 MiB 的 chunk 失败 — Reactor Netty, Netty 4.1.33',
      );
      withinSlackLimits(post.args);
      assert.equal(post.headers.authorization, `Bearer ${BOT_TOKEN}`);
    });

    it('keeps silent on chatter, bot messages, its own messages, edits and deletions', async () => {
      const before = h.slack.callsOf('chat.postMessage').length;
      await h.event(message('anyone up for lunch? also direct memory looks high today'));
      await h.event(message(SEED_000, { bot_id: 'B0OTHER', subtype: 'bot_message' }));
      await h.event(message(SEED_000, { user: BOT_USER }));
      await h.event({ ...message(''), subtype: 'message_changed', message: { text: SEED_000 } });
      await h.event({ ...message(''), subtype: 'message_deleted' });
      await settle();
      assert.equal(h.slack.callsOf('chat.postMessage').length, before);
    });

    it('answers a retried or duplicated event only once', async () => {
      const before = h.slack.callsOf('chat.postMessage').length;
      const m = message(SEED_004, { channel: ch() });
      await h.event(m, 'EvRetry1');
      await h.event(m, 'EvRetry1', 1);
      await h.event(m, 'EvRetry1', 2);
      await h.event(m, 'EvOtherIdSameMessage');
      await h.slack.waitFor('chat.postMessage', before + 1);
      await settle();
      assert.equal(h.slack.callsOf('chat.postMessage').length, before + 1);
    });

    it('reads a snippet upload of seed 004 with the bot token, and does not answer its file_shared twice', async () => {
      const before = h.slack.callsOf('chat.postMessage').length;
      const file = h.slack.addFile(`F${mode}004`, 'trace.txt', SEED_004);
      const m = message('', { subtype: 'file_share', files: [file], channel: ch() });
      await h.event(m);
      const posts = await h.slack.waitFor('chat.postMessage', before + 1);
      const post = posts.at(-1);
      assert.equal(post?.args.thread_ts, m.ts);
      assert.match(blockText(post?.args ?? {}), /已用 1\.98 GiB \/ 上限 2 GiB/);
      const download = h.slack.callsOf('file.download').at(-1);
      assert.equal(download?.headers.authorization, `Bearer ${BOT_TOKEN}`);
      await h.event({
        type: 'file_shared',
        file_id: file.id,
        channel_id: 'C0INCIDENT',
        user_id: 'U0ALICE',
        event_ts: m.ts,
      });
      await settle(200);
      assert.equal(h.slack.callsOf('chat.postMessage').length, before + 1);
    });

    it('answers a file_shared event alone through files.info, in the thread of the share', async () => {
      const before = h.slack.callsOf('chat.postMessage').length;
      const file = h.slack.addFile(`F${mode}shared`, 'gateway.log', SEED_000, {
        shares: { public: { C0INCIDENT: [{ ts: '1700009999.000100' }] } },
      });
      await h.event({
        type: 'file_shared',
        file_id: file.id,
        channel_id: 'C0INCIDENT',
        user_id: 'U0ALICE',
        event_ts: '1700009999.000100',
      });
      const post = (await h.slack.waitFor('chat.postMessage', before + 1)).at(-1);
      assert.equal(post?.args.thread_ts, '1700009999.000100');
      assert.ok(h.slack.callsOf('files.info').some((c) => c.args.file === file.id));
    });

    it('reads a 5 MB log file with the trace at its end', async () => {
      const before = h.slack.callsOf('chat.postMessage').length;
      const filler =
        '2024-05-17 10:00:00.000 [exec-1] INFO c.a.App - ordinary application line with some words\n'.repeat(
          60_000,
        );
      const file = h.slack.addFile(`F${mode}5mb`, 'app.log', `${filler}${SEED_004}`);
      assert.ok((file.size as number) > 5_000_000);
      await h.event(message('here is the log', { subtype: 'file_share', files: [file], channel: ch() }));
      const post = (await h.slack.waitFor('chat.postMessage', before + 1, 15_000)).at(-1);
      assert.match(blockText(post?.args ?? {}), /1\.98 GiB/);
    });

    it('says clearly when an attached log is too large to read', async () => {
      const before = h.slack.callsOf('chat.postMessage').length;
      const file = h.slack.addFile(`F${mode}big`, 'huge.log', 'x', { size: 21 * 1024 * 1024 });
      await h.event(message('', { subtype: 'file_share', files: [file], channel: ch() }));
      const post = (await h.slack.waitFor('chat.postMessage', before + 1)).at(-1);
      assert.equal(
        post?.args.text,
        '`huge.log` is 21 MiB: I read files up to 20 MiB. Run `netty-oom analyze huge.log` on a machine that has it, or paste the part around the error.',
      );
    });

    it('answers a mention with a trace, a bare mention in a thread (from its parent), and a question', async () => {
      const before = h.slack.callsOf('chat.postMessage').length;
      const withTrace = message(`<@${BOT_USER}> what is this?\n${SEED_000}`, {
        type: 'app_mention',
        channel: ch(),
      });
      await h.event(withTrace);
      let post = (await h.slack.waitFor('chat.postMessage', before + 1)).at(-1);
      assert.match(blockText(post?.args ?? {}), /7\.66 GiB/);

      // The thread's first message, as conversations.replies returns it.
      h.slack.messages.set('1700005555.000100', {
        ts: '1700005555.000100',
        text: fixture('seeds/001-grpc-explicit-512m.txt'),
      });
      await h.event(
        message(`<@${BOT_USER}>`, { type: 'app_mention', thread_ts: '1700005555.000100', channel: ch() }),
      );
      post = (await h.slack.waitFor('chat.postMessage', before + 2)).at(-1);
      assert.equal(post?.args.thread_ts, '1700005555.000100');
      assert.match(blockText(post?.args ?? {}), /512 MiB/);

      await h.event(message(`<@${BOT_USER}> 堆外内存一直涨怎么排查`, { type: 'app_mention' }));
      post = (await h.slack.waitFor('chat.postMessage', before + 3)).at(-1);
      assert.match(blockText(post?.args ?? {}), /知识库：“堆外内存一直涨怎么排查” 共 5 条结果/);
    });

    it('acknowledges /netty-oom at once and answers privately through response_url, with a share button', async () => {
      const cmd = await h.command(SEED_000);
      assert.equal(cmd.status, 200);
      assert.ok(cmd.ms < 3000, `acknowledged after ${cmd.ms} ms`);
      const res = await h.slack.waitForCall('response_url', (c) => c.args.path === cmd.responsePath);
      assert.equal(res.args.response_type, 'ephemeral');
      const blocks = res.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
      const share = blocks.at(-1)?.elements?.[0];
      assert.equal(share?.action_id, 'share_reply');

      await h.interactive(shareClick(share?.value, `http://127.0.0.1:${h.slack.port}/response/share-1`));
      const shared = await h.slack.waitForCall(
        'response_url',
        (c) => c.args.path === '/response/share-1' && c.args.response_type === 'in_channel',
      );
      // The shared answer is Chinese (so is the paste), and so is the line that says who shared it.
      assert.match(blockText(shared.args), /由 <@U0ALICE> 分享/);
      assert.match(blockText(shared.args), /7\.66 GiB/);
    });

    it('answers /netty-oom search, help and an empty command', async () => {
      for (const [text, expect] of [
        [
          'search grpc shaded netty flags ignored',
          /Knowledge base: \d+ result\(s\) for “grpc shaded netty flags ignored”/,
        ],
        ['help', /`\/netty-oom search QUERY`/],
        ['', /`\/netty-oom search QUERY`/],
      ] as const) {
        const cmd = await h.command(text);
        const res = await h.slack.waitForCall('response_url', (c) => c.args.path === cmd.responsePath);
        assert.match(blockText(res.args), expect, text);
      }
    });

    it('analyzes a message chosen with the "Analyze OOM trace" shortcut, in its thread', async () => {
      const before = h.slack.callsOf('chat.postMessage').length;
      const shortcut = (text: string) => ({
        type: 'message_action',
        callback_id: 'analyze_oom_trace',
        trigger_id: 'trig-sc',
        team: { id: 'T0001' },
        user: { id: 'U0ALICE' },
        channel: { id: `C${mode}SHORTCUT`, name: 'incident' },
        message_ts: '1700007777.000100',
        message: { type: 'message', user: 'U0BOB', text, ts: '1700007777.000100' },
        response_url: `http://127.0.0.1:${h.slack.port}/response/sc`,
      });
      await h.interactive(shortcut(SEED_004));
      const post = (await h.slack.waitFor('chat.postMessage', before + 1)).at(-1);
      assert.equal(post?.args.thread_ts, '1700007777.000100');
      const eph = h.slack.callsOf('chat.postEphemeral').length;
      await h.interactive(shortcut('just a normal message'));
      const note = (await h.slack.waitFor('chat.postEphemeral', eph + 1)).at(-1);
      assert.equal(note?.args.text, 'I found no direct-memory OOM or Netty LEAK report in that message.');
      assert.equal(note?.args.user, 'U0ALICE');
    });

    it('opens every step of the playbook in a modal when Full playbook is clicked, with the click’s trigger', async () => {
      const m = message(SEED_004, { channel: ch() });
      await h.event(m);
      const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === m.channel);
      const click = fullPlaybookClick(h, post.args, `trig-pb-${mode}`);
      await h.interactive(click);
      const open = await h.slack.waitForCall('views.open', (c) => c.args.trigger_id === `trig-pb-${mode}`);
      const expected = answer(SEED_004, kb).fullPlaybook;
      assert.ok(expected);
      const view = open.args.view as { type: string; title: { text: string }; blocks: unknown[] };
      assert.equal(view.type, 'modal');
      assert.equal(view.title.text, '完整处理步骤');
      assert.deepEqual(view.blocks, playbookBlocks(expected, 'zh'));
      assert.equal(
        view.blocks.filter((b) => /^\*\d+\. /.test((b as { text?: { text: string } }).text?.text ?? ''))
          .length,
        expected.steps.length,
      );
    });

    it('posts the steps in the thread instead when the trigger has expired', async () => {
      const m = message(SEED_004, { channel: ch() });
      await h.event(m);
      const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === m.channel);
      await h.interactive(fullPlaybookClick(h, post.args, 'expired-trigger'));
      const steps = await h.slack.waitForCall(
        'chat.postMessage',
        (c) => c.args.channel === m.channel && c.args.thread_ts === m.ts && c !== post,
      );
      const expected = answer(SEED_004, kb).fullPlaybook;
      assert.ok(expected);
      assert.deepEqual(steps.args.blocks, playbookBlocks(expected, 'zh'));
      assert.equal(steps.args.text, expected.title);
    });

    it('publishes App Home with the knowledge base size', async () => {
      await h.event({ type: 'app_home_opened', user: 'U0ALICE', channel: 'D0001', tab: 'home' });
      const [pub] = await h.slack.waitFor('views.publish');
      assert.equal(pub?.args.user_id, 'U0ALICE');
      const size = `${kb.entries.length} entries, ${kb.playbooks.length} playbooks`;
      assert.ok(JSON.stringify(pub?.args.view).includes(size), size);
    });

    it('logs a Web API failure with the event id, and keeps running', async () => {
      h.slack.fail('chat.postMessage', { status: 500, times: 1 });
      await h.event(message(SEED_000, { channel: ch() }), `EvFailing500${mode}`);
      await settle(300);
      const line = h.logs.find((l) => l.includes(`EvFailing500${mode}`) && l.includes('"level":50'));
      assert.ok(line, 'an error line with the event id');
      assert.match(line, /"event_type":"message"/);
      const before = h.slack.callsOf('chat.postMessage').length;
      await h.event(message(SEED_004, { channel: ch() }));
      await h.slack.waitFor('chat.postMessage', before + 1);
    });

    it('never writes a token in its logs', () => {
      const all = h.logs.join('\n');
      assert.ok(!all.includes(BOT_TOKEN));
      assert.ok(!all.includes('xapp-1-test-secret'));
    });
  });
}

describe('the HTTP transport', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('http');
  });
  after(async () => {
    await h.stop();
  });

  it('opens the playbook of a private answer from what memory keeps, and says so when nothing is kept', async () => {
    const cmd = await h.command(SEED_004);
    const res = await h.slack.waitForCall('response_url', (c) => c.args.path === cmd.responsePath);
    const blocks = res.args.blocks as { elements?: { action_id: string; value: string }[] }[];
    const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'full_playbook');
    assert.ok(button);
    const click = (value: string, trigger: string) => ({
      type: 'block_actions',
      user: { id: 'U0ALICE' },
      team: { id: 'T0001' },
      api_app_id: 'A0001',
      channel: { id: 'C0INCIDENT' },
      container: { type: 'message', message_ts: '1700000000.000300', is_ephemeral: true },
      trigger_id: trigger,
      response_url: `http://127.0.0.1:${h.slack.port}/response/${trigger}`,
      actions: [
        { type: 'button', action_id: 'full_playbook', block_id: 'full-playbook', value, action_ts: '1.2' },
      ],
    });
    await h.interactive(click(button.value, 'trig-private'));
    const open = await h.slack.waitForCall('views.open', (c) => c.args.trigger_id === 'trig-private');
    const expected = answer(SEED_004, kb).fullPlaybook;
    assert.ok(expected);
    assert.deepEqual((open.args.view as { blocks: unknown[] }).blocks, playbookBlocks(expected, 'zh'));

    await h.interactive(click('|no-such-id', 'trig-gone'));
    const gone = await h.slack.waitForCall('response_url', (c) => c.args.path === '/response/trig-gone');
    assert.equal(gone.args.response_type, 'ephemeral');
    assert.match(blockText(gone.args), /That playbook is no longer kept/);
  });

  it('refuses requests with a bad, missing or stale signature (401) and answers none of them', async () => {
    const body = JSON.stringify({ type: 'event_callback', event_id: 'EvForged', event: message(SEED_000) });
    const bad = await h.post(body, 'json', { signature: 'v0=0000' });
    assert.equal(bad.status, 401);
    const stale = Math.floor(Date.now() / 1000) - 600;
    const old = await h.post(body, 'json', { timestamp: stale, signature: sign(body, stale) });
    assert.equal(old.status, 401);
    const otherSecret = await h.post(body, 'json', {
      signature: sign(body, Math.floor(Date.now() / 1000), 'wrong-secret'),
    });
    assert.equal(otherSecret.status, 401);
    await settle();
    assert.equal(h.slack.callsOf('chat.postMessage').length, 0);
  });

  it('answers a replayed request (same body, same signature) only once, and refuses one without headers', async () => {
    const m = message(SEED_000, { channel: 'CREPLAY' });
    const body = JSON.stringify({ type: 'event_callback', event_id: 'EvReplay', team_id: 'T0001', event: m });
    const ts = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i++)
      assert.equal((await h.post(body, 'json', { timestamp: ts, signature: sign(body, ts) })).status, 200);
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CREPLAY');
    await settle(300);
    assert.equal(h.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'CREPLAY').length, 1);
    const bare = await fetch(`http://127.0.0.1:${h.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(bare.status, 401);
  });

  it('answers a signed body it cannot dispatch with 400 at once, an unsigned one with 401, and keeps serving', async () => {
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const malformed: [string, 'json' | 'form'][] = [
      ['null', 'json'],
      ['[]', 'json'],
      ['42', 'json'],
      ['"text"', 'json'],
      ['{"type":"event_callback","event":null}', 'json'],
      ['{"type":"event_callback","event":"message"}', 'json'],
      ['{"type":"something_else"}', 'json'],
      ['{not json', 'json'],
      [form({ payload: 'null' }), 'form'],
      [form({ payload: '{"type":"block_actions"' }), 'form'],
      [form({ payload: '{"type":"unknown"}' }), 'form'],
      [form({ hello: 'world' }), 'form'],
    ];
    for (const [body, type] of malformed) {
      const started = performance.now();
      const res = await h.post(body, type);
      assert.equal(res.status, 400, body);
      assert.ok(performance.now() - started < 1000, `${body}: ${Math.round(performance.now() - started)} ms`);
      const unsigned = await h.post(body, type, { signature: 'v0=0000' });
      assert.equal(unsigned.status, 401, `${body} unsigned`);
    }
    const m = message(SEED_000, { channel: 'CAFTERBAD' });
    assert.equal(await h.event(m), 200);
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CAFTERBAD');
  });

  it("answers Slack's URL verification", async () => {
    const res = await h.post(
      JSON.stringify({ type: 'url_verification', challenge: 'ch4llenge', token: 'x' }),
      'json',
    );
    assert.equal(res.status, 200);
    assert.match(await res.text(), /ch4llenge/);
  });

  it('serves /healthz and Prometheus /metrics', async () => {
    await h.event(message(SEED_000));
    await h.slack.waitFor('chat.postMessage');
    const health = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(await health.text(), 'ok');
    const metrics = await (await fetch(`http://127.0.0.1:${h.port}/metrics`)).text();
    assert.match(metrics, /netty_oom_events_received_total\{type="message"\} [1-9]\d*/);
    assert.match(metrics, /netty_oom_traces_detected_total\{surface="message"\} [1-9]\d*/);
    assert.match(metrics, /netty_oom_replies_posted_total\{surface="message"\} [1-9]\d*/);
    assert.match(metrics, /netty_oom_reply_latency_seconds_count\{surface="message"\} [1-9]\d*/);
    assert.match(metrics, /^process_resident_memory_bytes [1-9]\d*/m);
    assert.match(metrics, /^nodejs_heap_size_used_bytes [1-9]\d*/m);
  });

  it('answers only in the channels NETTY_OOM_CHANNELS names', async () => {
    const w = await startHarness('http', { channels: 'C0WATCHED' });
    try {
      await w.event(message(SEED_000));
      await w.event(message(SEED_000, { channel: 'C0WATCHED' }));
      const posts = await w.slack.waitFor('chat.postMessage');
      await settle();
      assert.deepEqual(
        w.slack.callsOf('chat.postMessage').map((c) => c.args.channel),
        ['C0WATCHED'],
      );
      assert.equal(posts.length, 1);
    } finally {
      await w.stop();
    }
  });
});

describe('the Slack manifest', () => {
  it('declares exactly the events, command and shortcut the app listens to', async () => {
    const h = await startHarness('http');
    try {
      const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as {
        features: {
          slash_commands: { command: string }[];
          shortcuts: { callback_id: string; type: string }[];
          app_home: { home_tab_enabled: boolean };
        };
        settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
        oauth_config: { scopes: { bot: string[] } };
      };
      const declaredEvents = [
        ...new Set(
          manifest.settings.event_subscriptions.bot_events.map((e) => e.replace(/^message\..*/, 'message')),
        ),
      ].sort();
      assert.deepEqual(declaredEvents, [...h.bot.registered.events].sort());
      assert.deepEqual(
        manifest.features.slash_commands.map((c) => c.command).sort(),
        [...h.bot.registered.commands].sort(),
      );
      assert.deepEqual(
        manifest.features.shortcuts.map((s) => s.callback_id).sort(),
        [...h.bot.registered.shortcuts].sort(),
      );
      assert.equal(
        manifest.settings.interactivity.is_enabled,
        h.bot.registered.actions.length + h.bot.registered.shortcuts.length > 0,
      );
      assert.equal(
        manifest.features.app_home.home_tab_enabled,
        h.bot.registered.events.includes('app_home_opened'),
      );
      assert.deepEqual(manifest.oauth_config.scopes.bot.sort(), [
        'app_mentions:read',
        'channels:history',
        'channels:read',
        'chat:write',
        'commands',
        'files:read',
        'groups:history',
        'groups:read',
        'im:read',
        'mpim:read',
      ]);
    } finally {
      await h.stop();
    }
  });
});
