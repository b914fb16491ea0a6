import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allocationPathOf,
  frameWith,
  ioDirectionOf,
  isJdkFrame,
  isOutsideNetty,
  leakSiteOf,
  nettyRootOfFrames,
  relocationOf,
  transportOf,
  userCopySite,
} from '../../src/core/frames.ts';
import { parseFrame } from '../../src/core/parse/frame.ts';
import type { AnalyzerKnowledge } from '../../src/core/types.ts';
import { loadAnalyzerKnowledge } from '../../src/knowledge/analyzer-knowledge.ts';
import { fixtureLines, goldenReport, ROOT } from '../fixture-files.ts';

/** The frames of event `n` of an analyzed fixture, as its golden report keeps them. */
function framesOf(golden: string, n = 0): string[] {
  const event = goldenReport(golden).events[n];
  if (!event) throw new Error(`${golden} has no event ${n}`);
  return event.frames;
}

/** The frames of lines `first..last` of a fixture, as the scanner keeps them. */
function frames(path: string, first: number, last: number): string[] {
  return fixtureLines(path, first, last)
    .map((l) => parseFrame(l))
    .filter((f): f is string => f !== null);
}

/** Bare frames of a LEAK record, as pasted (tab-indented). */
const bare = (path: string, first: number, last: number) =>
  fixtureLines(path, first, last).map((l) => l.trim());

const analyzer = loadAnalyzerKnowledge(ROOT, []) as AnalyzerKnowledge;
const FRAMEWORK_PACKAGES = analyzer.frameworks.flatMap((f) => f.packages ?? []);

describe('isJdkFrame and isOutsideNetty', () => {
  it('tells the JDK, Netty (shaded too) and Reactor apart from application code', () => {
    const frames = [
      'java.nio.Bits.reserveMemory(Bits.java:694)',
      'io.netty.buffer.PoolArena.allocate(PoolArena.java:214)',
      'io.grpc.netty.shaded.io.netty.buffer.PoolArena.allocateHuge(PoolArena.java:237)',
      'reactor.core.publisher.FluxMap$MapSubscriber.onNext(FluxMap.java:106)',
      'com.hx.test12.Test26NativeMemoryGc.main(Test26NativeMemoryGc.java:26)',
      'org.springframework.core.io.buffer.NettyDataBufferFactory.allocateBuffer(NettyDataBufferFactory.java:71)',
    ];
    assert.deepEqual(frames.map(isJdkFrame), [true, false, false, false, false, false]);
    assert.deepEqual(frames.map(isOutsideNetty), [false, false, false, false, true, true]);
  });
});

describe('allocationPathOf', () => {
  it('finds a pooled chunk in a reactor-netty OutOfDirectMemoryError (seed 000)', () => {
    assert.deepEqual(allocationPathOf(framesOf('000-reactor-netty-load-test')), {
      path: 'pooled-chunk',
      frame: 'io.netty.buffer.PoolArena$DirectArena.newChunk',
    });
  });

  it('finds a huge allocation in shaded gRPC, naming the frame without its relocation', () => {
    assert.deepEqual(allocationPathOf(framesOf('pastes/grpc-shaded-huge')), {
      path: 'pooled-huge',
      frame: 'io.netty.buffer.PoolArena.allocateHuge',
    });
  });

  it("calls Netty 4.2's adaptive allocator pooled, though not by chunk", () => {
    assert.deepEqual(allocationPathOf(framesOf('pastes/netty42-adaptive')), {
      path: 'pooled-other',
      frame: 'io.netty.buffer.AdaptivePoolingAllocator$Magazine.newChunkAllocation',
    });
  });

  it('tells an unpooled buffer without a cleaner from one the JDK counts', () => {
    // seed 003's last trace: -Dio.netty.allocator.type=unpooled
    assert.deepEqual(allocationPathOf(framesOf('003-copy-not-released', 4)), {
      path: 'unpooled-nocleaner',
      frame: 'io.netty.buffer.UnpooledUnsafeNoCleanerDirectByteBuf.allocateDirect',
    });
    assert.deepEqual(allocationPathOf(framesOf('pastes/jdk8-direct-buffer')), {
      path: 'unpooled-cleaner',
      frame: 'io.netty.buffer.UnpooledDirectByteBuf.allocateDirect',
    });
  });

  it('calls java.nio.Bits the path when no Netty buffer is on the stack, and knows nothing of no frames', () => {
    const jdkOnly = framesOf('pastes/jdk8-direct-buffer').slice(0, 3);
    assert.deepEqual(allocationPathOf(jdkOnly), { path: 'nio-bits', frame: 'java.nio.Bits.reserveMemory' });
    assert.deepEqual(allocationPathOf([]), { path: 'unknown', frame: null });
  });
});

