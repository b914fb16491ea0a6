/**
 * `npm run eval [-- --only p008[,p009]] [--json] [--write-floor]`: the analyzer on the labelled corpus
 * of real pastes (test/fixtures/corpus), scored per field against each field's bar, then every miss
 * and the time per case. Exits 1 when a field falls short of its bar, as the corpus's scorer does.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CORPUS, corpusIds, FLOOR, runCorpus } from './eval-corpus.ts';
import { floorOf, formatMiss, formatRows, summaryLine, tabulate } from './eval-score.ts';
import { median, ms } from './stats.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    'write-floor': { type: 'boolean', default: false },
  },
});

function usage(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

const only = values.only?.split(',').map((s) => s.trim());
const known = new Set(corpusIds());
for (const id of only ?? []) if (!known.has(id)) usage(`no case ${id} in ${CORPUS}`);
if (only && values['write-floor']) usage('--write-floor needs the whole corpus: drop --only');

const t0 = performance.now();
const runs = await runCorpus(only ? { only } : {});
const wall = performance.now() - t0;
const checks = runs.flatMap((r) => r.checks);
const rows = tabulate(checks);
const misses = checks.filter((c) => !c.ok);
const times = runs.map((r) => r.ms);
const slowest = runs.reduce((a, r) => (r.ms > a.ms ? r : a), runs[0] ?? { id: '-', ms: 0 });

if (values.json) {
  const time = { cases: runs.length, medianMs: median(times), maxMs: slowest.ms, slowest: slowest.id };
  const table = rows.map((r) => ({ ...r, rate: r.ok / r.n }));
  const right = checks.filter((c) => c.ok).length;
  const out = { rows: table, misses, checks: { right, of: checks.length }, time };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const lines = [...formatRows(rows), '', ...misses.map(formatMiss), summaryLine(rows)];
  lines.push(
    `time per case: median ${ms(median(times))}, max ${ms(slowest.ms)} (${slowest.id}); ${runs.length} case${runs.length === 1 ? '' : 's'} in ${ms(wall)}`,
  );
  console.log(lines.join('\n'));
}

if (values['write-floor']) {
  writeFileSync(FLOOR, `${JSON.stringify(floorOf(checks), null, 2)}\n`);
  process.stderr.write(`eval: wrote ${FLOOR}\n`);
} else process.exitCode = rows.every((r) => r.pass) ? 0 : 1;
