import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/** The same absurd request, seen from the limit's side: with the pool mostly empty, the limit held. */
export default defineRule({
  id: 'oversized-request-not-the-limit',
  scenario: 'undersized-limit',
  rulesOut: 'strong',
  when: ({ requested, used, max, free }) =>
    requested !== null &&
    used !== null &&
    max !== null &&
    free !== null &&
    requested > free &&
    used < max * 0.6
      ? { used: formatBytes(used), max: formatBytes(max) }
      : null,
  evidence: {
    en: 'The limit was not full ({used} of {max})',
    zh: '上限并没有用满（{used} / {max}）',
  },
  source: 'https://github.com/redisson/redisson/issues/6574',
});
