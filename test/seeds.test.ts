import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { expectGolden } from './golden.ts';
import { analyzeFixture, FIXTURES, SEEDS } from './helpers.ts';
import { schemaErrors } from './schema-validator.ts';

// Golden reports for the five real incidents; `UPDATE_GOLDEN=1` rewrites them after a reviewed change.
const GOLDEN = join(FIXTURES, 'golden');

describe('the five seed incidents', () => {
  for (const seed of SEEDS) {
    it(`reports seed ${seed} exactly as its golden file`, () => {
      const report = analyzeFixture(`seeds/${seed}.txt`);
      assert.deepEqual(schemaErrors(report), []);
      expectGolden(join(GOLDEN, `${seed}.json`), report);
    });
  }

  it('reads seed 000 as a load burst on reactor-netty with the limit following an 8 GiB heap', () => {
    const r = analyzeFixture('seeds/000-reactor-netty-load-test.txt');
    assert.equal(r.findings[0]?.scenario, 'load-burst');
    assert.deepEqual(
      r.summary.frameworks.map((f) => f.id),
      ['reactor-netty', 'netty'],
    );
    assert.equal(r.summary.limitOrigin.guess, 'defaults-to-heap-max');
    assert.equal(r.summary.allocationPath, 'pooled-chunk');
    assert.equal(r.summary.ioDirection, 'inbound-read');
    assert.equal(r.language, 'zh');
  });

  it('reads seed 001 as an explicit 512 MiB limit on gRPC', () => {
    const r = analyzeFixture('seeds/001-grpc-explicit-512m.txt');
    assert.equal(r.findings[0]?.scenario, 'undersized-limit');
    assert.equal(r.summary.limitOrigin.guess, 'explicit-max-direct-memory-size');
    assert.equal(r.summary.maxBytes, 536870912);
    assert.equal(r.summary.frameworks[0]?.id, 'grpc');
    assert.equal(r.summary.nettyVersion, '4.1.6.Final');
    assert.equal(r.events.length, 1, 'the quoted wrapper and the exception are one event');
  });

  it('reads seed 002 as Nacos on shaded gRPC with a 2 MiB gRPC chunk', () => {
    const r = analyzeFixture('seeds/002-nacos-shaded-grpc.txt');
    assert.deepEqual(
      r.summary.frameworks.map((f) => f.id),
      ['nacos', 'grpc', 'netty'],
    );
    assert.equal(r.summary.shadedPrefix, 'io.grpc.netty.shaded.');
    assert.equal(r.summary.nettyPropertyPrefix, 'io.grpc.netty.shaded.io.netty.');
    assert.ok(r.signals['chunk-request']);
  });

  it('reads seed 003 as unreleased copy() buffers, with the copy site as the leak site', () => {
    const r = analyzeFixture('seeds/003-copy-not-released.txt');
    assert.equal(r.findings[0]?.scenario, 'leak-unreleased-bytebuf');
    assert.ok(r.signals['user-copy']);
    assert.ok(r.summary.leakSites.some((s) => s.frame.startsWith('com.hx.test12.Test26NativeMemoryGc.main')));
    assert.equal(r.summary.limitOrigin.guess, 'defaults-to-heap-max');
    assert.ok(r.signals['limit-tiny'], 'a 31 MiB limit is test-sized');
  });

  it('reads seed 004 as a leak, with strace chunk maps, NMT Internal and a healthy heap as evidence', () => {
    const r = analyzeFixture('seeds/004-inbound-handler-leak.txt');
    assert.equal(r.findings[0]?.scenario, 'leak-unreleased-bytebuf');
    for (const s of ['chunk-maps', 'nmt-internal-large', 'heap-fine', 'retain-call'])
      assert.ok(r.signals[s], s);
    assert.deepEqual(r.summary.heap, { usedBytes: 1001361104, maxBytes: 8589934592 });
  });
});

describe('the report contract', () => {
  it('ships the analysis schema exactly as the shared contract states it', () => {
    const shared = join(FIXTURES, '..', '..', '..', 'shared', 'contracts', 'analysis.schema.json');
    if (!existsSync(shared)) return; // a checkout without the shared folder beside it
    assert.equal(
      readFileSync(join(FIXTURES, '..', '..', 'schemas', 'analysis.schema.json'), 'utf8'),
      readFileSync(shared, 'utf8'),
    );
  });
});
