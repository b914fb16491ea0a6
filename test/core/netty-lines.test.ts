import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { nettyReleasesOf } from '../../src/core/netty-lines.ts';
import { unshade } from '../../src/core/parse/frame.ts';
import { satisfies } from '../../src/core/version-range.ts';
import { analyzeFixture, FIXTURES } from '../helpers.ts';

const corpus = (id: string) => analyzeFixture(`corpus/${id}.txt`).summary;

describe('the Netty release from line numbers', () => {
  it('pins a trace to the one release whose PlatformDependent lines it shows (4.1.4, though the prose says 4.1.7)', () => {
    assert.deepEqual(corpus('p093').nettyVersionRange, {
      range: '4.1.4',
      evidence: 'PlatformDependent.java:614, PlatformDependent.java:568',
    });
  });

  it("notes that the prose's Netty version is not the one the trace's line numbers show", () => {
    assert.deepEqual(analyzeFixture('corpus/p093.txt').notes, [
      "the text says Netty 4.1.7-Final (update to 4.1.7-Final), but the trace's line numbers are those of 4.1.4 (PlatformDependent.java:614, PlatformDependent.java:568): is the trace from the build that fails?",
    ]);
    assert.deepEqual(analyzeFixture('corpus/p100.txt').notes, []);
  });

  it('tells the pooled branch of newDirectBuffer from its other calls by the frame it called', () => {
    // PooledByteBufAllocator.java:327 is the pooled branch of 4.1.34 and the unpooled one of 4.1.10–4.1.32.
    assert.deepEqual(corpus('p100').nettyVersionRange, {
      range: '4.1.34',
      evidence: 'PoolArena.java:768, PoolArena.java:744, PooledByteBufAllocator.java:327',
    });
    assert.equal(
      nettyReleasesOf([
        'io.netty.buffer.UnsafeByteBufUtil.newUnsafeDirectByteBuf(UnsafeByteBufUtil.java:625)',
        'io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:327)',
      ])?.range,
      '>=4.1.10 <=4.1.32',
    );
  });

  it('gives a range when several releases share the lines, and leaves the jar-read version alone', () => {
    const s = corpus('p033');
    assert.equal(s.nettyVersion, null);
    assert.equal(s.nettyVersionRange?.range, '>=4.1.16 <=4.1.29');
  });

  it('says nothing when a jar shows the version, or when the frames disagree', () => {
    assert.equal(corpus('p025').nettyVersionRange, undefined);
    assert.equal(
      nettyReleasesOf([
        'io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:640)',
        'io.netty.util.internal.PlatformDependent.allocateDirectNoCleaner(PlatformDependent.java:568)',
      ]),
      null,
    );
    assert.equal(nettyReleasesOf(['io.netty.buffer.PoolArena.allocate(PoolArena.java:214)']), null);
  });

  it('reads relocated Netty the same way (gRPC keeps the line numbers)', () => {
    assert.equal(corpus('p017').nettyVersionRange?.range, '4.1.79');
  });

  it('agrees with every corpus paste whose jars show the Netty version', () => {
    const dir = join(FIXTURES, 'corpus');
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const report = analyzeFixture(`corpus/${file}`);
      const version = report.summary.nettyVersion;
      if (!version || report.summary.productVersions?.netty?.from !== 'build') continue;
      const range = report.events.map((e) => nettyReleasesOf(e.frames.map(unshade))).find((r) => r !== null);
      if (!range) continue;
      assert.ok(satisfies(version, range.range), `${file}: ${version} outside ${range.range}`);
      checked++;
    }
    assert.ok(checked >= 10, `${checked} pastes checked`);
  });
});
