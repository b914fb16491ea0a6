/** Score the scenarios of the knowledge base against the signals a report shows. */
import { t } from '../i18n/messages.ts';
import type { Signals } from './summarize.ts';
import { fillTemplate } from './template.ts';
import type { AnalyzerKnowledge, Finding, FrameworkHit, Language, Scenario } from './types.ts';

const MAX_EVIDENCE = 5;

export function diagnose(
  signals: Signals,
  frameworks: FrameworkHit[],
  knowledge: AnalyzerKnowledge,
  lang: Language,
): Finding[] {
  const defs = new Map(knowledge.signals.map((s) => [s.id, s]));
  const present = new Set(Object.keys(signals));
  const fw = new Set(frameworks.map((f) => f.id));
  const findings: (Finding & { order: number })[] = [];
  knowledge.scenarios.forEach((sc, order) => {
    let score = sc.prior;
    const support: [string, number][] = [];
    for (const [id, weight] of Object.entries(sc.signals)) {
      if (!present.has(id)) continue;
      score += weight;
      if (weight > 0) support.push([id, weight]);
    }
    for (const [id, weight] of Object.entries(sc.frameworks ?? {})) if (fw.has(id)) score += weight;
    if (support.length === 0) return;
    const confidence = Math.round(Math.min(0.97, Math.max(0.02, score)) * 100) / 100;
    if (confidence < knowledge.minimumConfidence) return;
    // Evidence read from the trace and its companions first, then what people wrote; strongest first.
    const textual = (id: string) => (defs.get(id)?.source === 'text' ? 1 : 0);
    support.sort((a, b) => textual(a[0]) - textual(b[0]) || b[1] - a[1]);
    const evidence: string[] = [];
    for (const [id] of support) {
      const def = defs.get(id);
      const text = def ? fillTemplate(def.evidence[lang], signals[id] ?? {}) : null;
      if (text && evidence.length < MAX_EVIDENCE) evidence.push(text);
    }
    if (evidence.length === 0) return;
    findings.push({ scenario: sc.id, confidence, evidence, signals: support.map(([id]) => id), order });
  });
  findings.sort((a, b) => b.confidence - a.confidence || a.order - b.order);
  return findings.map(({ order: _, ...f }) => f);
}

/** The finding to report when a trace was detected but no scenario stands out. */
export function unknownFinding(lang: Language): Finding {
  return {
    scenario: 'unknown' as Scenario,
    confidence: 0.2,
    evidence: [t('finding.noSignal', lang)],
    signals: [],
  };
}
