import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * A pool that grows by chunks larger than Netty's default (an allocator configured by the product:
 * Seata's uses 128 MiB) holds only a few of them under the limit: the limit is small for the
 * allocator in use.
 */
export default defineRule({
  id: 'limit-holds-few-chunks',
  scenario: 'undersized-limit',
  supports: 'strong',
  when: ({ requested, max, chunkRequest, chunk }) =>
    chunkRequest && requested !== null && max !== null && requested > chunk && max < 16 * requested
      ? { max: formatBytes(max), size: formatBytes(requested), n: Math.floor(max / requested) }
      : null,
  evidence: {
    en: 'The pool grows by {size} chunks, larger than Netty makes by default, and the {max} limit holds only {n} of them',
    zh: '内存池每次增长 {size}，比 Netty 默认的 chunk 大，而上限 {max} 只能容纳 {n} 个',
  },
  source: 'https://github.com/apache/incubator-seata/issues/1880',
});
