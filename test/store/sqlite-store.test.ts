import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { classifyStoreFailure } from '../../src/store/failure.ts';
import { openStore } from '../../src/store/open.ts';
import { ROOT } from '../helpers.ts';
import { SIGNING_SECRET } from '../slack/harness.ts';
import { BOT_TOKEN } from '../slack/stand-in.ts';
import { paste, storeContract } from './contract.ts';

const BIN = join(ROOT, 'bin', 'netty-oom.js');
const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'netty-oom-store-')), 'incidents.db');

storeContract('SQLite, one file', async (now) => {
  const file = tmpDb();
  const store = await openStore({ path: file, now });
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(join(file, '..'), { recursive: true, force: true });
    },
  };
});

describe('the SQLite incident store', () => {
  const mounts: string[] = [];
  after(() => {
    for (const dir of mounts) execFileSync('umount', [dir], { stdio: 'ignore' });
  });

  it('keeps incidents, readings, marks, claims and the last handoff across a reopen', async () => {
    const file = tmpDb();
    const first = await openStore({ path: file });
    const occurrence = paste({ samples: [{ timestamp: '2024-01-01T00:00:00.000Z', usedBytes: 1 }] });
    const { incident } = await first.record(occurrence);
    await first.mark({ incidentId: incident.id, action: 'mitigated', userId: 'U1', at: 1, playbookId: null });
    await first.claim('event:1');
    await first.saveHandoff(1, 'handoff');
    await first.close();

    const again = await openStore({ path: file });
    try {
      assert.deepEqual(await again.get(incident.id), { ...incident, status: 'mitigated' });
      assert.equal((await again.samplesOf(incident.id)).length, 1);
      assert.equal((await again.marksOf([incident.id])).length, 1);
      assert.equal(await again.claim('event:1'), false, 'a restart does not answer an event again');
      assert.deepEqual(await again.lastHandoff(), { at: 1, text: 'handoff' });
      assert.equal((await again.record(occurrence)).incident.id, incident.id);
    } finally {
      await again.close();
    }
  });

  it('creates the folders of a new file', async () => {
    const file = join(tmpDb(), '..', 'a', 'b', 'incidents.db');
    const store = await openStore({ path: file });
    assert.deepEqual(await store.incidentsSince(0), []);
    await store.close();
  });

  for (const [name, prepare, expect] of [
    [
      'corrupt',
      async (f: string) => writeFileSync(f, 'this is not a database at all, just text'.repeat(200)),
      /is not a usable SQLite database.*Move it aside/,
    ],
    [
      'from a newer schema',
      async (f: string) => {
        const db = new Database(f);
        db.pragma('user_version = 99');
        db.close();
      },
      /was written by a newer netty-oom \(schema 99, this one knows 2\)\. Upgrade netty-oom/,
    ],
    [
      'unwritable',
      async (f: string) => {
        if (process.getuid?.() !== 0) {
          await (await openStore({ path: f })).close();
          chmodSync(f, 0o444);
          return f;
        }
        // File modes do not bind root: the file goes on a file system mounted read-only, which binds
        // every user, wherever the checkout lives.
        const dir = join(f, '..', 'read-only');
        mkdirSync(dir);
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
        mounts.push(dir);
        const file = join(dir, 'incidents.db');
        await (await openStore({ path: file })).close();
        execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' });
        return file;
      },
      /is not writable by this user\. Fix its permissions|is on a read-only file system\. Mount its volume/,
    ],
  ] as const) {
    it(`refuses to start on a database file that is ${name}, naming the file and what to do`, async (t) => {
      let file = tmpDb();
      try {
        file = (await prepare(file)) ?? file;
      } catch (err) {
        return t.skip(`cannot prepare the file here: ${(err as Error).message}`);
      }
      const env = {
        ...process.env,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        NETTY_OOM_DB: file,
        PORT: '0',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      };
      const run = spawnSync(process.execPath, [BIN, 'serve'], {
        env,
        encoding: 'utf8',
        timeout: 15_000,
        killSignal: 'SIGKILL',
      });
      assert.equal(run.status, 2, run.stderr);
      assert.ok(run.stderr.includes(file), run.stderr);
      assert.match(run.stderr, expect);
    });
  }

  it("names a full disk and a read-only file from SQLite's errors, and clips any other message", () => {
    const sqliteError = (code: string, message: string) => Object.assign(new Error(message), { code });
    assert.deepEqual(classifyStoreFailure(sqliteError('SQLITE_FULL', 'database or disk is full')), {
      kind: 'full',
    });
    assert.deepEqual(
      classifyStoreFailure(sqliteError('SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database')),
      { kind: 'read-only' },
    );
    assert.deepEqual(classifyStoreFailure(new Error('attempt to write a readonly database')), {
      kind: 'read-only',
    });
    assert.deepEqual(classifyStoreFailure(sqliteError('SQLITE_BUSY', 'database is locked')), {
      kind: 'failing',
      message: 'database is locked',
    });
    const long = classifyStoreFailure(new Error(`disk I/O error ${'x'.repeat(300)}`));
    assert.equal(long.kind, 'failing');
    const message = long.kind === 'failing' ? long.message : '';
    assert.equal(message.length, 200);
    assert.ok(message.startsWith('disk I/O error xxx') && message.endsWith('…'), message);
  });
});
