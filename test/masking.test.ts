/**
 * Masking through the real entry points: the bot over signed HTTP and Socket Mode (the reply, the
 * SQLite file, the log at debug), `/netty-oom search`, a mention, a follow-up in an incident's
 * thread, the CLI as a process on a file too large to read whole, and the console's POST /api/analyze.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WHOLE_LIMIT } from '../src/app/read-input.ts';
import { startConsole } from './console-helpers.ts';
import { fixture, ROOT } from './helpers.ts';
import { type Harness, message, shareClick, startHarness } from './slack/harness.ts';
import { BOT_USER } from './slack/stand-in.ts';

const SEED_001 = fixture('seeds/001-grpc-explicit-512m.txt');

/** Pasted next to a trace; every one of them must be gone from whatever leaves the analysis. */
const SECRET = {
  slack: 'xoxb-2184391528-4012345678901-Zx8kQpL3mNvB7tYw2cRf9HsJ',
  password: 'Hunter2Secret',
  email: 'alice.smith@example.com',
  ip: '10.33.144.227',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlMTIzNDU2Nzg5',
  card: '4111 1111 1111 1111',
  phone: '13812345678',
  aws: 'AKIAIOSFODNN7EXAMPLE',
  github: 'ghp_1A2b3C4d5E6f7G8h9I0jK1lM2nO3pQ4rS5tU',
  cookie: 'JSESSIONID=8F3A2B1C9D7E6F5A4B3C2D1E0F9A8B7C',
};
/** What would show a secret survived, even in part. */
const LEAKS = [
  'Zx8kQpL3mNvB7tYw2cRf9HsJ',
  'Hunter2Secret',
  'alice.smith',
  '10.33.144.227',
  'eyJzdWIiOiIxMjM0NTY3ODkwIn0',
  '1111 1111 1111',
  '13812345678',
  'AKIAIOSFODNN7EXAMPLE',
  '1A2b3C4d5E6f7G8h9I0jK1lM2nO3pQ4rS5tU',
  '8F3A2B1C9D7E6F5A4B3C2D1E0F9A8B7C',
];
/** A harmless word next to the secrets: it reaches the report, so the secrets would have too. */
const CANARY = 'canary-quokka-db';

/** The lines a stressed engineer pastes just before the trace: log headers, a failed connection, notes. */
const AROUND = [
  `2024-05-17 10:00:00.120 [${SECRET.slack}] WARN c.e.Db - java.lang.IllegalStateException: connect failed for ${CANARY} mysql://app:${SECRET.password}@db/orders`,
  `user ${SECRET.email} from ${SECRET.ip} card ${SECRET.card} phone ${SECRET.phone} key ${SECRET.aws} ${SECRET.github}`,
  `2024-05-17 10:00:00.121 [grpc-default-worker-ELG-4-11 ${SECRET.email} ${SECRET.ip}] ERROR c.e.Api - Authorization: Bearer ${SECRET.jwt} Cookie: ${SECRET.cookie}`,
].join('\n');
/** The seed's trace with those lines just above its first exception line. */
const PASTE = (() => {
  const lines = SEED_001.split('\n');
  const at = lines.findIndex((l) => l.includes('OutOfDirectMemoryError:'));
  return [...lines.slice(0, at), AROUND, ...lines.slice(at)].join('\n');
})();

function assertClean(where: string, text: string): void {
  const found = LEAKS.filter((l) => text.includes(l));
  assert.deepEqual(found, [], `${where} holds ${found.join(', ')}`);
}

/** The SQLite file and its write-ahead log, as bytes: what a disk image would show. */
function storeBytes(h: Harness): string {
  const wal = `${h.dbFile}-wal`;
  let bytes = readFileSync(h.dbFile).toString('latin1');
  try {
    bytes += readFileSync(wal).toString('latin1');
  } catch {
    // no write-ahead log: everything is in the main file
  }
  return bytes;
}

