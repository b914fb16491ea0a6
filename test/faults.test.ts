import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixture } from './helpers.ts';
import { blockText, type Harness, message, startHarness } from './slack/harness.ts';

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

  /** The store's own connection, to make it full or read-only as a disk would. */
  const db = () => (h.store as unknown as { db: import('better-sqlite3').Database }).db;

  for (const [name, fail, heal, expect] of [
    [
      'read-only',
      () => db().pragma('query_only = ON'),
      () => db().pragma('query_only = OFF'),
      /read-only|readonly/,
    ],
  ] as const) {
    it(`answers with a clear note while the store is ${name}, and records again once it is not`, async () => {
      fail();
      try {
        await h.event(message(SEED_000, { channel: `CSTORE${name}` }));
        const post = await h.slack.waitForCall(
          'chat.postMessage',
          (c) => c.args.channel === `CSTORE${name}`,
          5000,
        );
        assert.match(blockText(post.args), /could not record this incident|无法记录/);
        assert.ok(
          h.logs.some((l) => l.includes('"level":50') && expect.test(l)),
          'an error line names the problem',
        );
      } finally {
        heal();
      }
      await h.event(message(SEED_001, { channel: `CSTORE${name}2` }));
      await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === `CSTORE${name}2`, 5000);
      assert.equal(h.store.incidentsSince(0, `CSTORE${name}2`).length, 1);
    });
  }
});
