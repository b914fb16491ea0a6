import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeChunks, PROSE_LIMIT, WHOLE_LIMIT } from '../src/app/read-input.ts';
import { WindowedFeeder } from '../src/app/windowed.ts';
import { analyze, createAnalysis } from '../src/core/analyze.ts';
import type { Report } from '../src/core/types.ts';
import { FIXTURES, fixture, kb, SEEDS } from './helpers.ts';

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

describe('a paste past the whole-read limit is read in windows and says what a whole read says', () => {
  const filler = Array.from(
    { length: 5000 },
    (_, i) =>
      `2024-05-17 10:00:00.${String(i % 1000).padStart(3, '0')} [http-nio-8080-exec-${i % 32}] INFO  c.a.o.OrderController - handled order ${i} in ${i % 97} ms status=200`,
  ).join('\n');
  const same = (r: Report) => ({
    events: r.events,
    summary: r.summary,
    findings: r.findings,
    signals: r.signals,
    language: r.language,
    otherErrors: r.otherErrors,
  });
  const cases = [
    ...SEEDS.map((s) => `seeds/${s}.txt`),
    ...readdirSync(join(FIXTURES, 'pastes'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `pastes/${f}`),
  ];

  for (const path of cases) {
    it(`reads ${path} buried in a megabyte of ordinary log lines as a whole read does`, async () => {
      const text = `${filler}\n${fixture(path)}\n${filler}\n`;
      assert.ok(Buffer.byteLength(text) > WHOLE_LIMIT);
      const chunks = [Buffer.from(text)];
      const large = await analyzeChunks(chunks, kb.analyzer, {});
      assert.equal(large.input.windowed, true);
      assert.deepEqual(same(large), same(analyze(text, kb.analyzer)));
    });
  }

  it('reads the prose of the first 32 MiB only: a cue written past them is not read', async () => {
    const cue = 'we saw it during the load test\n';
    const trace = `${fixture('seeds/001-grpc-explicit-512m.txt')}\n`;
    const head = Buffer.from(`${cue}${trace}`);
    const padding = Buffer.from(`${filler}\n`);
    const pad = Array.from({ length: Math.ceil(PROSE_LIMIT / padding.length) }, () => padding);
    const early = await analyzeChunks([head, ...pad], kb.analyzer, {});
    const late = await analyzeChunks([Buffer.from(trace), ...pad, Buffer.from(cue)], kb.analyzer, {});
    assert.ok('load-test-prose' in early.signals);
    assert.ok(!('load-test-prose' in late.signals));
  });
});
