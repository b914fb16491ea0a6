/**
 * An evidence rule: one mechanism a maintainer reasons with, named for what it knows. It reads the
 * facts of a report and, when it applies, makes one cause more likely (`supports`) or less likely
 * (`rulesOut`), with the words the reply shows and the thread or source that taught it.
 */
import type { Bilingual, Cause } from '../core/types.ts';
import type { Facts } from './facts.ts';

/** How much a rule moves the odds of its cause: a likelihood ratio. */
export type Strength = 'decisive' | 'strong' | 'moderate' | 'weak';
export const LIKELIHOOD: Record<Strength, number> = { decisive: 25, strong: 6, moderate: 2.5, weak: 1.5 };

/** The values a rule's evidence names (`{requested}`), or null when the rule does not apply. */
export type Found = Record<string, string | number> | null;

export interface RuleSpec {
  id: string;
  scenario: Cause;
  supports?: Strength;
  rulesOut?: Strength;
  when(facts: Facts): Found;
  evidence: Bilingual;
  /** The thread, source file or page that taught the rule. */
  source: string;
}

export interface Rule extends RuleSpec {
  effect: 'supports' | 'rulesOut';
  strength: Strength;
}

/** A rule with exactly one effect; a mistake in a rule's shape fails at load, not in a reply. */
export function defineRule(spec: RuleSpec): Rule {
  const effect = spec.supports ? 'supports' : 'rulesOut';
  const strength = spec.supports ?? spec.rulesOut;
  if (!strength || (spec.supports && spec.rulesOut)) {
    throw new Error(`rule ${spec.id}: give it either supports or rulesOut`);
  }
  return { ...spec, effect, strength };
}
