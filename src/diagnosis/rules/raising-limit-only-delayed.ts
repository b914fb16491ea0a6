import { defineRule } from '../rule.ts';

/** "We raised the limit (or restarted) and it only took longer to fail": memory that is never given back. */
export default defineRule({
  id: 'raising-limit-only-delayed',
  scenario: 'leak-unreleased-bytebuf',
  supports: 'strong',
  when: (f) => {
    const cue = f.signal('limit-raised-recurs-prose');
    return cue ? { excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'A larger limit or a restart only delayed the failure (“{excerpt}”): something keeps what it allocates',
    zh: '调大上限或重启只是推迟了故障（“{excerpt}”）：有代码一直持有分配的内存',
  },
  source: 'https://github.com/linkerd/linkerd/issues/2132',
});
