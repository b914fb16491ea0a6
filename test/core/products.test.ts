import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../src/core/analyze.ts';
import { idOfPackage, packageName } from '../../src/core/package-name.ts';
import { ProductDetector } from '../../src/core/products.ts';
import type { FrameworkHit } from '../../src/core/types.ts';
import { analyzeFixture, fixture, kb } from '../helpers.ts';

/** The products of a corpus paste (test/fixtures/corpus/<id>.txt; its .json names the public source). */
function productsOf(id: string): FrameworkHit[] {
  return analyzeFixture(`corpus/${id}.txt`).summary.frameworks;
}

const ids = (hits: FrameworkHit[]) => hits.map((h) => h.id);

describe('the product above Netty, from the frames', () => {
  it('names Dianping CAT from the codec frame that asked Netty for the buffer', () => {
    const [top] = productsOf('p003');
    assert.deepEqual(top, {
      id: 'cat',
      name: 'Dianping CAT (application monitoring)',
      evidence: 'frame com.dianping.cat.message.spi.codec.NativeMessageCodec.encode',
    });
  });

  it('lists a product before the one it runs on: Spring Cloud Gateway, Reactor Netty, Netty', () => {
    assert.deepEqual(ids(productsOf('p012')), ['spring-cloud-gateway', 'reactor-netty', 'netty']);
  });

  it('names both BookKeeper and Pulsar for a bookie, as Pulsar runs its own bookies', () => {
    assert.deepEqual(ids(productsOf('p028')), ['bookkeeper', 'pulsar', 'netty']);
  });
});

describe('the product above Netty, from log lines', () => {
  it('reads Seata from the logger of its exceptionCaught lines', () => {
    const [top] = productsOf('p082');
    assert.equal(top?.id, 'seata');
    assert.match(top?.evidence ?? '', /^logger io\.seata\.core\.rpc\.netty\./);
  });

  it('reads a logback-abbreviated logger against the packages (c.g.l.simplerpc → simple-rpc)', () => {
    const [top] = productsOf('p080');
    assert.equal(top?.id, 'simple-rpc');
    assert.equal(top?.evidence, 'logger c.g.l.simplerpc.core.RpcServerHandler');
  });

  it('reads a bare logger class name of the product (Spark TransportChannelHandler)', () => {
    assert.equal(productsOf('p044')[0]?.id, 'spark');
  });

  it('reads Reactor Netty from its exception class in a Caused by line', () => {
    assert.equal(productsOf('p026')[0]?.id, 'reactor-netty');
  });
});

describe('the product above Netty, from thread names', () => {
  it('knows a gRPC event loop by its thread name', () => {
    const hit = analyzeFixture('seeds/001-grpc-explicit-512m.txt').summary.frameworks[0];
    assert.deepEqual(hit, {
      id: 'grpc',
      name: 'gRPC (grpc-java)',
      evidence: '线程 grpc-default-worker-ELG-4-11',
    });
  });

  it('knows a Reactor Netty 0.7 loop by its name as Spring Boot cuts it to 15 characters', () => {
    assert.deepEqual(productsOf('p025')[0], {
      id: 'reactor-netty',
      name: 'Reactor Netty',
      evidence: 'thread server-epoll-11',
    });
  });
});

describe('the product above Netty, from the relocation of Netty', () => {
  it('names the Couchbase SDK from Netty relocated under com.couchbase.client.deps.', () => {
    const r = analyzeFixture('corpus/p045.txt');
    assert.equal(r.summary.frameworks[0]?.evidence, 'Netty relocated under com.couchbase.client.deps.');
    assert.equal(r.summary.shadedPrefix, 'com.couchbase.client.deps.');
  });

  it('takes the shaded prefix from the frames when the error is the JDK one (Uniffle on gRPC)', () => {
    const r = analyzeFixture('corpus/p042.txt');
    assert.deepEqual(ids(r.summary.frameworks), ['uniffle', 'grpc']);
    assert.equal(r.summary.shadedPrefix, 'io.grpc.netty.shaded.');
    assert.equal(r.summary.nettyPropertyPrefix, 'io.grpc.netty.shaded.io.netty.');
  });
});

describe('the product above Netty, from the prose', () => {
  it('names the product a paste without frames speaks of (a bookie after a Pulsar upgrade)', () => {
    assert.deepEqual(productsOf('p029'), [
      { id: 'bookkeeper', name: 'Apache BookKeeper', evidence: 'the word "bookie"' },
      { id: 'pulsar', name: 'Apache Pulsar', evidence: 'the word "bookie"' },
      { id: 'netty', name: 'Netty', evidence: 'io.netty.util.internal.OutOfDirectMemoryError' },
    ]);
  });

  it('takes 网关 (gateway) for Spring Cloud Gateway only beside Reactor Netty', () => {
    assert.deepEqual(productsOf('p069')[0], {
      id: 'spring-cloud-gateway',
      name: 'Spring Cloud Gateway',
      evidence: '文中出现“网关”，且有 Reactor Netty 的痕迹',
    });
    const text = fixture('corpus/p003.txt').replace('Error when sending', '网关 Error when sending');
    assert.ok(!ids(analyze(text, kb.analyzer).summary.frameworks).includes('spring-cloud-gateway'));
  });

  it('does not take a product named in passing over the one the frames show', () => {
    const text = `We also run dubbo on these hosts.\n${fixture('corpus/p082.txt')}`;
    assert.deepEqual(ids(analyze(text, kb.analyzer).summary.frameworks), ['seata', 'netty']);
  });

  it('keeps an application named in prose over the platform the frames show (Alluxio on Ratis)', () => {
    assert.deepEqual(ids(productsOf('p097')), ['alluxio', 'ratis', 'netty']);
  });
});

