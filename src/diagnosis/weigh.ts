/**
 * From rule hits to honest probabilities: each cause starts from how often maintainers find it, and
 * every rule that applies multiplies its odds by its strength (or divides them, when it rules the
 * cause out). The result sums to 1 over the causes; whether it decides anything is judged apart.
 */
import { CAUSES, type Cause } from '../core/types.ts';
import { LIKELIHOOD, type Rule } from './rule.ts';

/**
 * How often each cause turns out to be the one, before the paste is read: the ranking of causes
 * maintainers concluded in public threads (leaks first, then limits, then the rest).
 */
export const PRIOR: Record<Cause, number> = {
  'leak-unreleased-bytebuf': 0.34,
  'undersized-limit': 0.2,
  'load-burst': 0.07,
  'slow-consumer-backpressure': 0.1,
  'large-message': 0.1,
  'allocator-config': 0.06,
  'nio-cleaner-gc': 0.03,
  'jdk-or-netty-bug': 0.1,
};

export interface Hit {
  rule: Rule;
  values: Record<string, string | number>;
}

export interface Weighed {
  cause: Cause;
  probability: number;
  /** The hits that made it more likely, strongest first. */
  support: Hit[];
}

/** Every cause with its probability, most likely first. */
export function weigh(hits: Hit[]): Weighed[] {
  const odds = new Map<Cause, number>(CAUSES.map((c) => [c, PRIOR[c]]));
  for (const { rule } of hits) {
    const ratio = LIKELIHOOD[rule.strength];
    const now = odds.get(rule.scenario) ?? 0;
    odds.set(rule.scenario, rule.effect === 'supports' ? now * ratio : now / ratio);
  }
  const total = [...odds.values()].reduce((a, b) => a + b, 0);
  const rank = (h: Hit) => LIKELIHOOD[h.rule.strength];
  return CAUSES.map((cause) => ({
    cause,
    probability: (odds.get(cause) ?? 0) / total,
    support: hits
      .filter((h) => h.rule.scenario === cause && h.rule.effect === 'supports')
      .sort((a, b) => rank(b) - rank(a)),
  })).sort((a, b) => b.probability - a.probability);
}

/**
 * The evidence decides when the most likely cause has support of its own, is more likely than not,
 * and is at least twice as likely as the next.
 */
export function decides(weighed: Weighed[]): boolean {
  const [top, next] = weighed;
  if (!top || top.support.length === 0) return false;
  return top.probability >= 0.5 && top.probability >= 2 * (next?.probability ?? 0);
}
