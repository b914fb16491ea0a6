import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { fixture } from './helpers.ts';
import { probeWhileBigFileIsRead } from './slack/big-file.ts';
import { type BotProcess, spawnBot } from './slack/bot-process.ts';
import { blockText, type Harness, message, startHarness } from './slack/harness.ts';
import { SlackStandIn } from './slack/stand-in.ts';

const SEED_000 = fixture('seeds/000-reactor-netty-load-test.txt');
const SEED_001 = fixture('seeds/001-grpc-explicit-512m.txt');
const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));
/** Replies Slack accepted in a channel (the stand-in keeps only successful posts). */
const posted = (h: Harness, channel: string) =>
  [...h.slack.messages.values()].filter((m) => m.channel === channel);

describe('Slack misbehaving (HTTP mode, the Web API client retrying as in production)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('http', { retries: 3 });
  });
  after(async () => {
    await h.stop();
  });

  it('waits out a 429 with Retry-After and posts once', async () => {
    h.slack.fail('chat.postMessage', { status: 429, headers: { 'retry-after': '1' }, times: 1 });
    const t0 = Date.now();
    await h.event(message(SEED_000, { channel: 'C429' }));
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'C429' && c.at - t0 >= 900, 8000);
    await settle();
    assert.equal(posted(h, 'C429').length, 1);
  });

  it('retries a 500 and a dropped connection, and posts once', async () => {
    h.slack.fail('chat.postMessage', { status: 500, times: 1 });
    await h.event(message(SEED_000, { channel: 'C500' }));
    h.slack.fail('chat.postMessage', { status: 200, drop: true, times: 1 });
    await h.event(message(SEED_001, { channel: 'CDROP' }));
    const until = Date.now() + 15_000;
    while (Date.now() < until && (posted(h, 'C500').length < 1 || posted(h, 'CDROP').length < 1))
      await settle(100);
    await settle(300);
    assert.equal(posted(h, 'C500').length, 1);
    assert.equal(posted(h, 'CDROP').length, 1);
  });

  it('answers other messages while one reply waits on a 5 s response', async () => {
    h.slack.fail('chat.postMessage', { status: 200, delayMs: 5000, times: 1 });
    await h.event(message(SEED_000, { channel: 'CSLOW' }));
    await settle(100);
    const t0 = Date.now();
    await h.event(message(SEED_001, { channel: 'CFAST' }));
    const fast = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CFAST', 4000);
    assert.ok(fast.at - t0 < 3000, `the other reply took ${fast.at - t0} ms`);
    const until = Date.now() + 8000;
    while (posted(h, 'CSLOW').length === 0 && Date.now() < until) await settle(50);
    await settle(300);
    assert.equal(posted(h, 'CSLOW').length, 1);
  });

  it('answers through chat.postEphemeral when the response_url has expired', async () => {
    h.slack.fail('response_url', { status: 404, body: 'expired_url', times: 1 });
    await h.command(SEED_000, { channel_id: 'CEXPIRED' });
    const eph = await h.slack.waitForCall('chat.postEphemeral', (c) => c.args.channel === 'CEXPIRED', 8000);
    assert.equal(eph.args.user, 'U0ALICE');
    assert.match(blockText(eph.args), /Direct memory exhausted|堆外内存耗尽/);
    assert.ok(h.logs.some((l) => l.includes('response_url refused the answer')));
  });

  it('still answers after all of it, without a restart', async () => {
    await h.event(message(SEED_001, { channel: 'CAFTER' }));
    await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CAFTER');
  });
});

describe('Socket Mode connection trouble', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('socket', { retries: 2 });
  });
  after(async () => {
    await h.stop();
  });

  it('reconnects when Slack asks for a refresh, and when the connection drops', async () => {
    for (const [i, mode] of (['refresh', 'drop'] as const).entries()) {
      const opened = h.slack.callsOf('apps.connections.open').length;
      h.slack.disconnectSockets(mode);
      await h.slack.waitFor('apps.connections.open', opened + 1, 15_000);
      const until = Date.now() + 10_000;
      while (h.slack.socketCount === 0 && Date.now() < until) await settle(50);
      await h.event(message(SEED_000, { channel: `CSOCK${i}` }));
      await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === `CSOCK${i}`, 10_000);
    }
  });
});

describe('the incident store failing mid-run', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness('http');
  });
  after(async () => {
    await h.stop();
  });

  /** The store's own connection, to make it read-only as a remounted disk would. */
  const db = () => (h.store as unknown as { db: import('better-sqlite3').Database }).db;

  it('answers with a clear note while the store is read-only, and records again once it is not', async () => {
    db().pragma('query_only = ON');
    try {
      await h.event(message(SEED_000, { channel: 'CSTORERO' }));
      const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CSTORERO', 5000);
      assert.match(blockText(post.args), /无法记录这次事件：事件存储只读。/);
      assert.ok(
        h.logs.some((l) => l.includes('"level":50') && /readonly/.test(l)),
        'an error line names the problem',
      );
    } finally {
      db().pragma('query_only = OFF');
    }
    await h.event(message(SEED_001, { channel: 'CSTORERO2' }));
    const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CSTORERO2', 5000);
    assert.doesNotMatch(blockText(post.args), /无法记录/);
    assert.equal((await h.store.incidentsSince(0, 'CSTORERO2')).length, 1);
  });
});

