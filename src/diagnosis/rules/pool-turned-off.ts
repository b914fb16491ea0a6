import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * Netty's default direct arena count is min(2 × cores, limit / chunk / 2 / 3): below six chunks of
 * limit it is zero and every buffer is unpooled (`PooledByteBufAllocator.newDirectBuffer` falls back
 * to an unpooled buffer), which is what the frames show.
 */
export default defineRule({
  id: 'pool-turned-off',
  scenario: 'undersized-limit',
  supports: 'moderate',
  when: ({ max, chunk, path, frames }) =>
    max !== null &&
    max < 6 * chunk &&
    path.startsWith('unpooled') &&
    frames.some((f) => f.includes('PooledByteBufAllocator.newDirectBuffer'))
      ? { max: formatBytes(max) }
      : null,
  evidence: {
    en: 'With a {max} limit Netty created no direct arenas: the pooled allocator fell back to unpooled buffers',
    zh: '上限 {max} 时 Netty 没有创建任何 direct arena：池化分配器退化成了非池化缓冲区',
  },
  source:
    'https://github.com/netty/netty/blob/netty-4.1.75.Final/buffer/src/main/java/io/netty/buffer/PooledByteBufAllocator.java',
});
