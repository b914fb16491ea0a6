import { defineRule } from '../rule.ts';

/** A load test or a traffic peak at the time of the failure: memory held by requests in flight. */
export default defineRule({
  id: 'load-test',
  scenario: 'load-burst',
  supports: 'strong',
  when: (f) => {
    const cue = f.signal('load-test-prose') ?? f.signal('traffic-prose');
    return cue ? { excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'It failed under a load test or a traffic peak (“{excerpt}”)',
    zh: '故障发生在压测或流量高峰时（“{excerpt}”）',
  },
  source: 'https://github.com/reactor/reactor-netty/issues/1310',
});
