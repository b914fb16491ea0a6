import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * Someone chose this budget (-XX:MaxDirectMemorySize, or io.netty.maxDirectMemory) and it is small
 * for a server: with nothing pointing elsewhere, the limit is the first suspect — a trend decides.
 */
export default defineRule({
  id: 'small-explicit-limit',
  scenario: 'undersized-limit',
  supports: 'moderate',
  when: ({ max, summary }) =>
    max !== null &&
    max >= 64 * 1024 * 1024 &&
    max < 1024 * 1024 * 1024 &&
    (summary.limitOrigin.guess === 'explicit-max-direct-memory-size' ||
      summary.limitOrigin.guess === 'io-netty-max-direct-memory')
      ? { max: formatBytes(max), how: summary.limitOrigin.evidence }
      : null,
  evidence: {
    en: 'The {max} limit was chosen ({how}), and it is small for a server',
    zh: '{max} 的上限是特意设置的（{how}），对服务端来说偏小',
  },
  source: 'https://github.com/grpc/grpc-java/issues/5671',
});
