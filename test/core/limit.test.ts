import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { limitOriginOf } from '../../src/core/limit.ts';
import { CompanionReader, type Companions, emptyCompanions } from '../../src/core/parse/companions.ts';
import { fixtureLine } from '../fixture-files.ts';

/** What the companion reader finds in these lines of a paste. */
function companionsOf(...lines: string[]): Companions {
  const reader = new CompanionReader();
  for (const line of lines) reader.read(line, null);
  return reader.found;
}

const NONE = emptyCompanions();
// `JVM flags: -Xms8g -Xmx8g -XX:MaxDirectMemorySize=2g -XX:+UseG1GC -XX:NativeMemoryTracking=summary`
const FLAGS_2G = fixtureLine('pastes/companion-evidence.txt', 3);
// `   MaxHeapSize              = 8589934592 (8192.0MB)` (jmap -heap)
const JMAP_8G = fixtureLine('pastes/companion-evidence.txt', 35);
// `-Xmx2g` in a sentence of the question around the trace
const XMX_2G = fixtureLine('pastes/chinese-question.txt', 2);
// `// -Xint -Xmx32M -XX:+UseSerialGC -Dio.netty.maxDirectMemory=0`
const XMX_32M_NETTY_0 = fixtureLine('seeds/003-copy-not-released.txt', 262);