for (const mode of ['http', 'socket'] as const) {
  describe(`masking in the bot over ${mode === 'http' ? 'signed HTTP requests' : 'Socket Mode'}`, () => {
    let h: Harness;
    before(async () => {
      h = await startHarness(mode);
    });
    after(async () => {
      await h.stop();
    });

    it('posts and stores a pasted trace with none of the secrets pasted next to it', async () => {
      const channel = `CMASK${mode}`;
      await h.event(message(PASTE, { channel }));
      const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
      const posted = JSON.stringify(post.args);
      assert.match(posted, /512 MiB/);
      // The thread is shown and stored: what was pasted with it would have been too.
      assert.match(posted, /grpc-default-worker-ELG-4-11 ‹e-mail› ‹ip›/);
      assertClean('the posted reply', posted);
      const recorded = await h.store.incidentsSince(0, channel);
      assert.equal(recorded.length, 1, 'the trace was recorded');
      const stored = storeBytes(h);
      assert.ok(
        stored.includes(Buffer.from('grpc-default-worker-ELG-4-11 ‹e-mail› ‹ip›').toString('latin1')),
      );
      assertClean('the incident store', stored);
    });

    it('echoes a /netty-oom search query masked, with Slack mentions made plain, and shares it so', async () => {
      const query = `search direct memory leak <!channel> <!here> <@U0BOB> password=${SECRET.password} ${SECRET.email} ${SECRET.slack}`;
      const cmd = await h.command(query);
      const res = await h.slack.waitForCall('response_url', (c) => c.args.path === cmd.responsePath);
      const answer = JSON.stringify(res.args);
      assertClean('the search answer', answer);
      for (const mention of ['<!channel>', '<!here>', '<@U0BOB>'])
        assert.ok(!answer.includes(mention), `${mention} in ${answer}`);
      assert.match(answer, /@channel @here @U0BOB password=‹password› ‹e-mail› ‹token›/);

      const blocks = res.args.blocks as { elements?: { action_id: string; value: string }[] }[];
      const share = blocks.at(-1)?.elements?.find((e) => e.action_id === 'share_reply');
      await h.interactive(
        shareClick(share?.value, `http://127.0.0.1:${h.slack.port}/response/share-mask-${mode}`),
      );
      const shared = await h.slack.waitForCall(
        'response_url',
        (c) => c.args.path === `/response/share-mask-${mode}` && c.args.response_type === 'in_channel',
      );
      const sharedText = JSON.stringify(shared.args);
      assertClean('the shared answer', sharedText);
      assert.ok(!sharedText.includes('<!channel>') && !sharedText.includes('<!here>'));
    });

    it('answers a question to @netty-oom without repeating its secrets or mentions', async () => {
      const channel = `CMENTION${mode}`;
      await h.event(
        message(
          `<@${BOT_USER}> direct memory leak? my password is ${SECRET.password} <!here> ${SECRET.email}`,
          {
            type: 'app_mention',
            channel,
          },
        ),
      );
      const post = await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
      const posted = JSON.stringify(post.args);
      assertClean('the answer to a mention', posted);
      assert.ok(!posted.includes('<!here>'));
    });

    it('reads a follow-up in the thread masked, and updates the reply with none of its secrets', async () => {
      const channel = `CFOLLOW${mode}`;
      const trace = fixture('corpus/p004.txt');
      const first = message(trace, { channel });
      await h.event(first);
      await h.slack.waitForCall('chat.postMessage', (c) => c.args.channel === channel);
      const ts = String(first.ts);
      const text = `We raised the limit for ${SECRET.email} to 1g; it only delayed the failure. From ${SECRET.ip}, password=${SECRET.password} ${SECRET.slack}`;
      const reply = message(text, { channel, thread_ts: ts, user: 'U0BOB' });
      h.slack.threads.set(ts, [
        { type: 'message', user: 'U0ALICE', text: trace, ts },
        { type: 'message', user: 'U0BOB', text, ts: reply.ts, thread_ts: ts },
      ]);
      await h.event(reply);
      const update = await h.slack.waitForCall('chat.update', (c) => c.args.channel === channel);
      const updated = JSON.stringify(update.args);
      // The reply quotes what was added: masked, as the analysis read it.
      assert.match(updated, /raised the limit for ‹e-mail› to 1g/);
      assertClean('the updated reply', updated);
      assertClean('the incident store', storeBytes(h));
    });

    it('logs at debug level without a request body or a secret', () => {
      const log = h.logs.join('\n');
      assertClean('the log', log);
      // The canary sits in the paste only: a logged event body would carry it.
      assert.ok(!log.includes(CANARY), 'an event body reached the log');
      assert.ok(!log.includes('direct memory leak'), 'a command or mention body reached the log');
      assert.ok(
        h.logs.some((l) => l.includes('"source":"bolt"') && l.includes('"level":20')),
        'Bolt logged at debug level',
      );
    });
  });
}

const BIN = join(ROOT, 'bin', 'netty-oom.js');

/** A log larger than what is read whole, with the paste in its middle: the CLI streams it in windows. */
function largeLog(dir: string): string {
  const filler = '2024-05-17 09:59:59.000 [exec-1] INFO c.e.App - an ordinary line of an ordinary day\n';
  const half = filler.repeat(Math.ceil(WHOLE_LIMIT / 2 / filler.length));
  const path = join(dir, 'large.log');
  writeFileSync(path, `${half}${PASTE}\n${half}`);
  return path;
}

describe('masking in the CLI and the console', () => {
  let dir: string;
  let big: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'netty-oom-mask-'));
    big = largeLog(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a report of a file over 32 MiB with none of the secrets near its trace', async () => {
    const out = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'analyze', big, '--json'], { cwd: ROOT });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
    assert.equal(out.code, 0);
    const report = JSON.parse(out.stdout) as { input: { windowed: boolean }; otherErrors: string[] };
    assert.equal(report.input.windowed, true);
    assert.ok(out.stdout.includes(CANARY), 'the lines around the trace were read');
    assertClean('the CLI report', out.stdout);
  });

  it('answers POST /api/analyze, small or streamed, with none of the secrets', async () => {
    const c = await startConsole();
    try {
      for (const body of [PASTE, readFileSync(big)]) {
        const res = await fetch(`${c.url}/api/analyze`, { method: 'POST', body });
        assert.equal(res.status, 200);
        const text = await res.text();
        assert.ok(text.includes(CANARY), 'the lines around the trace were read');
        assertClean('the console answer', text);
      }
      const search = await (
        await fetch(`${c.url}/api/search?q=${encodeURIComponent(`leak ${SECRET.slack}`)}`)
      ).text();
      assertClean('the console search', search);
    } finally {
      await c.close();
    }
  });
});
