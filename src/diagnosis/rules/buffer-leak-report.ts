import { defineRule } from '../rule.ts';

/** Netty's leak detector saw buffers garbage-collected without release(): a leak, by definition. */
export default defineRule({
  id: 'buffer-leak-report',
  scenario: 'leak-unreleased-bytebuf',
  supports: 'strong',
  when: (f) => {
    const leak = f.signal('leak-report');
    return leak ? { count: leak.count ?? '1' } : null;
  },
  evidence: {
    en: '{count} Netty LEAK report(s): buffers were garbage-collected without release()',
    zh: '{count} 条 Netty LEAK 报告：缓冲区未调用 release() 就被 GC 回收',
  },
  source: 'https://netty.io/wiki/reference-counted-objects.html',
});
