import { defineRule } from '../rule.ts';

/** Netty 4.2's adaptive allocator (the default there) sizes memory differently and can need more. */
export default defineRule({
  id: 'adaptive-allocator',
  scenario: 'allocator-config',
  supports: 'moderate',
  when: (f) => {
    const frame = f.signal('adaptive-allocator');
    return frame ? { frame: frame.frame ?? '', prefix: f.summary.nettyPropertyPrefix } : null;
  },
  evidence: {
    en: "Netty 4.2's adaptive allocator made the allocation ({frame}): -D{prefix}allocator.type=pooled brings back the pooled one",
    zh: 'Netty 4.2 的 adaptive 分配器执行了这次分配（{frame}）：-D{prefix}allocator.type=pooled 可换回池化分配器',
  },
  source: 'https://github.com/netty/netty/pull/14271',
});
