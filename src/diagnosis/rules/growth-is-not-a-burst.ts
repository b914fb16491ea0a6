import { defineRule } from '../rule.ts';

/** A burst comes and goes with the traffic; memory that only grows, or grows back after a restart, is not one. */
export default defineRule({
  id: 'growth-is-not-a-burst',
  scenario: 'load-burst',
  rulesOut: 'strong',
  when: (f) =>
    f.signal('samples-growing') || f.signal('leak-testimony-prose') || f.signal('limit-raised-recurs-prose')
      ? {}
      : null,
  evidence: {
    en: 'Memory grows and is not given back: not a passing peak',
    zh: '内存增长后不回落：不是一时的峰值',
  },
  source: 'https://github.com/netty/netty/issues/8317',
});
