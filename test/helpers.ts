/** Shared by the tests: the real knowledge base and fixture files. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/core/analyze.ts';
import type { Language, Report } from '../src/core/types.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const kb = loadKnowledge(ROOT);

export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

export function analyzeFixture(path: string, language?: Language): Report {
  return analyze(fixture(path), kb.analyzer, language ? { language } : {});
}

export const SEEDS = [
  '000-reactor-netty-load-test',
  '001-grpc-explicit-512m',
  '002-nacos-shaded-grpc',
  '003-copy-not-released',
  '004-inbound-handler-leak',
] as const;
