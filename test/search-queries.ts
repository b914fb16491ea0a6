/** The search quality set, shared by the test and the benchmark. */
// Questions people ask, in both languages, with the entries or playbooks a good answer starts with.
// A query is answered when one of them is in the top three.
export const QUERIES: [string, string[]][] = [
  [
    'how do I find which handler leaks',
    ['tool-leak-detector-levels', 'general-leak', 'error-leak-report', 'cause-unreleased-bytebuf'],
  ],
  [
    'direct memory keeps growing',
    [
      'cause-unreleased-bytebuf',
      'general-leak',
      'tool-direct-memory-reporter',
      'allocator-pool-keeps-chunks',
    ],
  ],
  [
    'what does failed to allocate 16777216 byte(s) mean',
    ['allocator-chunk-sizes-by-version', 'error-outofdirectmemoryerror'],
  ],
  [
    'MaxDirectMemorySize default value',
    ['allocator-jdk-direct-limit-default', 'allocator-io-netty-maxdirectmemory'],
  ],
  ['io.netty.maxDirectMemory 0 vs -1', ['allocator-io-netty-maxdirectmemory']],
  ['leak detection paranoid level', ['tool-leak-detector-levels']],
  [
    'grpc shaded netty flags ignored',
    ['cause-shaded-netty-ignores-flags', 'framework-grpc', 'grpc-direct-memory-limit'],
  ],
  [
    'spring cloud gateway modify request body leak',
    ['scg-databuffer-leak', 'framework-spring-cloud-gateway', 'cause-framework-bug-fixed-upstream'],
  ],
  [
    'Direct buffer memory java.nio.Bits.reserveMemory',
    ['error-direct-buffer-memory', 'general-nio-cleaner-gc'],
  ],
  ['Cannot reserve bytes of direct buffer memory allocated limit', ['error-cannot-reserve']],
  ['DisableExplicitGC direct buffers', ['concept-disable-explicit-gc', 'general-nio-cleaner-gc']],
  ['native memory tracking baseline diff', ['tool-nmt-baseline-diff']],
  ['map native thread id to java thread with jstack', ['tool-jstack-thread-mapping']],
  ['strace mmap 16781312', ['tool-strace-mmap']],
  ['dump leaked memory with gdb', ['tool-gdb-dump-memory']],
  ['pmap anonymous memory grows', ['tool-pmap']],
  ['jmap heap is fine but process memory is high', ['tool-jmap-heap', 'concept-container-memory']],
  [
    'netty 4.2 adaptive allocator uses more memory',
    ['allocator-adaptive-netty-4-2', 'cause-adaptive-allocator-4-2'],
  ],
  ['thread local cache useCacheForAllThreads', ['allocator-thread-caches', 'cause-thread-local-caches']],
  [
    'numDirectArenas too many arenas small container',
    ['allocator-arenas', 'cause-limit-too-small-for-arenas'],
  ],
  [
    'grpc onNext isReady flow control out of memory',
    ['cause-producer-faster-than-consumer', 'grpc-flow-control', 'general-slow-consumer'],
  ],
  [
    'channel isWritable water mark slow client',
    ['cause-producer-faster-than-consumer', 'general-slow-consumer'],
  ],
  [
    'HttpObjectAggregator large body out of direct memory',
    ['cause-huge-unpooled-allocations', 'general-large-message'],
  ],
  [
    'maxInboundMessageSize grpc',
    ['grpc-flow-control', 'cause-huge-unpooled-allocations', 'general-large-message'],
  ],
  [
    'load test 2800 concurrent users OutOfDirectMemoryError reactor netty',
    ['reactor-netty-load-burst', 'general-load-burst', 'cause-load-burst'],
  ],
  ['nacos OutOfDirectMemoryError', ['nacos-direct-memory', 'framework-nacos']],
  [
    'release ByteBuf in finally with ReferenceCountUtil',
    ['concept-reference-counting', 'cause-unreleased-bytebuf'],
  ],
  [
    'SimpleChannelInboundHandler retain refCnt never zero',
    ['netty-inbound-handler-retains', 'concept-reference-counting'],
  ],
  ['copy() buffers not released', ['netty-copy-not-released', 'cause-unreleased-bytebuf']],
  [
    'mixed netty versions on the classpath',
    ['cause-limit-misconfiguration-mixed-versions', 'general-netty-or-jdk-bug'],
  ],
  ['container OOMKilled heap plus direct memory', ['concept-container-memory']],
  ['reactor netty used direct memory metric gauge', ['tool-allocator-metrics', 'framework-reactor-netty']],
  [
    'io.grpc.netty.shaded.io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 2097152 byte(s) of direct memory (used: 501219607, max: 503316480) nacos',
    [
      'nacos-direct-memory',
      'framework-nacos',
      'allocator-chunk-sizes-by-version',
      'cause-shaded-netty-ignores-flags',
    ],
  ],
  [
    '堆外内存一直涨怎么排查',
    [
      'general-leak',
      'cause-unreleased-bytebuf',
      'tool-nmt-baseline-diff',
      'tool-direct-memory-reporter',
      'general-first-response',
    ],
  ],
  [
    '怎么找到哪个handler泄漏',
    ['tool-leak-detector-levels', 'general-leak', 'error-leak-report', 'netty-inbound-handler-retains'],
  ],
  ['压测时出现堆外内存溢出', ['general-load-burst', 'reactor-netty-load-burst', 'cause-load-burst']],
  ['MaxDirectMemorySize 默认值是多少', ['allocator-jdk-direct-limit-default']],
  ['nacos 堆外内存溢出 怎么处理', ['nacos-direct-memory', 'framework-nacos']],
  ['grpc 直接内存上限 512m 不够', ['grpc-direct-memory-limit', 'general-undersized-limit']],
  ['泄漏检测级别 PARANOID', ['tool-leak-detector-levels']],
  ['NMT 查看 Internal 内存', ['tool-nmt-baseline-diff']],
  ['jstack 线程号 转 十六进制', ['tool-jstack-thread-mapping']],
  ['strace 查看 mmap 内存分配', ['tool-strace-mmap']],
  ['gdb dump 内存 看内容', ['tool-gdb-dump-memory']],
  ['pmap 对比 两次 内存映射', ['tool-pmap']],
  ['jmap 看堆内存正常 但是进程内存很高', ['tool-jmap-heap', 'concept-container-memory']],
  [
    'ByteBuf 没有 release 导致内存泄漏',
    ['cause-unreleased-bytebuf', 'concept-reference-counting', 'general-leak'],
  ],
  ['copy 之后 忘记 释放', ['netty-copy-not-released', 'cause-unreleased-bytebuf']],
  [
    'SimpleChannelInboundHandler 里调用了 retain',
    ['netty-inbound-handler-retains', 'concept-reference-counting'],
  ],
  ['网关 修改请求体 过滤器 内存泄漏', ['scg-databuffer-leak', 'framework-spring-cloud-gateway']],
  ['io.netty.maxDirectMemory 参数 含义', ['allocator-io-netty-maxdirectmemory']],
  ['chunk 大小 16M 和 4M 的区别', ['allocator-chunk-sizes-by-version']],
  ['Direct buffer memory 错误 原因', ['error-direct-buffer-memory']],
  ['DisableExplicitGC 导致 直接内存 无法回收', ['concept-disable-explicit-gc']],
  ['容器 内存 被 OOMKilled', ['concept-container-memory']],
  ['慢客户端 写缓冲 堆积', ['cause-producer-faster-than-consumer', 'general-slow-consumer']],
  ['大报文 聚合 导致 堆外内存 不足', ['cause-huge-unpooled-allocations', 'general-large-message']],
  ['线程缓存 占用 堆外内存', ['allocator-thread-caches', 'cause-thread-local-caches']],
  ['arena 数量 怎么配置', ['allocator-arenas']],
  ['netty 4.2 adaptive 分配器', ['allocator-adaptive-netty-4-2', 'cause-adaptive-allocator-4-2']],
  ['shaded netty 参数 不生效', ['cause-shaded-netty-ignores-flags']],
  ['LEAK 日志 怎么看 Created at', ['error-leak-report']],
  ['堆外内存 监控 指标', ['tool-allocator-metrics', 'tool-direct-memory-reporter']],
  [
    '2021-06-17 11:02:11,540 [grpc-default-worker-ELG-4-11] io.netty.util.internal.OutOfDirectMemoryError 容器报错',
    ['grpc-direct-memory-limit', 'framework-grpc', 'error-outofdirectmemoryerror'],
  ],
];
