import { formatBytes } from '../../core/units.ts';
import { oversizedRequest } from '../facts.ts';
import { defineRule } from '../rule.ts';

/** The same absurd request, seen from the limit's side: with the pool mostly empty, the limit held. */
export default defineRule({
  id: 'oversized-request-not-the-limit',
  scenario: 'undersized-limit',
  rulesOut: 'strong',
  when: (facts) => {
    const o = oversizedRequest(facts);
    return o ? { used: formatBytes(o.used), max: formatBytes(o.max) } : null;
  },
  evidence: {
    en: 'The limit was not full ({used} of {max})',
    zh: '上限并没有用满（{used} / {max}）',
  },
  source: 'https://github.com/redisson/redisson/issues/6574',
});
