/** Load and cross-check the files the analyzer reads: the product catalogue, signals, scenario rules. */
import { join } from 'node:path';
import type { AnalyzerKnowledge, ScenarioDef, SignalDef } from '../core/types.ts';
import { detectionOf, loadProducts } from './products.ts';
import { compileSchema } from './schemas.ts';
import type { Product } from './types.ts';
import { type Problem, readYaml } from './yaml-file.ts';

/** The analyzer's knowledge under `root`, or null when a file has a problem (appended to `problems`). */
export function loadAnalyzerKnowledge(
  root: string,
  problems: Problem[],
  products: Product[] | null = loadProducts(root, problems),
): AnalyzerKnowledge | null {
  const dir = join(root, 'knowledge');
  const sig = readYaml(join(dir, 'signals.yml'), root, compileSchema('signals'), problems);
  const sc = readYaml(join(dir, 'scenarios.yml'), root, compileSchema('scenarios'), problems);
  if (!products || !sig || !sc) return null;
  const before = problems.length;
  const frameworks = products.map(detectionOf);

  const signals = (sig.data as { signals: SignalDef[] }).signals;
  const signalIds = new Set<string>();
  signals.forEach((s, i) => {
    if (signalIds.has(s.id)) problems.push(sig.at(['signals', i, 'id'], `duplicate signal id "${s.id}"`));
    signalIds.add(s.id);
  });

  const scenarios = (sc.data as { scenarios: ScenarioDef[] }).scenarios;
  const scenarioIds = new Set<string>();
  scenarios.forEach((s, i) => {
    if (scenarioIds.has(s.id)) problems.push(sc.at(['scenarios', i, 'id'], `duplicate scenario "${s.id}"`));
    scenarioIds.add(s.id);
  });
  // A pattern belongs to one text signal: the matcher gives each literal a single owner.
  const owner = new Map<string, string>();
  signals.forEach((s, i) => {
    (s.patterns ?? []).forEach((pattern, j) => {
      const key = pattern.toLowerCase();
      const first = owner.get(key);
      if (first)
        problems.push(
          sig.at(['signals', i, 'patterns', j], `"${pattern}" is already a pattern of "${first}"`),
        );
      else owner.set(key, s.id);
    });
  });
  if (problems.length > before) return null;
  return { frameworks, signals, scenarios };
}
