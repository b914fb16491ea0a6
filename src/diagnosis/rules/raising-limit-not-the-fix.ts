import { defineRule } from '../rule.ts';

/** The same words, against the limit: a limit that was raised and still ran out was not the cause. */
export default defineRule({
  id: 'raising-limit-not-the-fix',
  scenario: 'undersized-limit',
  rulesOut: 'strong',
  when: (f) => (f.signal('limit-raised-recurs-prose') ? {} : null),
  evidence: {
    en: 'A larger limit was already tried',
    zh: '已经试过调大上限',
  },
  source: 'https://github.com/linkerd/linkerd/issues/2132',
});
