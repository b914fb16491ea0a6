/** Shared by the tests: the real knowledge base and fixture files. */
import { answer } from '../src/app/answer.ts';
import type { Language, Report } from '../src/core/types.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { fixture, ROOT } from './fixture-files.ts';

export { FIXTURES, fixture, ROOT } from './fixture-files.ts';
export const kb = loadKnowledge(ROOT);

/** The report the product gives for a fixture (`netty-oom analyze --json`): read, diagnosed, with its playbook. */
export function analyzeFixture(path: string, language?: Language): Report {
  return answer(fixture(path), kb, language ? { language } : {}).report;
}

export const SEEDS = [
  '000-reactor-netty-load-test',
  '001-grpc-explicit-512m',
  '002-nacos-shaded-grpc',
  '003-copy-not-released',
  '004-inbound-handler-leak',
] as const;
