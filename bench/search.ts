/** Search benchmarks: building the index for 500 entries, and the median query time. */
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/load.ts';
import type { KnowledgeEntry } from '../src/knowledge/types.ts';
import { SearchIndex } from '../src/search/index.ts';
import { QUERIES } from '../test/search-queries.ts';
import { median, ms, percentile, table } from './stats.ts';

export function benchSearch(): void {
  const kb = loadKnowledge(join(import.meta.dirname, '..'));
  console.log(`\n## Search (${kb.entries.length} entries, ${kb.playbooks.length} playbooks shipped)\n`);
  // 500 entries: the shipped ones, repeated under new ids.
  const many: KnowledgeEntry[] = [];
  for (let i = 0; many.length < 500; i++) {
    const e = kb.entries[i % kb.entries.length] as KnowledgeEntry;
    many.push({ ...e, id: `${e.id}-${i}` });
  }
  const builds: number[] = [];
  let index: SearchIndex | null = null;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    index = new SearchIndex(many, kb.playbooks);
    builds.push(performance.now() - t0);
  }
  const shippedBuild: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    new SearchIndex(kb.entries, kb.playbooks);
    shippedBuild.push(performance.now() - t0);
  }
  const shippedTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const [q] of QUERIES) {
      const t0 = performance.now();
      // A limit of its own each round: the index remembers answers, and the cold path is what is measured.
      kb.search.search(q, { limit: 10 + round });
      shippedTimes.push(performance.now() - t0);
    }
  }
  const times: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const [q] of QUERIES) {
      let t0 = performance.now();
      (index as SearchIndex).search(q, { limit: 10 + round });
      times.push(performance.now() - t0);
      // Baseline: a plain substring scan of every entry's English title for the query's first word.
      t0 = performance.now();
      const w = q.split(/\s+/)[0]?.toLowerCase() ?? '';
      many.filter((e) => e.title.en.toLowerCase().includes(w));
      base.push(performance.now() - t0);
    }
  }
  console.log(
    table([
      ['what', 'median', 'p99', 'baseline (substring scan)', 'ratio'],
      ['index build, 500 entries', ms(median(builds)), '', '', ''],
      [
        `index build, shipped (${kb.entries.length + kb.playbooks.length} docs)`,
        ms(median(shippedBuild)),
        '',
        '',
        '',
      ],
      [
        `search, ${QUERIES.length} queries × 20, shipped knowledge base`,
        ms(median(shippedTimes)),
        ms(percentile(shippedTimes, 99)),
        '',
        '',
      ],
      [
        `search, ${QUERIES.length} queries × 20 over 500 entries`,
        ms(median(times)),
        ms(percentile(times, 99)),
        ms(median(base)),
        `${(median(times) / Math.max(median(base), 0.001)).toFixed(1)}×`,
      ],
    ]),
  );
  console.log('\ntarget: median search under 1 ms');
}
