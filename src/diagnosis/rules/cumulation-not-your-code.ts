import { defineRule } from '../rule.ts';
import cumulation from './leak-in-netty-cumulation.ts';

/** The same record, seen from the application's side: no handler of yours held that buffer. */
export default defineRule({
  id: 'cumulation-not-your-code',
  scenario: 'leak-unreleased-bytebuf',
  rulesOut: 'strong',
  when: (f) => (cumulation.when(f) ? {} : null),
  evidence: {
    en: 'No application code ever held the leaked buffer',
    zh: '泄漏的缓冲区从未交给应用代码',
  },
  source: 'https://github.com/netty/netty/pull/9822',
});
