import { defineRule } from '../rule.ts';

/** Direct memory that grows day after day, or readings that only go up: something is never released. */
export default defineRule({
  id: 'memory-keeps-growing',
  scenario: 'leak-unreleased-bytebuf',
  supports: 'moderate',
  when: (f) => {
    const growing = f.signal('samples-growing');
    if (growing) return { what: `${growing.first} → ${growing.last} (${growing.span})` };
    const cue = f.signal('growth-prose');
    return cue ? { what: `“${cue.excerpt ?? ''}”` } : null;
  },
  evidence: {
    en: 'Direct memory keeps growing: {what}',
    zh: '堆外内存持续增长：{what}',
  },
  source: 'https://github.com/netty/netty/issues/8317',
});
