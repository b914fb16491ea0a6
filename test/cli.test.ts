import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answer } from '../src/app/answer.ts';
import { FIXTURES, fixture, kb, ROOT } from './helpers.ts';
import { schemaErrors } from './schema-validator.ts';

const BIN = join(ROOT, 'bin', 'netty-oom.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the installed command as a process, optionally feeding standard input. */
function run(args: string[], stdin?: string | Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });
}

const seed000 = join(FIXTURES, 'seeds', '000-reactor-netty-load-test.txt');

describe('netty-oom analyze, run as a process', () => {
  it('prints the short reply, then under a separator every step of the playbook, and exits 0', async () => {
    const r = await run(['analyze', seed000, '--lang', 'en']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    const [short = '', full = ''] = r.stdout.split(/^── Full playbook ─+$/m);
    assert.match(
      short,
      /^Direct memory exhausted: 7\.66 GiB of 7\.67 GiB used, a 16 MiB chunk refused — Reactor Netty, Netty 4\.1\.33\n/,
    );
    assert.match(short, /^`reactor-http-epoll-8` · epoll · limit: heap size \(flag not set\)$/m);
    assert.match(short, /^(Most likely: |Not decided yet: )/m);
    assert.match(short, /^What to do: /m);
    const { playbook } = answer(fixture('seeds/000-reactor-netty-load-test.txt'), kb, { language: 'en' });
    assert.ok(playbook);
    assert.match(full, new RegExp(`^${playbook.title}$`, 'm'));
    const steps = [...full.matchAll(/^(\d+)\. (Check|Do|Verify|Escalate) — /gm)].map((m) => Number(m[1]));
    assert.deepEqual(
      steps,
      playbook.steps.map((_, i) => i + 1),
    );
    assert.match(full, /^Read more: /m);
  });

  it('answers in Chinese when the paste is written in Chinese', async () => {
    const r = await run(['analyze', seed000]);
    assert.match(r.stdout, /^堆外内存耗尽：已用 7\.66 GiB \/ 上限 7\.67 GiB/);
  });

  it('prints JSON valid against the schema with --json', async () => {
    const r = await run(['analyze', '--json', seed000]);
    assert.equal(r.code, 0);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(schemaErrors(report), []);
    assert.equal(report.summary.maxBytes, 8232370176);
  });

  it('reads standard input when FILE is "-" or absent', async () => {
    const text = `io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: 1069547520, max: 1073741824)\n`;
    for (const args of [
      ['analyze', '--json', '-'],
      ['analyze', '--json'],
    ]) {
      const r = await run(args, text);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).summary.requestedBytes, 4194304);
    }
  });

  it('exits 1 with a useful answer when nothing is detected', async () => {
    const r = await run(
      ['analyze', '--lang', 'en', '-'],
      'java.lang.OutOfMemoryError: Java heap space\n\tat com.acme.A.b(A.java:1)\n',
    );
    assert.equal(r.code, 1);
    assert.match(r.stdout, /No direct-memory OOM or Netty LEAK report found/);
    assert.match(
      r.stdout,
      /java\.lang\.OutOfMemoryError: Java heap space: that is not a direct-memory problem/,
    );
  });

  it('exits 2 with one line on standard error for a missing file, and prints nothing else', async () => {
    const r = await run(['analyze', '/nonexistent/trace.log']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'netty-oom: /nonexistent/trace.log: no such file\n');
  });

  it('exits 2 for a directory and for a bad option value', async () => {
    const dir = await run(['analyze', FIXTURES]);
    assert.equal(dir.code, 2);
    assert.match(dir.stderr, /is a directory, not a log file/);
    const lang = await run(['analyze', '--lang', 'fr', seed000]);
    assert.equal(lang.code, 2);
    assert.match(lang.stderr, /--lang/);
    assert.equal(lang.stdout, '');
  });

  it('exits 2 for an unknown command', async () => {
    const r = await run(['frobnicate']);
    assert.equal(r.code, 2);
  });

  it('streams a file larger than the whole-read limit and still finds every trace with its line number', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netty-oom-cli-'));
    const file = join(dir, 'big.log');
    const filler = `2024-05-17 10:00:00.000 [http-nio-8080-exec-1] INFO  c.a.OrderController - handled order in 12 ms status=200 ${'x'.repeat(60)}\n`;
    const trace = (used: number) =>
      `2024-05-17 11:00:00.000 [nioEventLoopGroup-3-2] WARN  i.n.c.DefaultChannelPipeline - exception\n` +
      `io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: ${used}, max: 1073741824)\n` +
      '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:843)\n' +
      '\tat io.netty.buffer.PoolArena$DirectArena.newChunk(PoolArena.java:632)\n';
    const block = filler.repeat(100_000); // ~17 MB
    const text = block + trace(1069547520) + block + trace(1070596096) + filler;
    writeFileSync(file, text);
    const r = await run(['analyze', '--json', file]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.input.windowed, true);
    assert.equal(report.input.lines, 200_000 + 8 + 1);
    assert.deepEqual(
      report.events.map((e: { line: number; usedBytes: number; thread: string }) => [
        e.line,
        e.usedBytes,
        e.thread,
      ]),
      [
        [100_001, 1069547520, 'nioEventLoopGroup-3-2'],
        [200_005, 1070596096, 'nioEventLoopGroup-3-2'],
      ],
    );
  });
});

describe('netty-oom kb lint, run as a process', () => {
  it('exits 0 on the shipped knowledge base', async () => {
    const r = await run(['kb', 'lint']);
    assert.equal(r.code, 0, r.stderr);
  });
});
