/**
 * Analyzer benchmarks: the CLI on large generated logs against `grep -c -F` for the same signatures
 * (same run, same file, page cache warm), and the in-process time per pasted seed trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/core/analyze.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { median, ms, table } from './stats.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const SEEDS = [
  '000-reactor-netty-load-test',
  '001-grpc-explicit-512m',
  '002-nacos-shaded-grpc',
  '003-copy-not-released',
  '004-inbound-handler-leak',
];

/** Ordinary application lines with a few hundred traces (from the seeds) scattered through them. */
async function generate(path: string, bytes: number, traces: number): Promise<void> {
  if (existsSync(path) && statSync(path).size >= bytes) return;
  const seedTexts = SEEDS.slice(0, 2).map((s) =>
    readFileSync(join(ROOT, 'test/fixtures/seeds', `${s}.txt`), 'utf8'),
  );
  const out = createWriteStream(path);
  const every = Math.floor(bytes / traces);
  let written = 0;
  let next = every / 2;
  let i = 0;
  while (written < bytes) {
    let block = '';
    for (let k = 0; k < 2000; k++, i++) {
      block += `2024-05-17 10:${String((i >> 10) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')} [http-nio-8080-exec-${i % 32}] INFO  c.a.o.OrderController - handled order ${i} in ${i % 97} ms status=200 user=u${i % 5000}\n`;
    }
    written += block.length;
    if (written >= next) {
      block += seedTexts[i % seedTexts.length];
      next += every;
    }
    if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

/** Wall time and peak RSS (VmHWM, polled) of a child process. */
function measure(cmd: string, args: string[]): Promise<{ ms: number; peakMiB: number; stdout: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let peak = 0;
    let stdout = '';
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m?.[1]) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        // the process just ended
      }
    }, 5);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(poll);
      resolve({ ms: performance.now() - t0, peakMiB: peak, stdout });
    });
  });
}

export interface LargeInput {
  mib: number;
  traces: number;
  /** A paste (under the 32 MiB that are read for prose too) or a log streamed in windows. */
  kind: 'paste' | 'streamed';
}

export async function benchAnalyzer(inputs: LargeInput[]): Promise<void> {
  console.log('\n## Analyzer: large inputs, `netty-oom analyze --json` vs `grep -c -F` (median of 3)\n');
  const rows = [['input', 'traces', 'grep', 'netty-oom', 'ratio', 'MB/s', 'grep MB/s', 'peak RSS', 'events']];
  const got: (LargeInput & { ms: number; grepMs: number; peak: number })[] = [];
  for (const { mib, traces, kind } of inputs) {
    const path = join(OUT, `app-${mib}m-${traces}t.log`);
    await generate(path, mib * 1024 * 1024, traces);
    const mb = statSync(path).size / 1e6;
    spawnSync('cat', [path], { stdio: 'ignore' }); // warm the page cache for both
    const grep: number[] = [];
    const ours: number[] = [];
    let peak = 0;
    let events = 0;
    for (let i = 0; i < 3; i++) {
      grep.push(
        (
          await measure('grep', [
            '-c',
            '-F',
            '-e',
            'OutOfDirectMemoryError',
            '-e',
            'OutOfMemoryError: ',
            '-e',
            'LEAK: ',
            path,
          ])
        ).ms,
      );
      const r = await measure(process.execPath, [join(ROOT, 'bin/netty-oom.js'), 'analyze', '--json', path]);
      ours.push(r.ms);
      peak = Math.max(peak, r.peakMiB);
      events = (JSON.parse(r.stdout) as { events: { occurrences: number }[] }).events.reduce(
        (n, e) => n + e.occurrences,
        0,
      );
    }
    got.push({ kind, mib, traces, ms: median(ours), grepMs: median(grep), peak });
    rows.push([
      `${mib} MiB ${kind === 'paste' ? 'paste' : 'log, streamed'}`,
      String(traces),
      ms(median(grep)),
      ms(median(ours)),
      `${(median(ours) / median(grep)).toFixed(2)}×`,
      (mb / (median(ours) / 1000)).toFixed(0),
      (mb / (median(grep) / 1000)).toFixed(0),
      `${peak.toFixed(0)} MiB`,
      String(events),
    ]);
  }
  console.log(table(rows));
  const streamed = got.filter((g) => g.kind === 'streamed').at(-1);
  const density = (g: LargeInput) => g.traces / g.mib;
  for (const paste of got.filter((g) => g.kind === 'paste')) {
    if (!streamed) break;
    const same = Math.abs(density(paste) - density(streamed)) < 0.05 ? ', same trace density' : '';
    console.log(
      `\n${paste.mib} MiB paste (${paste.traces} traces${same}) / ${streamed.mib} MiB streamed: ` +
        `${(paste.ms / streamed.ms).toFixed(2)} of the time (target: under 0.5 for 30 MiB against 1 GiB)`,
    );
  }
  if (streamed) {
    console.log(
      `${streamed.mib} MiB against grep: ${(streamed.ms / streamed.grepMs).toFixed(2)}× (target: within 2× on ` +
        `1 GiB); peak RSS at most ${Math.max(...got.map((g) => g.peak)).toFixed(0)} MiB (target: under 150 MiB)`,
    );
  }

  console.log('\n## Analyzer: one pasted seed trace, in-process (median of 200 runs)\n');
  const kb = loadKnowledge(ROOT);
  const seedRows = [['seed', 'bytes', 'analyze', 'baseline: split + indexOf', 'ratio']];
  for (const seed of SEEDS) {
    const text = readFileSync(join(ROOT, 'test/fixtures/seeds', `${seed}.txt`), 'utf8');
    for (let i = 0; i < 20; i++) analyze(text, kb.analyzer);
    const times: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < 200; i++) {
      let t0 = performance.now();
      analyze(text, kb.analyzer);
      times.push(performance.now() - t0);
      t0 = performance.now();
      let n = 0;
      for (const l of text.split('\n')) if (l.indexOf('OutOfDirectMemoryError') >= 0) n++;
      base.push(performance.now() - t0 + n * 0);
    }
    seedRows.push([
      seed,
      String(text.length),
      ms(median(times)),
      ms(median(base)),
      `${(median(times) / Math.max(median(base), 0.001)).toFixed(0)}×`,
    ]);
  }
  console.log(table(seedRows));
  console.log('\ntarget: under 2 ms median per pasted trace');
}
