/** Load and cross-check the files the analyzer reads: frameworks, signals, scenario rules. */
import { join } from 'node:path';
import type { AnalyzerKnowledge, FrameworkDef, ScenarioDef, SignalDef } from '../core/types.ts';
import { compileSchema } from './schemas.ts';
import { type Problem, readYaml } from './yaml-file.ts';

// A quantified group that is itself quantified: `(a+)+`, `(\w*)*` backtrack exponentially.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)[+*{]/;

export function loadAnalyzerKnowledge(root: string, problems: Problem[]): AnalyzerKnowledge | null {
  const dir = join(root, 'knowledge');
  const fw = readYaml(join(dir, 'frameworks.yml'), root, compileSchema('frameworks'), problems);
  const sig = readYaml(join(dir, 'signals.yml'), root, compileSchema('signals'), problems);
  const sc = readYaml(join(dir, 'scenarios.yml'), root, compileSchema('scenarios'), problems);
  if (!fw || !sig || !sc) return null;
  const before = problems.length;

  const frameworks = (fw.data as { frameworks: FrameworkDef[] }).frameworks;
  const ids = new Set<string>();
  frameworks.forEach((f, i) => {
    if (ids.has(f.id)) problems.push(fw.at(['frameworks', i, 'id'], `duplicate framework id "${f.id}"`));
    ids.add(f.id);
  });
  frameworks.forEach((f, i) => {
    if (f.parent && !ids.has(f.parent)) {
      problems.push(fw.at(['frameworks', i, 'parent'], `unknown parent framework "${f.parent}"`));
    }
    (f.threads ?? []).forEach((t, j) => {
      try {
        new RegExp(t);
      } catch (err) {
        problems.push(
          fw.at(['frameworks', i, 'threads', j], `invalid regular expression: ${(err as Error).message}`),
        );
        return;
      }
      if (NESTED_QUANTIFIER.test(t)) {
        problems.push(
          fw.at(['frameworks', i, 'threads', j], 'nested quantifier: this pattern can backtrack without end'),
        );
      }
    });
  });

  const signals = (sig.data as { signals: SignalDef[] }).signals;
  const signalIds = new Set<string>();
  signals.forEach((s, i) => {
    if (signalIds.has(s.id)) problems.push(sig.at(['signals', i, 'id'], `duplicate signal id "${s.id}"`));
    signalIds.add(s.id);
  });

  const rules = sc.data as { minimum: number; scenarios: ScenarioDef[] };
  const scenarioIds = new Set<string>();
  rules.scenarios.forEach((s, i) => {
    if (scenarioIds.has(s.id)) problems.push(sc.at(['scenarios', i, 'id'], `duplicate scenario "${s.id}"`));
    scenarioIds.add(s.id);
    for (const id of Object.keys(s.signals)) {
      if (!signalIds.has(id)) problems.push(sc.at(['scenarios', i, 'signals', id], `unknown signal "${id}"`));
    }
    for (const id of Object.keys(s.frameworks ?? {})) {
      if (!ids.has(id)) problems.push(sc.at(['scenarios', i, 'frameworks', id], `unknown framework "${id}"`));
    }
  });
  if (problems.length > before) return null;
  return { frameworks, signals, scenarios: rules.scenarios, minimumConfidence: rules.minimum };
}
