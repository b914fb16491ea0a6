import { defineRule } from '../rule.ts';

/** A burst comes and goes with the traffic; memory that only grows over days is not one. */
export default defineRule({
  id: 'growth-is-not-a-burst',
  scenario: 'load-burst',
  rulesOut: 'moderate',
  when: (f) => (f.signal('samples-growing') || f.signal('growth-prose') ? {} : null),
  evidence: { en: 'The growth is steady, not a peak', zh: '增长是持续的，不是峰值' },
  source: 'https://github.com/netty/netty/issues/8317',
});
