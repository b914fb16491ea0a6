/** The diagnosis's own words: when nothing decides, and the facts it asks for to decide. */
import type { Bilingual } from './bilingual.ts';

export const DIAGNOSIS = {
  'diagnosis.noSupport': {
    en: 'Nothing in the paste points to it yet; it is common',
    zh: '粘贴内容中还没有指向它的证据；这是常见原因',
  },
  'ask.testLimit': {
    en: 'Is the limit a test value or a unit slip (m for g)? In production it could not carry any traffic',
    zh: '这个上限是测试值还是单位写错（m 写成了 g）？生产环境里它撑不住任何流量',
  },
  'ask.secondReading': {
    en: 'A second reading of used direct memory an hour after traffic drops: what a burst held comes back down, what a leak holds stays (NMT needs -XX:NativeMemoryTracking=summary at start-up)',
    zh: '流量回落一小时后再读一次已用的堆外内存：突发负载占用的会回落，泄漏占用的不会（NMT 需要启动时加 -XX:NativeMemoryTracking=summary）',
  },

  'ask.limitSource': {
    en: 'Where the limit comes from (the JVM flags in force)',
    zh: '上限从哪里来（实际生效的 JVM 参数）',
  },
  'ask.leakRecords': {
    en: 'Leak records with stack traces: run with advanced leak detection and paste the LEAK: lines',
    zh: '带堆栈的泄漏记录：开启 advanced 级别的泄漏检测，再贴出 LEAK: 日志',
  },
  'ask.traffic': {
    en: 'What the traffic was when it failed: requests per second, concurrency, a load test or a peak?',
    zh: '故障时的流量：每秒请求数、并发数，是否在压测或高峰？',
  },
  'ask.versions': {
    en: 'The versions of Netty and of the framework on top of it',
    zh: 'Netty 及其上层框架的版本',
  },
  'ask.messageSize': {
    en: 'The size of the largest message or body at the time (uploads, big values, aggregated responses)',
    zh: '当时最大的消息或请求体有多大（上传、大 value、聚合的响应）',
  },
} satisfies Record<string, Bilingual>;
