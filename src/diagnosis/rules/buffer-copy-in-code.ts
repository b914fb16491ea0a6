import { defineRule } from '../rule.ts';

/** Application code that copies or retains buffers (`copy()`, `retainedSlice()`, `retain()`) owns a release each. */
export default defineRule({
  id: 'buffer-copy-in-code',
  scenario: 'leak-unreleased-bytebuf',
  supports: 'moderate',
  when: (f) => {
    const copy = f.signal('user-copy');
    if (copy) return { where: `${copy.call} at ${copy.frame}` };
    const prose = f.signal('retain-call') ?? f.signal('copy-call');
    return prose ? { where: `“${prose.excerpt ?? ''}”` } : null;
  },
  evidence: {
    en: 'The code makes buffers it must release itself: {where}',
    zh: '代码自己创建了需要释放的缓冲区：{where}',
  },
  source: 'https://netty.io/wiki/reference-counted-objects.html',
});
