import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../src/core/analyze.ts';
import type { Report } from '../../src/core/types.ts';
import { FIXTURES, fixture, kb } from '../helpers.ts';

const time = (i: number) =>
  `10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

/** What each platform or viewer puts before every line it shows, line `i`. */
const PLATFORMS: Record<string, (i: number) => string> = {
  'docker logs -t / kubectl logs --timestamps': (i) => `2024-03-01T${time(i)}.123456789Z `,
  'containerd (CRI)': (i) => `2024-03-01T${time(i)}.123456789Z stderr F `,
  'kubectl logs --prefix': () => '[pod/gateway-7d9f8b6c5-x2kqp/gateway] ',
  'docker compose': () => 'gateway-1  | ',
  journald: (i) => `Mar 01 ${time(i)} app-7 java[2231]: `,
  pm2: () => '0|gateway  | ',
  'Heroku drain': (i) => `2024-03-01T${time(i)}.465871+00:00 app[web.1]: `,
  'Cloud Foundry (cf logs)': (i) => `   2024-03-01T${time(i)}.66+0530 [APP/PROC/WEB/0] ERR `,
  'Jenkins Pipeline timestamps': (i) => `[2024-03-01T${time(i)}.725Z] `,
  'a Markdown quote': () => '> ',
  'a quoted Jenkins Pipeline log': (i) => `> [2024-03-01T${time(i)}.725Z] `,
};

const read = (r: Report) =>
  r.events.map((e) => ({
    kind: e.kind,
    requested: e.requestedBytes,
    used: e.usedBytes,
    max: e.maxBytes,
    thread: e.thread,
  }));

describe('every corpus paste reads the same behind the prefix a platform puts on each line', () => {
  const cases = readdirSync(join(FIXTURES, 'corpus')).filter((f) => /^p\d+\.txt$/.test(f));
  for (const [platform, prefix] of Object.entries(PLATFORMS)) {
    it(platform, () => {
      const differ: string[] = [];
      for (const file of cases) {
        const text = fixture(`corpus/${file}`);
        const wrapped = text
          .split('\n')
          .map((line, i) => prefix(i) + line)
          .join('\n');
        const plain = read(analyze(text, kb.analyzer));
        const behind = read(analyze(wrapped, kb.analyzer));
        if (JSON.stringify(behind) !== JSON.stringify(plain)) differ.push(file);
      }
      assert.deepEqual(differ, []);
    });
  }
});
