import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * With the default allocator Netty makes at most limit / chunk / 6 direct arenas, so a full pool
 * holds at least six chunks per arena: buffers in use hold it, not arenas each keeping a chunk.
 * Arena and cache tuning cannot be the cause.
 */
export default defineRule({
  id: 'buffers-held-not-arenas',
  scenario: 'allocator-config',
  rulesOut: 'strong',
  when: ({ chunkRequest, requested, chunk, used, max }) =>
    chunkRequest && requested === chunk && used !== null && max !== null && used >= 6 * chunk
      ? { n: Math.floor(used / chunk), chunk: formatBytes(chunk) }
      : null,
  evidence: {
    en: '{n} chunks of {chunk} are in use: far more than the arenas the default allocator makes',
    zh: '正在使用 {n} 个 {chunk} 的 chunk：远超默认分配器创建的 arena 数',
  },
  source: 'https://github.com/netty/netty/issues/7522',
});
