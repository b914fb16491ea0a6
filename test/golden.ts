/** Golden files: a result compared whole with its reviewed JSON, rewritten with `UPDATE_GOLDEN=1`. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Assert that `actual` equals the JSON at `path`; write it there first when asked to or when it is missing. */
export function expectGolden(path: string, actual: unknown): void {
  const json = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, json);
  }
  assert.deepEqual(JSON.parse(json), JSON.parse(readFileSync(path, 'utf8')));
}
