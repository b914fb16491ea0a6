/**
 * Which playbook fits a report: one written for the cause the diagnosis found, for the most specific
 * product detected. A product's playbook never goes to a trace of another product.
 */
import type { FrameworkDef, Report } from '../core/types.ts';
import type { Playbook } from '../knowledge/types.ts';
import type { SearchIndex } from '../search/index.ts';
import { leakOwnerOf } from './owner.ts';

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

/**
 * The playbook for the verdict: written for the top finding's cause, for the most specific product
 * detected (never for one that was not), the signals and rules it names breaking ties, then the text
 * score. A playbook naming rules is offered only when one of them supported the verdict.
 */
export function choosePlaybook(
  report: Report,
  playbooks: Playbook[],
  frameworks: FrameworkDef[],
  search: SearchIndex | null,
): Choice | null {
  const top = report.findings[0];
  if (!report.detected || !top) return null;
  const detected = new Set(report.summary.frameworks.map((f) => f.id));
  const signals = new Set([...Object.keys(report.signals), ...top.signals]);
  const names = new Map(frameworks.map((f) => [f.id, f.name]));
  const byId = new Map(frameworks.map((f) => [f.id, f]));
  const owner = leakOwnerOf(report, frameworks);
  const text = new Map<string, number>();
  if (search) {
    const hits = search.search(reportQuery(report, names), {
      type: 'playbook',
      limit: 50,
      language: 'en',
      all: true,
    });
    const best = hits[0]?.score ?? 0;
    for (const h of hits) text.set(h.id, best > 0 ? h.score / best : 0);
  }
  let choice: Choice | null = null;
  for (const p of playbooks) {
    if (!(p.scenarios as string[]).includes(top.scenario)) continue;
    const matched = p.frameworks.filter((f) => detected.has(f));
    if (p.frameworks.length > 0 && matched.length === 0) continue;
    // A playbook for a mechanism a diagnosis rule recognises answers only a verdict that rule supported.
    const answered = (p.rules ?? []).filter((r) => top.signals.includes(r)).length;
    if ((p.rules?.length ?? 0) > 0 && answered === 0) continue;
    if (p.leakOwner && p.leakOwner !== owner) continue;
    const named = (p.signals ?? []).filter((x) => signals.has(x)).length + answered;
    // Netty is under every trace: a playbook for one Netty mechanism needs a signal of it.
    if (
      matched.every((f) => !byId.get(f)?.parent) &&
      matched.length > 0 &&
      (p.signals?.length ?? 0) > 0 &&
      named === 0
    )
      continue;
    const level = matched.length > 0 ? Math.max(...matched.map((f) => depthOf(f, frameworks) + 1)) : 0;
    const score = level * PER_FRAMEWORK_LEVEL + named * PER_SIGNAL + (text.get(p.id) ?? 0) * TEXT;
    if (!choice || score > choice.score) choice = { playbook: p, score: Math.round(score * 1000) / 1000 };
  }
  return choice;
}
