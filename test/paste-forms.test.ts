import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expectGolden } from './golden.ts';
import { analyzeFixture, FIXTURES } from './helpers.ts';
import { schemaErrors } from './schema-validator.ts';

interface Expect {
  kind: string;
  requested: number | null;
  used: number | null;
  max: number | null;
  thread: string | null;
  netty: string | null;
  transport: string | null;
  /** 1-based line of each event, in order. */
  lines: number[];
  framework: string;
  shaded?: string;
  top?: string;
  /** Nothing in the paste decides: the verdict asks instead of asserting a cause. */
  undecided?: boolean;
}

// The facts each paste carries, as test/fixtures/pastes/README.md states them.
const POSITIVE: Record<string, Expect> = {
  'slack-escaped.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 8220835847,
    max: 8232370176,
    thread: 'reactor-http-epoll-8',
    netty: '4.1.33.Final',
    transport: 'epoll',
    lines: [2],
    framework: 'spring-cloud-gateway',
  },
  'slack-quoted.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 520093983,
    max: 536870912,
    thread: 'grpc-default-worker-ELG-4-11',
    netty: null,
    transport: 'nio',
    lines: [1],
    framework: 'grpc',
    top: 'undersized-limit',
  },
  'syslog-single-line.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 520093983,
    max: 536870912,
    thread: 'grpc-default-worker-ELG-4-11',
    netty: null,
    transport: 'nio',
    lines: [3],
    framework: 'grpc',
    top: 'undersized-limit',
  },
  'json-logstash.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 4110417927,
    max: 4116185088,
    thread: 'reactor-http-epoll-3',
    netty: null,
    transport: 'epoll',
    lines: [4],
    framework: 'reactor-netty',
  },
  'docker-json.txt': {
    kind: 'oodm',
    requested: 4194304,
    used: 1606418439,
    max: 1610612736,
    thread: 'or-http-epoll-2',
    netty: '4.1.97.Final',
    transport: 'epoll',
    lines: [2],
    framework: 'reactor-netty',
  },
  'k8s-cri.txt': {
    kind: 'oodm',
    requested: 4194304,
    used: 2143289351,
    max: 2147483648,
    thread: 'reactor-http-epoll-4',
    netty: '4.1.86.Final',
    transport: 'epoll',
    lines: [3],
    framework: 'reactor-netty',
  },
  'kubectl-prefix.txt': {
    kind: 'oodm',
    requested: 4194304,
    used: 3217031175,
    max: 3221225472,
    thread: 'reactor-http-epoll-1',
    netty: '4.1.77.Final',
    transport: 'epoll',
    lines: [3],
    framework: 'reactor-netty',
  },
  'compose-prefix.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 1325400351,
    max: 1342177280,
    thread: 'nioEventLoopGroup-5-3',
    netty: '4.1.63.Final',
    transport: 'nio',
    lines: [4],
    framework: 'netty',
  },
  'crlf.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 2130706439,
    max: 2147483648,
    thread: null,
    netty: '4.1.47.Final',
    transport: 'nio',
    lines: [1],
    framework: 'netty',
  },
  'wrapped.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 8220835847,
    max: 8232370176,
    thread: 'reactor-http-epoll-8',
    netty: '4.1.33.Final',
    transport: 'epoll',
    lines: [1],
    framework: 'reactor-netty',
  },
  'chinese-question.txt': {
    kind: 'oodm',
    requested: 4194304,
    used: 1904739335,
    max: 1908932608,
    thread: 'ctor-http-nio-4',
    netty: '4.1.92.Final',
    transport: 'nio',
    lines: [4],
    framework: 'spring-cloud-gateway',
  },
  'multi-trace.log': {
    // The headline is the last of the three OOMs, the one that ended the service.
    kind: 'oodm',
    requested: 4194304,
    used: 1071644679,
    max: 1073741824,
    thread: 'nioEventLoopGroup-3-1',
    netty: '4.1.94.Final',
    transport: 'nio',
    lines: [13, 44, 64, 83],
    // No catalogued product: the application's decoder that asked Netty for the buffer, by its package.
    framework: 'com-acme-orders',
    top: 'leak-unreleased-bytebuf',
  },
  'jdk8-direct-buffer.txt': {
    kind: 'direct_buffer_oom',
    requested: null,
    used: null,
    max: null,
    thread: 'AsyncHttpClient-3-4',
    netty: '4.1.60.Final',
    transport: 'nio',
    lines: [1],
    framework: 'netty',
    // Nothing in the paste decides between a leak, a full budget and the rest: the reply asks.
    undecided: true,
  },
  'jdk17-cannot-reserve.txt': {
    kind: 'cannot_reserve',
    requested: 16777216,
    used: 1065353216,
    max: 1073741824,
    thread: 'epollEventLoopGroup-2-3',
    netty: '4.1.70.Final',
    transport: 'epoll',
    lines: [1],
    framework: 'netty',
    // Nothing in the paste decides between a leak, a full budget and the rest: the reply asks.
    undecided: true,
  },
  'leak-advanced.txt': {
    kind: 'leak_report',
    requested: null,
    used: null,
    max: null,
    thread: 'reactor-http-epoll-2',
    netty: null,
    transport: 'epoll',
    lines: [1],
    framework: 'reactor-netty',
    top: 'leak-unreleased-bytebuf',
  },
  'scg-caused-by.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 788529159,
    max: 805306368,
    thread: 'or-http-epoll-3',
    netty: '4.1.51.Final',
    transport: 'epoll',
    lines: [2],
    framework: 'spring-cloud-gateway',
  },
  'grpc-shaded-huge.txt': {
    kind: 'oodm',
    requested: 33554432,
    used: 1046478848,
    max: 1073741824,
    thread: 'grpc-default-worker-ELG-1-3',
    netty: null,
    transport: 'epoll',
    lines: [3],
    framework: 'grpc',
    shaded: 'io.grpc.netty.shaded.',
    top: 'large-message',
  },
  'outbound-write.txt': {
    kind: 'oodm',
    requested: 4194304,
    used: 6438257671,
    max: 6442450944,
    thread: 'epollEventLoopGroup-3-7',
    netty: '4.1.100.Final',
    transport: 'epoll',
    lines: [2],
    framework: 'netty',
    // Nothing in the paste decides between a leak, a full budget and the rest: the reply asks.
    undecided: true,
  },
  'netty42-adaptive.txt': {
    kind: 'oodm',
    requested: 1048576,
    used: 535953408,
    max: 536870912,
    thread: 'multiThreadIoEventLoopGroup-3-2',
    netty: '4.2.1.Final',
    transport: 'epoll',
    lines: [2],
    framework: 'netty',
    // Nothing in the paste decides between a leak, a full budget and the rest: the reply asks.
    undecided: true,
  },
  'relocated-flink.txt': {
    kind: 'oodm',
    requested: 4194304,
    used: 265289728,
    max: 268435456,
    thread: 'Flink Netty Server (0) Thread 0',
    netty: null,
    transport: 'nio',
    lines: [2],
    framework: 'flink',
    shaded: 'org.apache.flink.shaded.netty4.',
  },
  'truncated.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: null,
    max: null,
    thread: 'epollEventLoopGroup-5-2',
    netty: null,
    transport: 'epoll',
    lines: [1],
    framework: 'netty',
  },
  'absurd-numbers.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 9663676416,
    max: 8589934592,
    thread: null,
    netty: null,
    transport: null,
    lines: [1, 2, 3],
    framework: 'netty',
    // Nothing in the paste decides between a leak, a full budget and the rest: the reply asks.
    undecided: true,
  },
  'companion-evidence.txt': {
    kind: 'oodm',
    requested: 16777216,
    used: 2130706439,
    max: 2147483648,
    thread: 'WorkerPetalGroup-9-5',
    netty: '4.1.47.Final',
    transport: 'nio',
    lines: [6],
    framework: 'netty',
    top: 'leak-unreleased-bytebuf',
  },
};

