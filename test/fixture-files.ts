/** The fixture files, read without loading the knowledge base (the pure modules' tests need only text). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../src/core/types.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** Physical lines `first..last` (1-based, inclusive) of a fixture, as they were pasted. */
export function fixtureLines(path: string, first: number, last: number = first): string[] {
  return fixture(path)
    .split('\n')
    .slice(first - 1, last);
}

/** Physical line `n` (1-based) of a fixture. */
export function fixtureLine(path: string, n: number): string {
  const line = fixtureLines(path, n)[0];
  if (line === undefined) throw new Error(`${path} has no line ${n}`);
  return line;
}

/** The report an analyzed fixture gave, as its golden file (`golden/<name>.json`) keeps it. */
export function goldenReport(name: string): Report {
  return JSON.parse(fixture(`golden/${name}.json`)) as Report;
}
