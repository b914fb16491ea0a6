import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * One allocation bigger than a pooled chunk, and people name items that big (big keys, 30 MB
 * entries, large payloads): the message itself is the problem. Stream it, or cap its size.
 */
export default defineRule({
  id: 'large-items-named',
  scenario: 'large-message',
  supports: 'strong',
  when: (f) => {
    const cue = f.signal('large-item-prose');
    const { requested, chunk, path } = f;
    const huge = requested !== null && !f.chunkRequest && (path === 'pooled-huge' || requested > chunk);
    return cue && huge ? { requested: formatBytes(requested), excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'A {requested} allocation, and large items are named (“{excerpt}”): the message size is the problem',
    zh: '一次 {requested} 的分配，且提到了大对象（“{excerpt}”）：问题在于消息本身太大',
  },
  source: 'https://github.com/CorfuDB/CorfuDB/issues/328',
});
