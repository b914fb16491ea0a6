/**
 * A playbook step is one sentence a person reads in Slack, with at most one command: longer ones
 * are refused, so a reply stays short however the knowledge base grows.
 */
import type { Playbook } from './types.ts';
import type { Problem, YamlFile } from './yaml-file.ts';

/** The longest a step's sentence may be, in characters. */
export const MAX_STEP = { en: 240, zh: 170 } as const;

/** How many sentences a text holds: code spans and fields set aside, abbreviations not counted. */
export function sentenceCount(text: string, lang: 'en' | 'zh'): number {
  const prose = text.replace(/`[^`]*`/g, 'x').replace(/\{\{[^}]*\}\}/g, 'x');
  if (lang === 'zh') return Math.max(1, (prose.match(/[。！？]/g) ?? []).length);
  const plain = prose.replace(/\b(?:e\.g|i\.e|etc|vs)\./g, '');
  return Math.max(1, (plain.match(/[.!?](?=\s|$)/g) ?? []).length);
}

export function checkStepShape(f: YamlFile, p: Playbook, problems: Problem[]): void {
  p.steps.forEach((step, j) => {
    for (const [which, texts] of [
      ['text', step.text],
      ['fallback', step.fallback],
    ] as const) {
      if (!texts) continue;
      for (const lang of ['en', 'zh'] as const) {
        const text = texts[lang];
        const where = ['steps', j, which, lang];
        if (sentenceCount(text, lang) > 1)
          problems.push(
            f.at(where, 'a step is one sentence: split it, or move the detail into a knowledge entry'),
          );
        if (text.length > MAX_STEP[lang])
          problems.push(
            f.at(where, `${text.length} characters: a step says it in at most ${MAX_STEP[lang]}`),
          );
      }
    }
  });
}
