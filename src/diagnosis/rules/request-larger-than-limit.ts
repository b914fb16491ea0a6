import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * One allocation larger than the whole limit cannot be the limit's fault: no sane limit holds a
 * buffer that size. It is a corrupt length read off the wire or one huge message.
 */
export default defineRule({
  id: 'request-larger-than-limit',
  scenario: 'undersized-limit',
  rulesOut: 'decisive',
  when: ({ requested, max }) =>
    requested !== null && max !== null && requested > max
      ? { requested: formatBytes(requested), max: formatBytes(max) }
      : null,
  evidence: {
    en: 'One request of {requested} is larger than the whole {max} limit: raising the limit is not the fix',
    zh: '单次申请 {requested} 就超过了整个上限 {max}：调大上限解决不了问题',
  },
  source: 'https://github.com/redisson/redisson/issues/6574',
});
