import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * Unpooled buffers are freed the moment they are released: with no pool to keep chunks, a large
 * limit that is full means that much data is held live right now — a leak or a backlog, not caching.
 */
export default defineRule({
  id: 'live-unpooled-buffers',
  scenario: 'leak-unreleased-bytebuf',
  supports: 'moderate',
  when: ({ path, used, max, frames }) =>
    (path === 'unpooled-nocleaner' || path === 'unpooled-cleaner') &&
    used !== null &&
    max !== null &&
    max >= 256 * 1024 * 1024 &&
    used >= max * 0.95 &&
    frames.some((f) => f.includes('ByteBufAllocator.newDirectBuffer'))
      ? { used: formatBytes(used) }
      : null,
  evidence: {
    en: 'The buffers are unpooled, so the {used} in use is live data, not memory a pool keeps',
    zh: '这些缓冲区是非池化的，已用的 {used} 都是活跃数据，而不是内存池保留的内存',
  },
  source:
    'https://github.com/netty/netty/blob/netty-4.1.75.Final/buffer/src/main/java/io/netty/buffer/UnpooledByteBufAllocator.java',
});
