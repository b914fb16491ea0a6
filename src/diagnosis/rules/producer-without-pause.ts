import { defineRule } from '../rule.ts';

/**
 * A producer that pushes messages in a loop, or streams millions of records, with nothing pacing it:
 * writes never block in Netty or gRPC, so everything not yet on the wire waits in direct memory.
 */
export default defineRule({
  id: 'producer-without-pause',
  scenario: 'slow-consumer-backpressure',
  supports: 'strong',
  when: (f) => {
    const cue = f.signal('producer-loop-prose') ?? f.signal('slow-client-prose');
    return cue ? { excerpt: cue.excerpt ?? '' } : null;
  },
  evidence: {
    en: 'Messages are pushed with nothing pacing them (“{excerpt}”): writes queue in direct memory',
    zh: '消息在无节制地推送（“{excerpt}”）：写出的数据堆积在堆外内存中',
  },
  source: 'https://github.com/grpc/grpc-java/issues/2379',
});
