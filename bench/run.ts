/** `npm run bench`: every benchmark of the product, figures and ratios from one run. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchAnalyzer } from './analyzer.ts';
import { benchBigFile, benchBot } from './bot.ts';
import { benchSearch } from './search.ts';
import { benchStore } from './store.ts';

mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
const quick = process.argv.includes('--quick');
console.log(`# netty-oom benchmarks (node ${process.version}, ${quick ? 'quick' : 'full'})`);
// Pastes (what people attach: read for their prose as well) against logs streamed in windows: one
// paste as dense in traces as the largest log, for a cost per MB of the same content, one denser.
const streamed = quick ? [50] : [200, 1024];
const sameDensity = (quick ? 200 / 50 : 400 / 1024) * 30;
await benchAnalyzer([
  { mib: 30, traces: Math.round(sameDensity), kind: 'paste' },
  { mib: 30, traces: 200, kind: 'paste' },
  ...streamed.map((mib) => ({ mib, traces: mib >= 1000 ? 400 : 200, kind: 'streamed' as const })),
]);
benchSearch();
await benchBot();
await benchBigFile();
await benchStore();
