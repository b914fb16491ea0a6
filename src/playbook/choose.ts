/**
 * Which playbook fits a report: the findings it is written for (within reach of the top finding),
 * how specific its framework is to what was detected, the signals it names, and the text score.
 * A framework-specific playbook never goes to a trace of another framework.
 */
import type { FrameworkDef, Report } from '../core/types.ts';
import type { Playbook } from '../knowledge/types.ts';
import type { SearchIndex } from '../search/index.ts';

/** A playbook's scenario must score within this of the top finding to be considered. */
const REACH = 0.25;
const PER_FRAMEWORK_LEVEL = 0.3;
const PER_SIGNAL = 0.07;
const TEXT = 0.05;

export interface Choice {
  playbook: Playbook;
  score: number;
}

export function depthOf(id: string, frameworks: FrameworkDef[]): number {
  const byId = new Map(frameworks.map((f) => [f.id, f]));
  let depth = 0;
  let f = byId.get(id);
  while (f?.parent && depth < 20) {
    depth++;
    f = byId.get(f.parent);
  }
  return depth;
}

/** The query that describes a report to the search index. */
export function reportQuery(report: Report, frameworkNames: Map<string, string>): string {
  const s = report.summary;
  return [
    // A product named only from its package says nothing the knowledge base could match.
    ...s.frameworks.filter((f) => !f.fromPackage).map((f) => frameworkNames.get(f.id) ?? f.id),
    ...report.findings.slice(0, 2).map((f) => f.scenario.replace(/-/g, ' ')),
    s.kind === 'leak_report'
      ? 'leak report'
      : s.kind === 'oodm'
        ? 'OutOfDirectMemoryError'
        : 'Direct buffer memory',
    s.allocationPath.replace(/-/g, ' '),
  ].join(' ');
}

export function choosePlaybook(
  report: Report,
  playbooks: Playbook[],
  frameworks: FrameworkDef[],
  search: SearchIndex | null,
): Choice | null {
  if (!report.detected || report.findings.length === 0) return null;
  const top = report.findings[0]?.confidence ?? 0;
  const detected = new Set(report.summary.frameworks.map((f) => f.id));
  const signals = new Set(Object.keys(report.signals));
  const names = new Map(frameworks.map((f) => [f.id, f.name]));
  const text = new Map<string, number>();
  if (search) {
    const hits = search.search(reportQuery(report, names), { type: 'playbook', limit: 50, language: 'en' });
    const best = hits[0]?.score ?? 0;
    for (const h of hits) text.set(h.id, best > 0 ? h.score / best : 0);
  }
  let choice: Choice | null = null;
  for (const p of playbooks) {
    const matched = p.frameworks.filter((f) => detected.has(f));
    if (p.frameworks.length > 0 && matched.length === 0) continue;
    const fit = Math.max(
      0,
      ...report.findings
        .filter((f) => (p.scenarios as string[]).includes(f.scenario))
        .map((f) => f.confidence),
    );
    if (fit <= 0 || fit < top - REACH) continue;
    const level = matched.length > 0 ? Math.max(...matched.map((f) => depthOf(f, frameworks) + 1)) : 0;
    const sig = (p.signals ?? []).filter((s) => signals.has(s)).length;
    const score = fit + level * PER_FRAMEWORK_LEVEL + sig * PER_SIGNAL + (text.get(p.id) ?? 0) * TEXT;
    if (!choice || score > choice.score) choice = { playbook: p, score: Math.round(score * 1000) / 1000 };
  }
  return choice;
}
