import { formatBytes } from '../../core/units.ts';
import { defineRule } from '../rule.ts';

/**
 * A limit of a few MiB holds less than a handful of pooled chunks: below about six chunks Netty
 * creates no direct arenas and any real traffic exceeds it. Such limits are platform defaults
 * (Paketo and Cloud Foundry's memory calculator set -XX:MaxDirectMemorySize=10M; model servers
 * ship small vmargs), unless people say they shrank it to reproduce a leak.
 */
export default defineRule({
  id: 'limit-too-small-for-pool',
  scenario: 'undersized-limit',
  supports: 'strong',
  when: (f) => {
    const { max, chunk } = f;
    if (max === null || max > 64 * 1024 * 1024 || max >= 6 * chunk) return null;
    if (f.signal('leak-testimony-prose') || f.signal('leak-report')) return null;
    const preset = max === 10 * 1024 * 1024 ? ' — exactly 10M, the Paketo / Cloud Foundry default' : '';
    return {
      max: formatBytes(max),
      chunk: formatBytes(chunk),
      preset,
      presetZh: preset ? '——正好 10M，是 Paketo / Cloud Foundry 的默认值' : '',
    };
  },
  evidence: {
    en: 'The limit is only {max}{preset}: less than six {chunk} chunks, too small for the pool and for real traffic',
    zh: '上限只有 {max}{presetZh}：不到 6 个 {chunk} 的 chunk，内存池和正常流量都不够用',
  },
  source: 'https://github.com/eclipse-vertx/vert.x/issues/5443',
});
