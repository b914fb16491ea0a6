import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * A limit of a few MiB (a platform default: Paketo and Cloud Foundry's memory calculator set
 * -XX:MaxDirectMemorySize=10M; model servers ship small vmargs) holds less than a handful of pooled
 * chunks: under about six chunks Netty turns its direct pool off, and any real traffic exceeds it.
 */
export default defineRule({
  id: 'limit-too-small-for-pool',
  scenario: 'undersized-limit',
  supports: 'strong',
  when: ({ max, chunk }) =>
    max !== null && max < 6 * chunk && max <= 64 * 1024 * 1024
      ? { max: formatBytes(max), chunk: formatBytes(chunk) }
      : null,
  evidence: {
    en: 'The limit is only {max}, less than six {chunk} chunks: a default meant for small apps (Paketo and Cloud Foundry set 10M), not this traffic',
    zh: '上限只有 {max}，不到 6 个 {chunk} 的 chunk：这是为小应用准备的默认值（Paketo / Cloud Foundry 默认 10M），撑不住这样的流量',
  },
  source: 'https://github.com/eclipse-vertx/vert.x/issues/5443',
});