const NEGATIVE = [
  'neg-heap-space.txt',
  'neg-metaspace.txt',
  'neg-npe.txt',
  'neg-prose-en.txt',
  'neg-prose-zh.txt',
  'neg-gc-overhead.txt',
];
const GOLDEN = join(FIXTURES, 'golden', 'pastes');

describe('every paste form', () => {
  it('has an expectation for every fixture file', () => {
    const files = readdirSync(join(FIXTURES, 'pastes')).filter((f) => f !== 'README.md');
    assert.deepEqual(files.sort(), [...Object.keys(POSITIVE), ...NEGATIVE].sort());
  });

  for (const [file, e] of Object.entries(POSITIVE)) {
    it(`reads ${file}: the numbers, thread, version and lines it shows`, () => {
      const r = analyzeFixture(`pastes/${file}`);
      assert.deepEqual(schemaErrors(r), []);
      const s = r.summary;
      assert.equal(r.detected, true);
      assert.deepEqual(
        {
          kind: s.kind,
          requested: s.requestedBytes,
          used: s.usedBytes,
          max: s.maxBytes,
          thread: s.threads[0] ?? null,
          netty: s.nettyVersion,
          transport: s.transport,
          lines: r.events.map((ev) => ev.line),
          framework: s.frameworks[0]?.id,
        },
        {
          kind: e.kind,
          requested: e.requested,
          used: e.used,
          max: e.max,
          thread: e.thread,
          netty: e.netty,
          transport: e.transport,
          lines: e.lines,
          framework: e.framework,
        },
      );
      if (e.shaded) assert.equal(s.shadedPrefix, e.shaded);
      if (e.top) assert.equal(r.findings[0]?.scenario, e.top);
      if (e.undecided) assert.equal(r.verdict?.decided, false);
    });

    it(`reports ${file} exactly as its golden file`, () => {
      expectGolden(join(GOLDEN, file.replace(/\.\w+$/, '.json')), analyzeFixture(`pastes/${file}`));
    });
  }

  for (const file of NEGATIVE) {
    it(`does not detect anything in ${file}`, () => {
      const r = analyzeFixture(`pastes/${file}`);
      assert.equal(r.detected, false);
      assert.deepEqual(r.events, []);
      assert.deepEqual(r.findings, []);
      assert.deepEqual(schemaErrors(r), []);
    });
  }

  it('names the other Java errors it saw in the negatives', () => {
    assert.deepEqual(analyzeFixture('pastes/neg-heap-space.txt').otherErrors, [
      'java.lang.OutOfMemoryError: Java heap space',
    ]);
    assert.deepEqual(analyzeFixture('pastes/neg-metaspace.txt').otherErrors, [
      'java.lang.OutOfMemoryError: Metaspace',
    ]);
  });

  it('keeps multi-trace timestamps as growth samples', () => {
    const r = analyzeFixture('pastes/multi-trace.log');
    assert.deepEqual(r.summary.samples, [
      { timestamp: '2024-06-03T07:12:03.251', usedBytes: 1069547527 },
      { timestamp: '2024-06-03T10:12:44.730', usedBytes: 1070596103 },
      { timestamp: '2024-06-03T13:13:09.388', usedBytes: 1071644679 },
    ]);
    assert.equal(
      r.summary.leakSites[0]?.frame,
      'com.acme.orders.codec.OrderFrameDecoder.decode(OrderFrameDecoder.java:57)',
    );
  });

  it('reads jmap, NMT, strace and reporter readings pasted next to a trace', () => {
    const r = analyzeFixture('pastes/companion-evidence.txt');
    assert.deepEqual(r.summary.heap, { usedBytes: 1001361104, maxBytes: 8589934592 });
    assert.equal(r.summary.limitOrigin.guess, 'explicit-max-direct-memory-size');
    assert.equal(r.summary.limitOrigin.evidence, '-XX:MaxDirectMemorySize=2g in the paste');
    for (const s of ['heap-fine', 'nmt-internal-large', 'chunk-maps', 'samples-growing'])
      assert.ok(r.signals[s], s);
    assert.equal(r.signals['samples-growing']?.span, '3 days');
  });
});
