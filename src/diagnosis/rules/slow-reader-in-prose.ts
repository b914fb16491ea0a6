import { defineRule } from '../rule.ts';

/** People name the slow side themselves: a slow client, pushes to a broken client, streaming without flow control. */
export default defineRule({
  id: 'slow-reader-in-prose',
  scenario: 'slow-consumer-backpressure',
  supports: 'strong',
  when: (f) => {
    const cue = f.signal('slow-client-prose') ?? f.signal('streaming-prose');
    return cue ? { excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'Data is pushed faster than it is read (“{excerpt}”)',
    zh: '数据推送得比读取快（“{excerpt}”）',
  },
  source: 'https://github.com/grpc/grpc-java/issues/2247',
});