describe('the product above Netty, named from its package when the catalogue lacks it', () => {
  it('names the first frame below Netty by its package, marked as such', () => {
    const hits = analyzeFixture('seeds/003-copy-not-released.txt').summary.frameworks;
    assert.deepEqual(hits[0], {
      id: 'com-hx-test12',
      name: 'com.hx.test12',
      evidence: '栈帧 com.hx.test12.Test26NativeMemoryGc.main',
      fromPackage: true,
    });
    assert.deepEqual(ids(hits), ['com-hx-test12', 'netty']);
  });

  it('does not name a package when a catalogued product called Netty', () => {
    assert.ok(productsOf('p003').every((h) => !h.fromPackage));
  });

  it('reads a package as people say it', () => {
    assert.equal(
      packageName('com.acme.gateway.RouteHandler.channelRead(RouteHandler.java:42)'),
      'com.acme.gateway',
    );
    assert.equal(packageName('herddb.log.LogEntry.serializeAsByteBuf(LogEntry.java:90)'), 'herddb');
    assert.equal(packageName('Main.main(Main.java:1)'), null);
    assert.equal(idOfPackage('com.acme.gateway'), 'com-acme-gateway');
  });
});

describe('the service a log platform named before every line', () => {
  it("names Linkerd from journald's identifier, beside the Finagle thread (corpus p032)", () => {
    const [top] = productsOf('p032');
    assert.deepEqual(top, { id: 'linkerd', name: 'Linkerd 1.x', evidence: 'the word "linkerd"' });
  });

  it('reads the service name only, not a pid or instance in brackets as a thread', () => {
    const d = new ProductDetector(kb.analyzer.frameworks);
    d.observeSource('2016-08-03T09:02:49.465871+00:00 app[THREAD42]: ');
    assert.deepEqual(d.result(), []);
  });
});

describe('thread names in layouts the header reader does not know', () => {
  const seen = (line: string) => {
    const d = new ProductDetector(kb.analyzer.frameworks);
    d.observeText(line.toLowerCase(), line);
    return d.result();
  };

  it('reads a bracketed thread name with its case (Seata, corpus p085)', () => {
    assert.deepEqual(seen('2019-09-09 18:02:18.131 INFO [NettyServerNIOWorker_8_8]'), [
      {
        id: 'seata',
        name: 'Apache Seata',
        evidence: { key: 'framework.thread', values: { thread: 'NettyServerNIOWorker_8_8' } },
      },
    ]);
  });

  it('reads the thread of a JSON log record (logstash encoder, corpus p089)', () => {
    const line = fixture('corpus/p089.txt').split('\n')[1] ?? '';
    const hits = seen(line.replace(/"stack_trace".*$/, '}'));
    assert.deepEqual(
      hits.find((h) => h.id === 'reactor-netty'),
      {
        id: 'reactor-netty',
        name: 'Reactor Netty',
        evidence: { key: 'framework.thread', values: { thread: 'reactor-http-epoll-1' } },
      },
    );
  });
});

describe("product evidence in the report's language", () => {
  it('words the same evidence in English or Chinese as the report asks', () => {
    const text = fixture('seeds/001-grpc-explicit-512m.txt');
    const [en] = analyze(text, kb.analyzer, { language: 'en' }).summary.frameworks;
    const [zh] = analyze(text, kb.analyzer, { language: 'zh' }).summary.frameworks;
    assert.equal(en?.evidence, 'thread grpc-default-worker-ELG-4-11');
    assert.equal(zh?.evidence, '线程 grpc-default-worker-ELG-4-11');
  });

  it('words a word beside its parent, a package-named caller and a logger in both languages', () => {
    const top = (path: string, lang: 'en' | 'zh') =>
      analyzeFixture(path, lang).summary.frameworks[0]?.evidence;
    assert.equal(top('corpus/p069.txt', 'en'), 'the word "网关" beside Reactor Netty');
    assert.equal(
      top('seeds/003-copy-not-released.txt', 'en'),
      'frame com.hx.test12.Test26NativeMemoryGc.main',
    );
    assert.equal(top('corpus/p080.txt', 'zh'), '日志记录器 c.g.l.simplerpc.core.RpcServerHandler');
  });
});

describe('the product detector on its own', () => {
  it('lists nothing for text that shows no product', () => {
    const d = new ProductDetector(kb.analyzer.frameworks);
    d.observeText('the service restarted at noon');
    assert.deepEqual(d.result(), []);
  });
});
