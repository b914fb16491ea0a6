import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WindowedFeeder } from '../src/app/windowed.ts';
import { analyze, createAnalysis } from '../src/core/analyze.ts';
import type { Report } from '../src/core/types.ts';
import { fixture, kb } from './helpers.ts';

/** Feed `text` through the large-file path in chunks of the given sizes (cycled). */
function windowed(text: string, sizes: number[]): Report {
  const analysis = createAnalysis(kb.analyzer, { language: 'en' });
  const feeder = new WindowedFeeder(analysis);
  const buf = Buffer.from(text);
  for (let at = 0, i = 0; at < buf.length; i++) {
    const size = sizes[i % sizes.length] as number;
    feeder.push(buf.subarray(at, at + size));
    at += size;
  }
  const lines = feeder.end();
  return analysis.finish({ bytes: feeder.bytes, lines, windowed: true });
}

const essentials = (r: Report) => r.events.map((e) => ({ ...e, frames: e.frames.length }));

describe('the large-file path reads what the whole-text path reads', () => {
  const filler = (n: number) =>
    Array.from(
      { length: n },
      (_, i) =>
        `2024-05-17 10:00:00.${String(i % 1000).padStart(3, '0')} [exec-${i}] INFO c.a.App - line ${i}`,
    ).join('\n');
  const text = [
    filler(500),
    fixture('seeds/000-reactor-netty-load-test.txt'),
    filler(3),
    fixture('seeds/001-grpc-explicit-512m.txt'),
    filler(1000),
    'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 1 byte(s) of direct memory (used: 7, max: 8)',
  ].join('\n');
  const whole = analyze(text, kb.analyzer, { language: 'en' });

  for (const sizes of [[1 << 20], [4096], [97, 1013, 7], [1]]) {
    it(`finds the same events, lines and numbers with chunks of ${sizes.join('/')} bytes`, () => {
      const r = windowed(text, sizes);
      assert.deepEqual(essentials(r), essentials(whole));
      assert.equal(r.input.lines, whole.input.lines);
      assert.deepEqual(r.summary.limitOrigin, whole.summary.limitOrigin);
    });
  }

  it('reads a last line that has no newline, and an over-long line without losing the count', () => {
    const long = `${'q'.repeat(3 * 1024 * 1024)}\nio.netty.util.internal.OutOfDirectMemoryError: failed to allocate 2 byte(s) of direct memory (used: 3, max: 4)`;
    const r = windowed(long, [1 << 20]);
    assert.equal(r.events[0]?.line, 2);
    assert.equal(r.input.lines, 2);
  });
});
