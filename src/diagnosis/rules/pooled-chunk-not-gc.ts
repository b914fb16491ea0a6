import { defineRule } from '../rule.ts';

/**
 * `Direct buffer memory` thrown under `PoolArena.newChunk`: Netty took the JDK's cleaner path
 * (JDK 9+ without --add-opens java.base/java.nio and -Dio.netty.tryReflectionSetAccessible=true,
 * or io.netty.maxDirectMemory=0), but a pooled chunk is held by the pool and freed explicitly —
 * the garbage collector has nothing to reclaim, so this is the same full pool as Netty's own error.
 */
export default defineRule({
  id: 'pooled-chunk-not-gc',
  scenario: 'nio-cleaner-gc',
  rulesOut: 'strong',
  when: (f) =>
    f.path === 'pooled-chunk' || f.path === 'pooled-huge' ? { frame: f.frame('newChunk') ?? '' } : null,
  evidence: {
    en: 'The memory is a pooled chunk: the pool frees it, not the garbage collector',
    zh: '这是池化的 chunk：由内存池释放，而不是 GC',
  },
  source: 'https://github.com/netty/netty/issues/9007',
});
