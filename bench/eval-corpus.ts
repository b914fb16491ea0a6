/**
 * The analyzer on every case of the labelled corpus, in this process and by the path
 * `netty-oom analyze --json FILE` takes: the file read by `analyzeInput`, the playbook chosen by
 * `complete`, the report as its JSON prints it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { complete } from '../src/app/answer.ts';
import { analyzeInput } from '../src/app/read-input.ts';
import type { Report } from '../src/core/types.ts';
import { type KnowledgeBase, loadKnowledge } from '../src/knowledge/load.ts';
import { type Check, type Label, type Outcome, scoreCase } from './eval-score.ts';

export const CORPUS = join(import.meta.dirname, '..', 'test', 'fixtures', 'corpus');
export const FLOOR = join(CORPUS, 'floor.json');

export interface CaseRun {
  id: string;
  outcome: Outcome;
  /** Time to read, analyze and complete the case. */
  ms: number;
  checks: Check[];
}

/** The case ids of the corpus, in the order they are scored. */
export function corpusIds(dir: string = CORPUS): string[] {
  return readdirSync(dir)
    .filter((f) => /^[a-z]\d+\.json$/.test(f))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Analyze one case file as the CLI would; a throw is a case that does not run, not the end of the eval. */
async function outcomeOf(file: string, kb: KnowledgeBase): Promise<Outcome> {
  try {
    const report = complete(await analyzeInput(file, kb.analyzer), kb).report;
    // Scored as printed: what JSON drops or turns to null is what the CLI's readers see.
    return { report: JSON.parse(JSON.stringify(report)) as Report };
  } catch (err) {
    return {
      error:
        String((err as Error).message ?? err)
          .split('\n')[0]
          ?.slice(0, 200) ?? '',
    };
  }
}

/** Run and score every case (or the `only` ones), one after another so times are not shared. */
export async function runCorpus(
  options: { dir?: string; only?: string[]; kb?: KnowledgeBase } = {},
): Promise<CaseRun[]> {
  const dir = options.dir ?? CORPUS;
  const kb = options.kb ?? loadKnowledge();
  const runs: CaseRun[] = [];
  for (const id of corpusIds(dir)) {
    if (options.only && !options.only.includes(id)) continue;
    const label = JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')) as Label;
    const file = join(dir, `${id}.txt`);
    const t0 = performance.now();
    const outcome = await outcomeOf(file, kb);
    const ms = performance.now() - t0;
    const checks = scoreCase(id, label, readFileSync(file, 'utf8'), outcome);
    runs.push({ id, outcome, ms, checks });
  }
  return runs;
}
