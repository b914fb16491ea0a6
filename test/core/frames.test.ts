import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nettyRootOfFrames, relocationOf, transportOf } from '../../src/core/frames.ts';
import { parseFrame } from '../../src/core/parse/frame.ts';
import { fixtureLines } from '../fixture-files.ts';

/** The frames of lines `first..last` of a fixture, as the scanner keeps them. */
function frames(path: string, first: number, last: number): string[] {
  return fixtureLines(path, first, last)
    .map((l) => parseFrame(l))
    .filter((f): f is string => f !== null);
}

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
});