describe('limitOriginOf', () => {
  it('says the trace shows no max when there is none', () => {
    assert.deepEqual(limitOriginOf(null, NONE, 'en'), {
      guess: 'unknown',
      evidence: 'the trace shows no max',
    });
    assert.deepEqual(limitOriginOf(null, companionsOf(FLAGS_2G), 'zh'), {
      guess: 'unknown',
      evidence: '堆栈中没有 max 数值',
    });
  });

  it('credits io.netty.maxDirectMemory when the max is its value', () => {
    const flags = `${FLAGS_2G.replace(' -XX:MaxDirectMemorySize=2g', '')} -Dio.netty.maxDirectMemory=1073741824`;
    assert.deepEqual(limitOriginOf(1073741824, companionsOf(flags), 'en'), {
      guess: 'io-netty-max-direct-memory',
      evidence: '-Dio.netty.maxDirectMemory=1073741824 in the paste',
    });
  });

  it('credits a relocated io.netty.maxDirectMemory, and prefers it to MaxDirectMemorySize of the same size', () => {
    const flags = `-XX:MaxDirectMemorySize=1g -Dio.grpc.netty.shaded.io.netty.maxDirectMemory=1073741824`;
    assert.deepEqual(limitOriginOf(1073741824, companionsOf(flags), 'zh'), {
      guess: 'io-netty-max-direct-memory',
      evidence: '文中有 -Dio.grpc.netty.shaded.io.netty.maxDirectMemory=1073741824',
    });
  });

  it('credits -XX:MaxDirectMemorySize when the max is its value', () => {
    assert.deepEqual(limitOriginOf(2147483648, companionsOf(FLAGS_2G, JMAP_8G), 'en'), {
      guess: 'explicit-max-direct-memory-size',
      evidence: '-XX:MaxDirectMemorySize=2g in the paste',
    });
  });

  it('credits a flag within 1 % of the max, and not one further off', () => {
    // 2 GiB less 16 MiB: 0.8 % under the flag's 2 GiB
    assert.deepEqual(limitOriginOf(2130706432, companionsOf(FLAGS_2G), 'en'), {
      guess: 'explicit-max-direct-memory-size',
      evidence: '-XX:MaxDirectMemorySize=2g in the paste',
    });
    assert.deepEqual(limitOriginOf(1073741824, companionsOf(FLAGS_2G), 'en'), {
      guess: 'explicit-max-direct-memory-size',
      evidence:
        'max 1073741824 is exactly 1 GiB, a round figure: set by -XX:MaxDirectMemorySize (or io.netty.maxDirectMemory)',
    });
  });

  it('says the limit followed the heap when the max is just under the heap max jmap shows', () => {
    // seed 000's max, with the jmap of an 8 GiB heap
    assert.deepEqual(limitOriginOf(8232370176, companionsOf(JMAP_8G), 'en'), {
      guess: 'defaults-to-heap-max',
      evidence:
        'max 7.67 GiB is just under the heap max 8 GiB: MaxDirectMemorySize is not set, so the limit followed the heap',
    });
  });

  it('names the -Xmx flag beside the heap max when they agree', () => {
    const flags = FLAGS_2G.replace(' -XX:MaxDirectMemorySize=2g', '');
    assert.deepEqual(limitOriginOf(8232370176, companionsOf(flags, JMAP_8G), 'en'), {
      guess: 'defaults-to-heap-max',
      evidence:
        'max 7.67 GiB is just under the heap max 8 GiB (-Xmx8g): MaxDirectMemorySize is not set, so the limit followed the heap',
    });
    assert.deepEqual(limitOriginOf(1908932608, companionsOf(XMX_2G), 'zh'), {
      guess: 'defaults-to-heap-max',
      evidence: 'max 1.78 GiB 略小于堆上限 2 GiB (-Xmx2g)：未设置 MaxDirectMemorySize，上限跟随堆大小',
    });
  });

  it('reads past a zero io.netty.maxDirectMemory, which sets no limit, to the heap', () => {
    assert.deepEqual(limitOriginOf(32440320, companionsOf(XMX_32M_NETTY_0), 'en'), {
      guess: 'defaults-to-heap-max',
      evidence:
        'max 30.94 MiB is just under the heap max 32 MiB (-Xmx32M): MaxDirectMemorySize is not set, so the limit followed the heap',
    });
  });

  it('does not credit the heap for a max above it or far below it', () => {
    const round = (bytes: number, size: string) => ({
      guess: 'explicit-max-direct-memory-size',
      evidence: `max ${bytes} is exactly ${size}, a round figure: set by -XX:MaxDirectMemorySize (or io.netty.maxDirectMemory)`,
    });
    assert.deepEqual(limitOriginOf(8606711808, companionsOf(JMAP_8G), 'en'), round(8606711808, '8.02 GiB'));
    assert.deepEqual(limitOriginOf(6442450944, companionsOf(JMAP_8G), 'en'), round(6442450944, '6 GiB'));
  });

  it('reads an exact power of two, or a multiple of 16 MiB, from 64 MiB up as an explicit limit', () => {
    assert.deepEqual(limitOriginOf(536870912, NONE, 'en'), {
      guess: 'explicit-max-direct-memory-size',
      evidence:
        'max 536870912 is exactly 512 MiB, a round figure: set by -XX:MaxDirectMemorySize (or io.netty.maxDirectMemory)',
    });
    assert.deepEqual(limitOriginOf(805306368, NONE, 'zh'), {
      guess: 'explicit-max-direct-memory-size',
      evidence:
        'max 805306368 正好是 768 MiB，是个整数值：由 -XX:MaxDirectMemorySize（或 io.netty.maxDirectMemory）设置',
    });
  });

  it('reads a max just under a round size as the default that follows -Xmx', () => {
    assert.deepEqual(limitOriginOf(8232370176, NONE, 'en'), {
      guess: 'defaults-to-heap-max',
      evidence:
        'max 8232370176 ≈ 7.67 GiB, just under 8 GiB: the limit followed the heap (-Xmx8g); MaxDirectMemorySize is not set',
    });
    // seed 003's 32 MiB heap: below 64 MiB a power of two is a heap size, not an explicit limit
    assert.deepEqual(limitOriginOf(32440320, NONE, 'zh'), {
      guess: 'defaults-to-heap-max',
      evidence:
        'max 32440320 ≈ 30.94 MiB，略小于 32 MiB：上限跟随堆大小（-Xmx32m），未设置 MaxDirectMemorySize',
    });
  });

  it('rounds to whole GiB above 1 GiB, as -Xmx3g is written', () => {
    // A 3 GiB heap less a survivor space, in the proportion seed 000's 8 GiB heap shows
    assert.deepEqual(limitOriginOf(3087138816, NONE, 'en'), {
      guess: 'defaults-to-heap-max',
      evidence:
        'max 3087138816 ≈ 2.88 GiB, just under 3 GiB: the limit followed the heap (-Xmx3g); MaxDirectMemorySize is not set',
    });
  });

  it('says so when the max matches no known default', () => {
    assert.deepEqual(limitOriginOf(100_000_000, NONE, 'en'), {
      guess: 'unknown',
      evidence: 'max 95.37 MiB matches no known default',
    });
    assert.deepEqual(limitOriginOf(100_000_000, NONE, 'zh'), {
      guess: 'unknown',
      evidence: 'max 95.37 MiB 不符合已知的默认值',
    });
  });
});