describe('a real disk filling up under the bot (a 2 MiB tmpfs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netty-oom-full-'));
  let mounted = false;
  let slack: SlackStandIn;
  let bot: BotProcess;
  before(async () => {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
      mounted = true;
    } catch {
      return;
    }
    slack = await new SlackStandIn().start();
    bot = await spawnBot(slack, { NETTY_OOM_DB: join(dir, 'incidents.db') });
  });
  after(async () => {
    if (!mounted) return;
    try {
      assert.deepEqual((await bot.stop()).leaked, [], 'no secret in the log');
      await slack.stop();
    } finally {
      execFileSync('umount', [dir]);
    }
  });

  /** Write until the file system says ENOSPC, as a runaway log would. */
  const fill = (file: string) => {
    const fd = openSync(file, 'w');
    const chunk = Buffer.alloc(16 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch (err) {
      assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
    } finally {
      closeSync(fd);
    }
  };
  const reply = async (channel: string, text: string) => {
    await bot.event(message(text, { channel }));
    return blockText(
      (await slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel, 8000)).args,
    );
  };

  it('answers with a note while the disk is full, logs it, and records again once space is freed', async (t) => {
    if (!mounted) return t.skip('mounting a tmpfs needs root (CAP_SYS_ADMIN) here');
    assert.doesNotMatch(await reply('CDISK1', SEED_000), /could not record/);
    fill(join(dir, 'filler'));
    const since = bot.logLines;
    assert.match(await reply('CDISK2', SEED_001), /无法记录这次事件：事件存储已满（磁盘或配额）/);
    // The log reaches the test through a pipe, the reply through HTTP: either may arrive first.
    await bot.waitForLog(/"level":50.*database or disk is full/, { since });
    rmSync(join(dir, 'filler'));
    assert.doesNotMatch(await reply('CDISK3', SEED_001), /could not record/);
    const { code } = await bot.stop();
    assert.equal(code, 0, 'the bot ran on and stopped cleanly');
    const db = new Database(join(dir, 'incidents.db'), { readonly: true });
    const channels = (
      db.prepare('SELECT channel FROM incidents ORDER BY id').all() as { channel: string }[]
    ).map((r) => r.channel);
    db.close();
    assert.deepEqual(channels, ['CDISK1', 'CDISK3']);
  });
});

describe('the knowledge base edited while the bot runs', () => {
  const root = mkdtempSync(join(tmpdir(), 'netty-oom-kb-'));
  const pmap = join(root, 'knowledge', 'tool-pmap.yml');
  let slack: SlackStandIn;
  let bot: BotProcess;
  before(async () => {
    for (const dir of ['knowledge', 'playbooks'])
      cpSync(new URL(`../${dir}`, import.meta.url), join(root, dir), { recursive: true });
    slack = await new SlackStandIn().start();
    bot = await spawnBot(slack, { NETTY_OOM_KNOWLEDGE: root });
  });
  after(async () => {
    assert.deepEqual((await bot.stop()).leaked, [], 'no secret in the log');
    await slack.stop();
  });

  /** The titles `/netty-oom search` answers with. */
  const search = async (query: string) => {
    const { responsePath } = await bot.command(`search ${query}`);
    const call = await slack.waitForCall('response_url', (c) => c.args.path === responsePath, 5000);
    return blockText(call.args);
  };

  it('answers with an edit as soon as it is saved', async () => {
    const since = bot.logLines;
    writeFileSync(
      pmap,
      readFileSync(pmap, 'utf8').replace('pmap -X twice: find', 'pmap -X twice (renamed): find'),
    );
    await bot.waitForLog(/knowledge base reloaded/, { since });
    assert.match(
      await search('pmap memory region grows'),
      /pmap -X twice \(renamed\): find the memory region that grows/,
    );
  });

  it('keeps the last good knowledge base when an edit breaks a file, and says where', async () => {
    const good = readFileSync(pmap, 'utf8');
    try {
      let since = bot.logLines;
      writeFileSync(pmap, good.replace('kind: tool', 'kind: toool'));
      const line = await bot.waitForLog(/knowledge base not reloaded/, { since });
      assert.match(line, /"level":50/);
      assert.match(line, /knowledge\/tool-pmap\.yml:3:7 kind: must be one of cause, tool/);
      since = bot.logLines;
      writeFileSync(pmap, good.replace('kind: tool', 'kind: [tool'));
      assert.match(
        await bot.waitForLog(/knowledge base not reloaded/, { since }),
        /knowledge\/tool-pmap\.yml:\d+:\d+ invalid YAML/,
      );
      assert.match(await search('pmap memory region grows'), /pmap -X twice \(renamed\)/);
      await bot.event(message(SEED_001, { channel: 'CKBBROKEN' }));
      const post = await slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CKBBROKEN', 5000);
      assert.match(blockText(post.args), /496 MiB/);
    } finally {
      const since = bot.logLines;
      writeFileSync(pmap, good);
      await bot.waitForLog(/knowledge base reloaded/, { since });
    }
  });

  it('answers a trace with a playbook edited under it, read by the analysis threads', async () => {
    const playbook = join(root, 'playbooks', 'grpc-direct-memory-limit.yml');
    const good = readFileSync(playbook, 'utf8');
    try {
      const since = bot.logLines;
      writeFileSync(playbook, good.replace('gRPC：直接内存上限太小', 'gRPC：直接内存上限（已修改）'));
      await bot.waitForLog(/knowledge base reloaded/, { since });
      await bot.event(message(SEED_001, { channel: 'CKBEDITED' }));
      const post = await slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CKBEDITED', 5000);
      assert.match(blockText(post.args), /gRPC：直接内存上限（已修改）/);
    } finally {
      const since = bot.logLines;
      writeFileSync(playbook, good);
      await bot.waitForLog(/knowledge base reloaded/, { since });
    }
  });

  it('reloads on SIGHUP', async () => {
    const since = bot.logLines;
    bot.signal('SIGHUP');
    assert.match(await bot.waitForLog(/knowledge base reloaded/, { since }), /"reason":"SIGHUP"/);
  });
});