describe('ioDirectionOf', () => {
  it('finds a socket read under the allocation', () => {
    assert.deepEqual(ioDirectionOf(framesOf('000-reactor-netty-load-test')), {
      direction: 'inbound-read',
      frame: 'io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator$MaxMessageHandle.allocate',
    });
  });

  it("finds gRPC's cumulator reading into a shaded buffer", () => {
    assert.deepEqual(ioDirectionOf(framesOf('pastes/grpc-shaded-huge')), {
      direction: 'inbound-read',
      frame: 'io.grpc.netty.shaded.io.grpc.netty.NettyAdaptiveCumulator.mergeWithCompositeTail',
    });
  });

  it('finds an encoder writing out', () => {
    assert.deepEqual(ioDirectionOf(framesOf('pastes/outbound-write')), {
      direction: 'outbound-write',
      frame: 'io.netty.handler.codec.MessageToByteEncoder.allocateBuffer',
    });
  });

  it('names the first application frame when the user code asked for the buffer', () => {
    assert.deepEqual(ioDirectionOf(framesOf('003-copy-not-released')), {
      direction: 'user-code',
      frame: 'com.hx.test12.Test26NativeMemoryGc.main',
    });
  });

  it("passes over a known framework's frames to the write below them", () => {
    const flink = framesOf('pastes/relocated-flink');
    assert.deepEqual(ioDirectionOf(flink), {
      direction: 'user-code',
      frame: 'org.apache.flink.runtime.io.network.netty.NettyMessage.allocateBuffer',
    });
    assert.deepEqual(ioDirectionOf(flink, FRAMEWORK_PACKAGES), {
      direction: 'outbound-write',
      frame: 'io.netty.channel.AbstractChannelHandlerContext.invokeWrite0',
    });
  });

  it("falls back to the framework's frame when nothing else tells, and to unknown when nothing does", () => {
    // the Flink trace cut after Flink's encoder: Netty's allocator, then only Flink's own frames
    const cut = framesOf('pastes/relocated-flink').slice(0, 14);
    assert.deepEqual(ioDirectionOf(cut, FRAMEWORK_PACKAGES), {
      direction: 'user-code',
      frame: 'org.apache.flink.runtime.io.network.netty.NettyMessage.allocateBuffer',
    });
    // seed 003's second trace ends inside Netty's copy(): the paste cut the caller off
    assert.deepEqual(ioDirectionOf(framesOf('003-copy-not-released', 1)), {
      direction: 'unknown',
      frame: null,
    });
  });
});

describe('nettyRootOfFrames', () => {
  it('finds a relocated Netty 4 in frames when the exception is the JDK’s', () => {
    assert.equal(nettyRootOfFrames(frames('corpus/p042.txt', 8, 14)), 'io.grpc.netty.shaded.io.netty.');
    assert.equal(nettyRootOfFrames(frames('corpus/p045.txt', 3, 10)), 'com.couchbase.client.deps.io.netty.');
  });

  it('finds a relocated Netty 3 by the classes only Netty 3 has', () => {
    assert.equal(nettyRootOfFrames(frames('corpus/p053.txt', 8, 18)), 'org.elasticsearch.common.netty.');
  });

  it('finds nothing in plain Netty, unshaded gRPC or reactor-netty frames', () => {
    assert.equal(
      nettyRootOfFrames([
        'io.netty.buffer.PoolArena.allocate(PoolArena.java:214)',
        'io.grpc.netty.NettyServerHandler.onDataRead(NettyServerHandler.java:480)',
        'reactor.netty.channel.FluxReceive.onInboundNext(FluxReceive.java:364)',
        'org.jboss.netty.channel.socket.nio.NioWorker.read(NioWorker.java:64)',
      ]),
      null,
    );
  });
});

describe('relocationOf', () => {
  it('names what a relocation put before Netty’s root', () => {
    assert.equal(relocationOf('io.grpc.netty.shaded.io.netty.'), 'io.grpc.netty.shaded.');
    assert.equal(relocationOf('org.elasticsearch.common.netty.'), 'org.elasticsearch.common.');
    assert.equal(relocationOf('io.netty.'), null);
    assert.equal(relocationOf('org.jboss.netty.'), null);
  });
});

