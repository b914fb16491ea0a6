import { defineRule } from '../rule.ts';

/**
 * Plain NIO direct buffers (not Netty's pool) are freed only when the GC collects them; with
 * -XX:+DisableExplicitGC the JDK's last-resort System.gc() in Bits.reserveMemory does nothing.
 */
export default defineRule({
  id: 'jdk-buffers-wait-for-gc',
  scenario: 'nio-cleaner-gc',
  supports: 'strong',
  when: (f) => {
    const flag = f.signal('disable-explicit-gc');
    const plain = f.path === 'nio-bits' || f.path === 'unpooled-cleaner';
    return plain && flag ? { flag: flag.excerpt ?? '-XX:+DisableExplicitGC' } : null;
  },
  evidence: {
    en: 'Plain JDK direct buffers are freed only by the GC, and {flag} stops the JDK from asking for one',
    zh: 'JDK 直接缓冲区只能靠 GC 回收，而 {flag} 让 JDK 无法触发 GC',
  },
  source: 'https://github.com/alibaba/rocketmq/issues/391',
});