describe('a 20 MiB file being analysed holds up nothing else', () => {
  let slack: SlackStandIn;
  let bot: BotProcess;
  before(async () => {
    slack = await new SlackStandIn().start();
    bot = await spawnBot(slack);
  });
  after(async () => {
    assert.deepEqual((await bot.stop()).leaked, [], 'no secret in the log');
    await slack.stop();
  });

  it('answers /healthz, slash commands and another paste within 100 ms while it runs', async () => {
    const p = await probeWhileBigFileIsRead(bot, slack);
    const worst = (xs: number[]) => Math.round(Math.max(...xs));
    const all = (xs: number[]) => xs.map(Math.round).join(', ');
    assert.ok(p.stillRunning, 'the big file was still being analysed after the probes');
    assert.ok(p.health.length >= 3, `only ${p.health.length} probes while the big file was analysed`);
    assert.ok(worst(p.health) < 100, `GET /healthz took up to ${worst(p.health)} ms: ${all(p.health)}`);
    assert.ok(worst(p.acks) < 100, `a slash command ack took up to ${worst(p.acks)} ms: ${all(p.acks)}`);
    assert.ok(worst(p.pastes) < 100, `a small paste took up to ${worst(p.pastes)} ms: ${all(p.pastes)}`);
    assert.match(blockText(p.reply), /7\.66 GiB/);
  });
});

describe('an analysis that runs past its deadline', () => {
  let slack: SlackStandIn;
  let bot: BotProcess;
  before(async () => {
    slack = await new SlackStandIn().start();
    bot = await spawnBot(slack, { NETTY_OOM_ANALYSIS_TIMEOUT_MS: '1000' });
  });
  after(async () => {
    assert.deepEqual((await bot.stop()).leaked, [], 'no secret in the log');
    await slack.stop();
  });

  it('is stopped with a clear answer, and the next paste is answered as usual', async () => {
    // Every line an error signature: every line is parsed, seconds of work.
    const oom =
      'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 520093983, max: 536870912)\n';
    const file = slack.addFile('FSLOW', 'oom.log', oom.repeat(Math.floor((20 * 1024 * 1024) / oom.length)));
    const since = bot.logLines;
    const t0 = performance.now();
    await bot.event(message('', { subtype: 'file_share', files: [file], channel: 'CSLOW' }));
    const stopped = await slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CSLOW', 10_000);
    assert.ok(stopped.t - t0 < 5000, `the answer took ${Math.round(stopped.t - t0)} ms`);
    assert.match(
      blockText(stopped.args),
      /too large or too slow to analyse here: I stopped after 1 s\. Run `netty-oom analyze FILE` on the machine that has the log/,
    );
    await bot.waitForLog(/"level":40.*analysis stopped at its deadline/, { since });
    await bot.event(message(SEED_001, { channel: 'CAFTERSLOW' }));
    const next = await slack.waitForCall('chat.postMessage', (c) => c.args.channel === 'CAFTERSLOW', 5000);
    assert.match(blockText(next.args), /496 MiB/);
  });
});
