import { defineRule } from '../rule.ts';

/** Timestamped readings of used direct memory that only climb: nothing hands memory back. */
export default defineRule({
  id: 'readings-keep-growing',
  scenario: 'leak-unreleased-bytebuf',
  supports: 'moderate',
  when: (f) => {
    const g = f.signal('samples-growing');
    return g ? { first: g.first ?? '', last: g.last ?? '', span: g.span ?? '' } : null;
  },
  evidence: {
    en: 'Used direct memory kept climbing: {first} → {last} over {span}',
    zh: '已用堆外内存持续上涨：{span} 内从 {first} 涨到 {last}',
  },
  source: 'https://github.com/netty/netty/issues/8317',
});
