import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * A request larger than a pooled chunk is allocated outside the pool (`PoolArena.allocateHuge`):
 * an aggregated body or one large message, sized by the data.
 */
export default defineRule({
  id: 'huge-allocation',
  scenario: 'large-message',
  supports: 'moderate',
  when: ({ requested, chunk, path, chunkRequest }) =>
    requested !== null && !chunkRequest && (path === 'pooled-huge' || requested > chunk)
      ? { requested: formatBytes(requested), chunk: formatBytes(chunk) }
      : null,
  evidence: {
    en: '{requested} is more than a pooled chunk ({chunk}): one huge allocation, sized by the message',
    zh: '{requested} 超过一个池化 chunk（{chunk}）：一次按消息大小的超大分配',
  },
  source:
    'https://github.com/netty/netty/blob/netty-4.1.75.Final/buffer/src/main/java/io/netty/buffer/PoolArena.java',
});