describe('transportOf', () => {
  it('reads the transport from the frames first', () => {
    assert.equal(transportOf(frames('corpus/p094.txt', 4, 8), ['nioEventLoopGroup-2-1']), 'epoll');
  });

  it('reads it from Netty’s and reactor-netty’s event-loop thread names', () => {
    assert.equal(transportOf([], ['reactor-http-epoll-4']), 'epoll');
    assert.equal(transportOf([], ['ctor-http-nio-1']), 'nio');
    assert.equal(transportOf([], ['default-nioEventLoopGroup-5-3']), 'nio');
    assert.equal(transportOf([], ['kQueueEventLoopGroup-2-1']), 'kqueue');
    assert.equal(transportOf([], ['iOUringEventLoopGroup-3-1']), 'io_uring');
  });

  it('reads no transport from a name that does not show one, or from Tomcat’s connector threads', () => {
    assert.equal(transportOf([], ['pollEventLoopGroup-3-3', 'grpc-default-worker-ELG-1-3']), null);
    assert.equal(transportOf([], ['http-nio-9000-exec-9']), null);
  });

  it('reads the transport from the event loop frames, shaded or not', () => {
    assert.equal(transportOf(framesOf('000-reactor-netty-load-test'), []), 'epoll');
    assert.equal(transportOf(framesOf('pastes/grpc-shaded-huge'), []), 'epoll');
    assert.equal(transportOf(framesOf('001-grpc-explicit-512m'), []), 'nio');
    assert.equal(transportOf(framesOf('pastes/relocated-flink'), []), 'nio');
  });

  it('reads it from thread names when no frame says', () => {
    const threads = [
      ['reactor-http-epoll-8', 'epoll'],
      ['epollEventLoopGroup-3-7', 'epoll'],
      ['r-http-kqueue-6', 'kqueue'],
      ['armeria-common-worker-kqueue-2-7', 'kqueue'],
      ['reactor-http-nio-3', 'nio'],
      ['nioEventLoopGroup-2-1', 'nio'],
      ['main', null],
    ] as const;
    for (const [thread, transport] of threads) assert.equal(transportOf([], [thread]), transport, thread);
  });

  it('believes a frame over a thread name', () => {
    assert.equal(transportOf(framesOf('001-grpc-explicit-512m'), ['reactor-http-epoll-8']), 'nio');
  });
});

describe('userCopySite', () => {
  it('names the copy() call and the user frame that made it (seed 003)', () => {
    assert.deepEqual(userCopySite(framesOf('003-copy-not-released')), {
      call: 'ByteBuf.copy()',
      frame: 'com.hx.test12.Test26NativeMemoryGc.main(Test26NativeMemoryGc.java:26)',
    });
  });

  it('finds none when no user frame called it, or no buffer was copied', () => {
    assert.equal(userCopySite(framesOf('003-copy-not-released', 1)), null);
    assert.equal(userCopySite(framesOf('000-reactor-netty-load-test')), null);
  });
});

describe('leakSiteOf', () => {
  it('takes the first application frame of each Created at: record, skipping access records', () => {
    const leak = 'pastes/leak-advanced.txt';
    const records = [
      { created: false, frames: bare(leak, 4, 39) },
      { created: true, frames: bare(leak, 115, 120) },
    ];
    assert.deepEqual(leakSiteOf(records), [
      'com.example.gateway.filter.RequestBodyLoggingFilter.lambda$filter$2(RequestBodyLoggingFilter.java:64)',
    ]);
  });

  it("settles for a framework's frame when only Netty, the JDK and Reactor created the buffer", () => {
    const frames = [
      'io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:403)',
      'reactor.core.publisher.FluxMap$MapSubscriber.onNext(FluxMap.java:106)',
      'java.base/java.lang.Thread.run(Thread.java:833)',
    ];
    assert.deepEqual(leakSiteOf([{ created: true, frames }]), [
      'reactor.core.publisher.FluxMap$MapSubscriber.onNext(FluxMap.java:106)',
    ]);
    assert.deepEqual(leakSiteOf([{ created: true, frames: frames.slice(0, 1) }]), []);
  });
});

describe('frameWith', () => {
  it('names the first frame holding any needle, unshaded', () => {
    assert.equal(
      frameWith(framesOf('pastes/grpc-shaded-huge'), ['PooledByteBufAllocator', 'PoolArena']),
      'io.netty.buffer.PoolArena$DirectArena.allocateDirect',
    );
    assert.equal(frameWith(framesOf('000-reactor-netty-load-test'), ['java.nio.Bits.reserveMemory']), null);
  });
});
