import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fingerprintOf } from '../../src/app/fingerprint.ts';
import { goldenReport } from '../fixture-files.ts';

const OODM = 'io.netty.util.internal.OutOfDirectMemoryError';

describe('fingerprintOf', () => {
  it('has no fingerprint for a paste with nothing detected', () => {
    assert.equal(fingerprintOf({ ...goldenReport('000-reactor-netty-load-test'), detected: false }), null);
  });

  it('keeps the key of seed 000 as stored incidents know it, with no frame outside Netty', () => {
    assert.deepEqual(fingerprintOf(goldenReport('000-reactor-netty-load-test')), {
      key: '3440684ab15537de82a3831c',
      kind: 'oodm',
      exceptionClass: OODM,
      framework: 'reactor-netty',
      firstFrame: null,
      maxBytes: 8232370176,
    });
  });

  it('names the first frame outside Netty, the JDK and Reactor, without its line', () => {
    assert.deepEqual(fingerprintOf(goldenReport('pastes/scg-caused-by')), {
      key: '907936c9fa78fe7225a1fae1',
      kind: 'oodm',
      exceptionClass: OODM,
      framework: 'spring-cloud-gateway',
      firstFrame: 'org.springframework.core.io.buffer.NettyDataBufferFactory.allocateBuffer',
      maxBytes: 805306368,
    });
  });

  it('keeps the relocation prefix of a shaded Netty in the class', () => {
    assert.deepEqual(fingerprintOf(goldenReport('pastes/grpc-shaded-huge')), {
      key: 'dbb9ec618bf62464ab131a89',
      kind: 'oodm',
      exceptionClass: `io.grpc.netty.shaded.${OODM}`,
      framework: 'grpc',
      firstFrame: 'io.grpc.netty.shaded.io.grpc.netty.NettyAdaptiveCumulator.mergeWithCompositeTail',
      maxBytes: 1073741824,
    });
  });

  it('reads a LEAK report by where the leaked buffer was made', () => {
    assert.deepEqual(fingerprintOf(goldenReport('pastes/leak-advanced')), {
      key: '439043e557d00f947f3cbdaf',
      kind: 'leak_report',
      exceptionClass: 'io.netty.util.ResourceLeakDetector',
      framework: 'reactor-netty',
      firstFrame: 'com.example.gateway.filter.RequestBodyLoggingFilter.lambda$filter$2',
      maxBytes: null,
    });
  });

  it('takes the frames of an event of the reported kind, not of a LEAK report before it', () => {
    // multi-trace.log opens with a LEAK report; the OutOfDirectMemoryErrors follow
    const fp = fingerprintOf(goldenReport('pastes/multi-trace'));
    assert.equal(fp?.kind, 'oodm');
    assert.equal(fp?.firstFrame, 'com.acme.orders.codec.OrderFrameDecoder.decode');
  });

  it('leaves a product named only from its package out: its first frame already says which code failed', () => {
    const r = goldenReport('pastes/multi-trace');
    assert.equal(r.summary.frameworks[0]?.fromPackage, true);
    const fp = fingerprintOf(r);
    assert.equal(fp?.framework, 'netty');
    const unnamed = r.summary.frameworks.filter((f) => !f.fromPackage);
    assert.equal(fingerprintOf({ ...r, summary: { ...r.summary, frameworks: unnamed } })?.key, fp?.key);
  });

  it('falls back to the leak site when every frame is Netty’s', () => {
    const r = goldenReport('000-reactor-netty-load-test');
    const site = 'com.acme.gateway.AuditFilter.filter(AuditFilter.java:57)';
    const fp = fingerprintOf({ ...r, summary: { ...r.summary, leakSites: [{ frame: site, count: 3 }] } });
    assert.equal(fp?.firstFrame, 'com.acme.gateway.AuditFilter.filter');
  });

  it('gives the same key to the same failure after a redeploy moved its lines', () => {
    const r = goldenReport('pastes/scg-caused-by');
    const moved = {
      ...r,
      events: r.events.map((e) => ({ ...e, frames: e.frames.map((f) => f.replace(/:\d+\)$/, ':1)')) })),
    };
    assert.notDeepEqual(moved.events, r.events);
    assert.equal(fingerprintOf(moved)?.key, fingerprintOf(r)?.key);
  });

  it('gives another key when the limit or the framework differs', () => {
    const r = goldenReport('pastes/scg-caused-by');
    const key = fingerprintOf(r)?.key;
    assert.notEqual(fingerprintOf({ ...r, summary: { ...r.summary, maxBytes: 1073741824 } })?.key, key);
    assert.notEqual(fingerprintOf({ ...r, summary: { ...r.summary, frameworks: [] } })?.key, key);
  });
});
