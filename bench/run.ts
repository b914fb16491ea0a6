/** `npm run bench`: every benchmark of the product, figures and ratios from one run. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { benchAnalyzer } from './analyzer.ts';
import { benchBot } from './bot.ts';
import { benchSearch } from './search.ts';
import { benchStore } from './store.ts';

mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
const quick = process.argv.includes('--quick');
console.log(`# netty-oom benchmarks (node ${process.version}, ${quick ? 'quick' : 'full'})`);
await benchAnalyzer(quick ? [50] : [200, 1024]);
benchSearch();
await benchBot();
await benchStore();
