import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * Small limits that platforms set on their own, in production: the Paketo / Cloud Foundry memory
 * calculator and model servers' shipped vmargs give -XX:MaxDirectMemorySize=10M.
 */
const PLATFORM_DEFAULTS = [10 * 1024 * 1024];

/**
 * A limit smaller than a single pooled chunk cannot have carried real traffic: it is a test setting
 * (a leak reproduced by shrinking the limit) or a unit slip (`2m` meant `2g`). Too small, surely, but
 * not by itself the answer to what happened in production.
 */
export default defineRule({
  id: 'limit-below-one-chunk',
  scenario: 'undersized-limit',
  rulesOut: 'moderate',
  when: ({ max, chunk }) =>
    max !== null && max < chunk && !PLATFORM_DEFAULTS.includes(max)
      ? { max: formatBytes(max), chunk: formatBytes(chunk) }
      : null,
  evidence: {
    en: 'A {max} limit is smaller than one {chunk} chunk: a test value or a unit slip, not a production budget',
    zh: '{max} 的上限比一个 {chunk} 的 chunk 还小：像是测试值或单位写错，而不是生产环境的预算',
  },
  source: 'http://www.chinasem.cn/article/513581',
});
