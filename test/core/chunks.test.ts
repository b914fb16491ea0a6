import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkFor, versionCompare } from '../../src/core/chunks.ts';
import { goldenReport } from '../fixture-files.ts';

const MiB = 1024 * 1024;
const OLD = { size: 16 * MiB, rule: 'chunkRule.old' };
const NEW = { size: 4 * MiB, rule: 'chunkRule.new' };
const GRPC = { size: 2 * MiB, rule: 'chunkRule.grpc' };

describe('versionCompare', () => {
  it('compares the first three numbers, not the text', () => {
    assert.ok(versionCompare('4.1.6.Final', '4.1.75') < 0);
    assert.ok(versionCompare('4.1.100.Final', '4.1.75') > 0);
    assert.ok(versionCompare('4.2.1.Final', '4.1.75') > 0);
    assert.equal(versionCompare('4.1.75.Final', '4.1.75'), 0);
  });

  it('reads a missing or non-numeric part as zero', () => {
    assert.equal(versionCompare('4.2', '4.2.0'), 0);
    assert.ok(versionCompare('4.2.0.Alpha1', '4.1.75') > 0);
    assert.equal(versionCompare('x.y', '0.0.0'), 0);
  });
});

describe('chunkFor', () => {
  it("gives a Netty version before 4.1.75 16 MiB chunks and later ones 4 MiB, as each golden report's rule says", () => {
    for (const [golden, chunk] of [
      ['000-reactor-netty-load-test', OLD], // 4.1.33.Final
      ['001-grpc-explicit-512m', OLD], // 4.1.6.Final, unshaded gRPC asking for 16 MiB
      ['pastes/kubectl-prefix', NEW], // 4.1.77.Final
      ['pastes/outbound-write', NEW], // 4.1.100.Final
    ] as const) {
      const { summary } = goldenReport(golden);
      const grpc = summary.frameworks.some((f) => f.id === 'grpc');
      assert.deepEqual(chunkFor(summary.nettyVersion, summary.requestedBytes, grpc), chunk, golden);
    }
  });

  it("knows gRPC's own 2 MiB chunk when shaded gRPC asks for one (seed 002)", () => {
    const { summary } = goldenReport('002-nacos-shaded-grpc');
    assert.equal(summary.nettyVersion, null);
    assert.deepEqual(chunkFor(summary.nettyVersion, summary.requestedBytes, true), GRPC);
    assert.deepEqual(chunkFor(null, 2 * MiB, false), OLD);
  });

  it('guesses from the request when no version is known, 16 MiB by default', () => {
    assert.deepEqual(chunkFor(null, 4 * MiB, false), NEW);
    assert.deepEqual(chunkFor(null, 16 * MiB, false), OLD);
    assert.deepEqual(chunkFor(null, null, false), OLD);
  });
});
