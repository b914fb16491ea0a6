import { defineRule } from '../rule.ts';

/**
 * The allocation happened on the write path (encoders, `ChannelOutboundBuffer`, SSL wrap): written
 * data queues in memory when the peer reads slower than the application writes and nobody checks
 * `Channel.isWritable()`.
 */
export default defineRule({
  id: 'writes-outpace-reader',
  scenario: 'slow-consumer-backpressure',
  supports: 'moderate',
  when: (f) => {
    const queue = f.signal('outbound-buffer');
    if (queue) return { where: queue.frame ?? '' };
    const write = f.signal('write-path');
    return write ? { where: write.frame ?? '' } : null;
  },
  evidence: {
    en: 'The buffer was allocated to write ({where}): writes pile up when the peer reads slowly',
    zh: '缓冲区是在写出时分配的（{where}）：对端读得慢时写出的数据会堆积',
  },
  source: 'https://github.com/netty/netty/issues/3511',
});
