import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Analyzer } from '../../src/app/analysis.ts';
import { type Analysed, inProcessAnalyzer } from '../../src/app/analysis.ts';
import { createAnalysisPool } from '../../src/app/analysis-pool.ts';
import { fixture, kb, ROOT } from '../helpers.ts';

const SEED_001 = fixture('seeds/001-grpc-explicit-512m.txt');
/** An input that takes seconds: every line an error signature, so every line is parsed. */
const slowInput = () =>
  Buffer.from(
    'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 520093983, max: 536870912)\n'.repeat(
      64 * 1024,
    ),
  );
const answered = (a: Analysed) => {
  assert.equal(a.status, 'answered');
  return a.status === 'answered' ? a.answer : null;
};

describe('the analysis pool, its workers started from the TypeScript sources', () => {
  let pool: Analyzer;
  before(() => {
    pool = createAnalysisPool({ root: ROOT, generation: () => 0, deadlineMs: 400, threads: 2 });
  });
  after(async () => {
    await pool.close();
  });

  it('answers a paste, its text and its files, as the process itself would', async () => {
    // A new input each time: the pool moves the bytes it is given to its thread.
    const input = () => ['we saw this under load', Buffer.from(SEED_001)];
    const got = answered(await pool.analyse({ input: input() }));
    assert.deepEqual(got, answered(await inProcessAnalyzer(() => kb).analyse({ input: input() })));
  });

  it('answers in the language asked for', async () => {
    const got = answered(await pool.analyse({ input: [SEED_001], language: 'en' }));
    assert.match(got?.reply.text ?? '', /^Direct memory exhausted: 496 MiB of 512 MiB used/);
  });

  it('stops an analysis at its deadline, replaces its thread, and answers the next paste', async () => {
    const t0 = performance.now();
    assert.deepEqual(await pool.analyse({ input: [slowInput()] }), {
      status: 'too-slow',
      deadlineMs: 400,
      language: 'en',
    });
    assert.ok(performance.now() - t0 < 5000);
    for (let i = 0; i < 3; i++)
      assert.equal(answered(await pool.analyse({ input: [SEED_001] }))?.report.detected, true);
    // A large input again, in the lane whose thread was stopped and replaced.
    const line = '2024-05-17 10:00:00.000 [main] INFO c.a.App - an ordinary line of the log\n';
    const got = answered(await pool.analyse({ input: [`${line.repeat(30_000)}${SEED_001}`] }));
    assert.equal(got?.report.input.windowed, true);
    assert.equal(got?.report.summary.maxBytes, 536870912);
  });
});

describe('the analysis pool and a knowledge base reloaded by the process', () => {
  const root = mkdtempSync(join(tmpdir(), 'netty-oom-pool-kb-'));
  const playbook = join(root, 'playbooks', 'grpc-direct-memory-limit.yml');
  let generation = 0;
  let pool: Analyzer;
  before(() => {
    for (const dir of ['knowledge', 'playbooks'])
      cpSync(join(ROOT, dir), join(root, dir), { recursive: true });
    pool = createAnalysisPool({ root, generation: () => generation, deadlineMs: 10_000, threads: 1 });
  });
  after(async () => {
    await pool.close();
  });

  it('answers with the files as they were until the process says it reloaded them, then as they are', async () => {
    const title = async () =>
      answered(await pool.analyse({ input: [SEED_001], language: 'en' }))?.report.playbook?.title;
    assert.equal(await title(), 'gRPC: the direct-memory limit is too small');
    writeFileSync(
      playbook,
      readFileSync(playbook, 'utf8').replace(
        'the direct-memory limit is too small',
        'the direct-memory limit (edited)',
      ),
    );
    assert.equal(await title(), 'gRPC: the direct-memory limit is too small');
    generation++;
    assert.equal(await title(), 'gRPC: the direct-memory limit (edited)');
  });
});

describe('the analysis pool getting ready', () => {
  it('is ready only once its threads have loaded: a thread that cannot load its knowledge base fails it', async () => {
    // A root with no knowledge: the thread throws as it loads, before it could answer anything.
    const empty = mkdtempSync(join(tmpdir(), 'netty-oom-pool-empty-'));
    const errors: Error[] = [];
    const pool = createAnalysisPool({
      root: empty,
      generation: () => 0,
      deadlineMs: 1000,
      threads: 1,
      onError: (err) => errors.push(err),
    });
    try {
      // Under tsx the error a thread reports is its loader's last attempt, not the missing files.
      await assert.rejects(pool.ready());
      assert.ok(errors.length >= 1);
    } finally {
      await pool.close();
    }
  });

  it('is ready once every thread has loaded and warmed up', async () => {
    const pool = createAnalysisPool({ root: ROOT, generation: () => 0, deadlineMs: 10_000, threads: 2 });
    try {
      await pool.ready();
      assert.equal(answered(await pool.analyse({ input: [SEED_001] }))?.report.detected, true);
    } finally {
      await pool.close();
    }
  });
});
