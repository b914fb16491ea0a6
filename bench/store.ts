/** Incident store benchmarks: recording occurrences, and the queries the handoff and App Home make. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answer } from '../src/app/answer.ts';
import { fingerprintOf } from '../src/app/fingerprint.ts';
import { handoffFrom } from '../src/app/handoff.ts';
import { openStore } from '../src/store/open.ts';
import { fixture, kb, SEEDS } from '../test/helpers.ts';
import { median, ms, percentile, table } from './stats.ts';

export async function benchStore(occurrences = 5000): Promise<void> {
  console.log(`\n## Incident store (SQLite, WAL): ${occurrences} occurrences over 50 channels\n`);
  const store = await openStore({ path: join(mkdtempSync(join(tmpdir(), 'netty-oom-bench-')), 'bench.db') });
  const answers = SEEDS.map((s) => answer(fixture(`seeds/${s}.txt`), kb));
  const writes: number[] = [];
  const claims: number[] = [];
  const start = Date.now() - 86_400_000;
  for (let i = 0; i < occurrences; i++) {
    const a = answers[i % answers.length];
    const fp = a ? fingerprintOf(a.report) : null;
    if (!a || !fp) continue;
    let t0 = performance.now();
    await store.claim(`event:${i}`);
    claims.push(performance.now() - t0);
    t0 = performance.now();
    await store.record({
      at: start + i * 1000,
      channel: `C${i % 50}`,
      threadTs: `${1700000000 + i}.000100`,
      messageTs: `${1700000000 + i}.000100`,
      userId: 'U1',
      fingerprint: fp,
      title: a.reply.text,
      summary: a.report.summary,
      findings: a.report.findings,
      playbook: a.report.playbook,
      samples: a.report.summary.samples,
      private: false,
    });
    writes.push(performance.now() - t0);
  }
  const queries: Record<string, number[]> = { handoff: [], open: [], feedback: [] };
  for (let i = 0; i < 50; i++) {
    let t0 = performance.now();
    await handoffFrom(store, 86_400_000 * 2, Date.now());
    queries.handoff?.push(performance.now() - t0);
    t0 = performance.now();
    await store.openIncidents(10);
    queries.open?.push(performance.now() - t0);
    t0 = performance.now();
    await store.feedback();
    queries.feedback?.push(performance.now() - t0);
  }
  // Baseline from the same run: the cheapest statement the store can run.
  const base: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await store.get(1);
    base.push(performance.now() - t0);
  }
  const row = (name: string, xs: number[]) => [
    name,
    ms(median(xs)),
    ms(percentile(xs, 99)),
    `${(median(xs) / Math.max(median(base), 0.0001)).toFixed(0)}×`,
  ];
  console.log(
    table([
      ['what', 'median', 'p99', 'vs get-by-id'],
      row('record an occurrence (one transaction)', writes),
      row('claim an event id', claims),
      row('handoff, 48 h, all channels', queries.handoff ?? []),
      row('open incidents (App Home)', queries.open ?? []),
      row('feedback per playbook (kb stats)', queries.feedback ?? []),
      row('get one incident (baseline)', base),
    ]),
  );
  await store.close();
}
