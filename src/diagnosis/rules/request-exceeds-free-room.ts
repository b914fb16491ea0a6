import { formatBytes } from '../../core/units.ts';
import { oversizedRequest } from '../facts.ts';
import { defineRule } from '../rule.ts';

/**
 * A request bigger than the room left while little of the limit is in use: memory was not full, one
 * allocation was absurd (a length field read wrong, a decompressed size, a whole body aggregated).
 */
export default defineRule({
  id: 'request-exceeds-free-room',
  scenario: 'large-message',
  supports: 'strong',
  when: (facts) => {
    const o = oversizedRequest(facts);
    return o
      ? { requested: formatBytes(o.requested), used: formatBytes(o.used), max: formatBytes(o.max) }
      : null;
  },
  evidence: {
    en: 'Only {used} of {max} was in use, yet one request asked for {requested}: one oversized allocation, not a full pool',
    zh: '上限 {max} 中只用了 {used}，单次却申请了 {requested}：是一次超大的分配，而不是内存池满了',
  },
  source: 'https://github.com/redisson/redisson/issues/6574',
});
