/**
 * Diagnose a report like a maintainer: run every evidence rule on its facts, weigh the causes into
 * probabilities, and say whether the evidence decides — when it does not, ask for what would.
 */
import type { Finding, FrameworkDef, KnownBug, Language, Report } from '../core/types.ts';
import { placeholders, t } from '../i18n/messages.ts';
import { factsOf } from './facts.ts';
import { type Question, questionsFor } from './questions.ts';
import { RULES } from './registry.ts';
import { decides, type Hit, weigh } from './weigh.ts';

export interface Diagnosis {
  findings: Finding[];
  /** The evidence points to one cause; when false, `questions` says what would decide. */
  decided: boolean;
  questions: Question[];
}

const SHOWN = 4;
const MIN_PROBABILITY = 0.05;
const EVIDENCE = 3;

/** `knownBugs`: the catalogue's known bugs by product id, for the rules that name an upstream fix. */
export function diagnose(
  report: Report,
  frameworks: FrameworkDef[],
  lang: Language,
  knownBugs: Record<string, KnownBug[]> = {},
): Diagnosis {
  if (!report.detected) return { findings: [], decided: false, questions: [] };
  const facts = factsOf(report, frameworks, knownBugs);
  const hits: Hit[] = [];
  for (const rule of RULES) {
    const values = rule.when(facts);
    if (values) hits.push({ rule, values });
  }
  const weighed = weigh(hits);
  const said = (h: Hit) => placeholders(h.rule.evidence[lang], h.values);
  const findings: Finding[] = weighed
    .filter((w, i) => i === 0 || w.probability >= MIN_PROBABILITY)
    .slice(0, SHOWN)
    .map((w) => ({
      scenario: w.cause,
      // Floored, so the shown confidences never add up to more than 100 %.
      confidence: Math.floor(w.probability * 100) / 100,
      evidence: w.support.length ? w.support.slice(0, EVIDENCE).map(said) : [t('diagnosis.noSupport', lang)],
      signals: w.support.map((h) => h.rule.id),
      against: hits.filter((h) => h.rule.scenario === w.cause && h.rule.effect === 'rulesOut').map(said),
    }));
  const decided = decides(weighed);
  const leading = weighed.filter((w) => w.probability >= 0.15).map((w) => w.cause);
  return { findings, decided, questions: decided ? [] : questionsFor(leading, facts, lang) };
}
