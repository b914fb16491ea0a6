import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompanionReader, type Companions, emptyCompanions } from '../../../src/core/parse/companions.ts';
import { parseHeader } from '../../../src/core/parse/header.ts';
import { fixture, fixtureLine } from '../../fixture-files.ts';

/** Read lines as the scanner does: trimmed, with the timestamp of their own header. */
function read(lines: string[]): Companions {
  const reader = new CompanionReader();
  for (const line of lines) {
    const t = line.trim();
    if (t.includes('etty')) reader.readVersionsOnly(t);
    reader.read(t, parseHeader(t).timestamp);
  }
  return reader.found;
}

const MiB = 1024 * 1024;

describe('CompanionReader', () => {
  it('reads the jmap, NMT, strace, reporter and flag lines an engineer pasted next to a trace', () => {
    assert.deepEqual(read(fixture('pastes/companion-evidence.txt').split('\n')), {
      heapMaxBytes: 8589934592,
      heapUsedBytes: 1001361104,
      nmt: [
        { section: 'Java Heap', committedBytes: 5678 * MiB },
        { section: 'Thread', committedBytes: 461 * MiB },
        { section: 'Internal', committedBytes: 4778 * MiB },
      ],
      nmtTotalCommitted: 11529 * MiB,
      mmaps: new Map([[16781312, 5]]),
      munmaps: 0,
      anonRegion: null,
      samples: [
        { timestamp: '2024-02-01T09:00:00.012', usedBytes: 1073741824 },
        { timestamp: '2024-02-02T09:00:00.009', usedBytes: 1459617792 },
        { timestamp: '2024-02-03T09:00:00.015', usedBytes: 1845493760 },
        { timestamp: '2024-02-04T08:47:12.011', usedBytes: 2130706439 },
      ],
      flags: {
        maxDirectMemorySize: { bytes: 2147483648, text: '-XX:MaxDirectMemorySize=2g' },
        xmx: { bytes: 8589934592, text: '-Xmx8g' },
        nettyMaxDirectMemory: null,
      },
      versions: new Map([['4.1.47.Final', 20]]),
      requirement: null,
    });
  });

  it('reads the largest anonymous region of pmap -X, in bytes', () => {
    const seed = fixture('seeds/004-inbound-handler-leak.txt').split('\n');
    assert.deepEqual(read(seed).anonRegion, { address: '7f4674483000', bytes: 1575296 * 1024 });
    assert.deepEqual(read(seed).mmaps, new Map([[16781312, 98]]));
  });

  it('counts the munmaps strace shows', () => {
    const found = read([
      '25897 08:22:40.071076 mmap(NULL, 16781312, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f4674483000 <0.000524>',
      '25897 08:22:41.120337 munmap(0x7f4674483000, 16781312) = 0 <0.000041>',
    ]);
    assert.deepEqual([found.mmaps, found.munmaps], [new Map([[16781312, 1]]), 1]);
  });

  it('reads NMT sizes in KB when the summary gives no scale', () => {
    const found = read([
      'Total: reserved=15673344KB, committed=11805696KB',
      '-                  Internal (reserved=4892672KB, committed=4892672KB)',
    ]);
    assert.deepEqual(
      [found.nmtTotalCommitted, found.nmt],
      [11805696 * 1024, [{ section: 'Internal', committedBytes: 4892672 * 1024 }]],
    );
  });

  it('reads Netty’s own limit, relocated or not, and ignores zero and negative values', () => {
    const shaded = read(['JAVA_OPTS=-Xmx4g -Dio.grpc.netty.shaded.io.netty.maxDirectMemory=1073741824']);
    assert.deepEqual(shaded.flags, {
      maxDirectMemorySize: null,
      xmx: { bytes: 4 * 1024 * MiB, text: '-Xmx4g' },
      nettyMaxDirectMemory: {
        bytes: 1073741824,
        text: '-Dio.grpc.netty.shaded.io.netty.maxDirectMemory=1073741824',
      },
    });
    // seed 003's options: `-Dio.netty.maxDirectMemory=0` switches Netty's counter off, it is no limit
    const seed003 = read(fixture('seeds/003-copy-not-released.txt').split('\n'));
    assert.deepEqual(seed003.flags, {
      maxDirectMemorySize: null,
      xmx: { bytes: 32 * MiB, text: '-Xmx32M' },
      nettyMaxDirectMemory: null,
    });
    assert.equal(read(['-Dio.netty.maxDirectMemory=-1']).flags.nettyMaxDirectMemory, null);
  });

  it('keeps direct-memory readings only when their line has a timestamp', () => {
    assert.deepEqual(read(['netty_direct_memory:2032MB(2130706439B)']).samples, []);
    assert.deepEqual(
      read([
        '2024-06-03 07:00:00.001 [metrics-1] INFO  c.a.Metrics - usedDirectMemory=1069547527',
        '2024-06-03 08:00:00.001 [metrics-1] INFO  c.a.Metrics - netty_direct_memory:1021MB',
      ]).samples,
      [
        { timestamp: '2024-06-03T07:00:00.001', usedBytes: 1069547527 },
        { timestamp: '2024-06-03T08:00:00.001', usedBytes: 1021 * MiB },
      ],
    );
  });

  it('counts the Netty versions of jar names and Maven paths, and no other library’s', () => {
    const found = read([
      '\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:214) ~[netty-buffer-4.1.33.Final.jar!/:4.1.33.Final]',
      '\tat io.netty.channel.epoll.EpollEventLoop.run(EpollEventLoop.java:333) [netty-transport-native-epoll-4.1.33.Final-linux-x86_64.jar!/:4.1.33.Final]',
      '/root/.m2/repository/io/netty/netty-common/4.1.6.Final/netty-common-4.1.6.Final.jar',
      '\tat io.grpc.netty.shaded.io.grpc.netty.NettyServerHandler.onDataRead(NettyServerHandler.java:525) ~[grpc-netty-shaded-1.56.1.jar:1.56.1]',
      '\tat reactor.netty.channel.FluxReceive.drainReceiver(FluxReceive.java:279) ~[reactor-netty-core-1.0.16.jar:1.0.16]',
    ]);
    assert.deepEqual(
      found.versions,
      new Map([
        ['4.1.33.Final', 2],
        ['4.1.6.Final', 2],
      ]),
    );
  });

  it('reads a vendor’s rebuild, Netty 3’s jar and a version stated beside the trace', () => {
    const found = read([
      fixtureLine('corpus/p036.txt', 8),
      '/opt/app/lib/netty-3.10.6.Final.jar',
      fixtureLine('corpus/p053.txt', 1),
    ]);
    assert.deepEqual(
      found.versions,
      new Map([
        ['4.0.18.Final-redhat-1', 1],
        ['3.10.6.Final', 2],
      ]),
    );
  });

  it('finds nothing in a trace alone', () => {
    const trace = fixture('pastes/crlf.txt').replaceAll('netty-all-4.1.47.Final', 'netty-all');
    assert.deepEqual(read(trace.split('\n')), emptyCompanions());
  });
});

describe('a requirement the error states', () => {
  it("reads Flink's network buffer pool: what it needs against what it could allocate", () => {
    const c = new CompanionReader();
    // The event line of corpus p048 (a Flink pipeline in docker compose).
    const line = fixture('corpus/p048.txt')
      .split('\n')
      .find((l) => l.includes('required (Mb)'));
    assert.ok(line);
    c.readRequirement(line);
    assert.deepEqual(c.found.requirement, { requiredBytes: 5120 * 1048576, allocatedBytes: 1965 * 1048576 });
  });
});
