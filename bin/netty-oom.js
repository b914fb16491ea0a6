#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds it (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('netty-oom: not built yet: run `npm install` (or `npm run build`) in the checkout\n');
  process.exit(2);
}
const { main: run } = await import(main.href);
await run(process.argv);
