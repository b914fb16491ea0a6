import { defineRule } from '../rule.ts';

/**
 * Out of direct memory while starting, before any traffic: the pools and caches it is configured
 * with need more than the limit, or the memory settings were not applied. Never a leak.
 */
export default defineRule({
  id: 'fails-while-starting',
  scenario: 'undersized-limit',
  supports: 'decisive',
  when: (f) => {
    const cue = f.signal('startup-prose');
    return cue && f.summary.kind !== 'leak_report' ? { excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'It failed while starting (“{excerpt}”): what it is configured to reserve does not fit the limit',
    zh: '启动时就失败了（“{excerpt}”）：配置的预留内存超出了上限',
  },
  source: 'https://github.com/apache/pulsar/issues/6131',
});
