import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/** A budget of several GiB is not small: what matters is what fills it — a leak, a backlog, a burst. */
export default defineRule({
  id: 'large-limit-not-the-cause',
  scenario: 'undersized-limit',
  rulesOut: 'moderate',
  when: ({ max }) => (max !== null && max >= 4 * 1024 * 1024 * 1024 ? { max: formatBytes(max) } : null),
  evidence: {
    en: 'The {max} limit is already large: a normal load should not fill it',
    zh: '上限已经很大（{max}）：正常负载不应把它占满',
  },
  source: 'https://blog.csdn.net/uuqaz/article/details/124708550',
});
