import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../src/core/analyze.ts';
import { kb } from './helpers.ts';
import { schemaErrors } from './schema-validator.ts';

const OODM = (msg: string) => `io.netty.util.internal.OutOfDirectMemoryError: ${msg}`;
const a = (text: string) => analyze(text, kb.analyzer);

describe('bad input gets a clear answer, never a crash', () => {
  it('answers empty input with detected: false and zero counts', () => {
    const r = a('');
    assert.equal(r.detected, false);
    assert.deepEqual(r.events, []);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.input, { bytes: 0, lines: 0, cutLines: 0, eventsOmitted: 0, windowed: false });
    assert.deepEqual(schemaErrors(r), []);
  });

  it('reads binary data without throwing and finds nothing in it', () => {
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + (i >> 3)) % 256;
    const r = a(bytes.toString('latin1'));
    assert.equal(r.detected, false);
    assert.deepEqual(schemaErrors(r), []);
  });

  it('finds a trace in a 50 MB paste', () => {
    const filler = `2024-01-01 00:00:00.000 [main] INFO  c.a.App - ordinary line ${'y'.repeat(80)}\n`.repeat(
      250_000,
    );
    const text = `${filler}${OODM('failed to allocate 16777216 byte(s) of direct memory (used: 100, max: 200)')}\n${filler}`;
    assert.ok(text.length > 50_000_000);
    const r = a(text);
    assert.equal(r.events.length, 1);
    assert.equal(r.events[0]?.line, 250_001);
  });

  it('finds a trace buried at the end of a single 10 MB line and says the line was cut', () => {
    const text = `${'z'.repeat(10_000_000)} ${OODM('failed to allocate 16777216 byte(s) of direct memory (used: 520093983, max: 536870912)')}`;
    const r = a(text);
    assert.equal(r.detected, true);
    assert.equal(r.summary.maxBytes, 536870912);
    assert.equal(r.input.cutLines, 1);
    assert.ok(r.notes.some((n) => n.includes('over-long line')));
  });

  it('ignores a number cut off by the paste, and says so, instead of reading a wrong one', () => {
    const r = a(OODM('failed to allocate 16777216 byte(s) of direct memory (used: 82208'));
    assert.equal(r.detected, true);
    assert.equal(r.summary.requestedBytes, 16777216);
    assert.equal(r.summary.usedBytes, null);
    assert.equal(r.summary.maxBytes, null);
    assert.deepEqual(r.notes, ['the used number (82208) is cut off in the paste and was ignored']);
  });

  it('refuses absurd numbers and flags contradicting ones', () => {
    const huge = a(
      OODM('failed to allocate 1 byte(s) of direct memory (used: 9999999999999999999999999, max: 100)'),
    );
    assert.equal(huge.summary.usedBytes, null);
    assert.match(huge.notes[0] ?? '', /too large to be real/);
    const negative = a(OODM('failed to allocate 1 byte(s) of direct memory (used: 5, max: -1)'));
    assert.equal(negative.summary.maxBytes, null);
    assert.match(negative.notes[0] ?? '', /negative/);
    const contradict = a(OODM('failed to allocate 1048576 byte(s) of direct memory (used: 600, max: 500)'));
    assert.equal(contradict.summary.headroomBytes, -100);
    assert.ok(contradict.signals['numbers-contradict']);
    assert.deepEqual(schemaErrors(contradict), []);
  });

  it('does not mistake other Java errors or prose about direct memory for an event', () => {
    for (const text of [
      'java.lang.OutOfMemoryError: Java heap space\n\tat com.acme.A.b(A.java:1)',
      'java.lang.OutOfMemoryError: Metaspace',
      'Exception in thread "main" java.lang.NullPointerException\n\tat io.netty.channel.AbstractChannelHandlerContext.invokeChannelRead(AbstractChannelHandlerContext.java:379)',
      'we keep hitting OutOfDirectMemoryError in prod, should we raise MaxDirectMemorySize? direct buffer memory is at 2g',
      '堆外内存一直涨，OutOfDirectMemoryError 怎么排查？',
    ]) {
      const r = a(text);
      assert.equal(r.detected, false, text);
      assert.deepEqual(schemaErrors(r), []);
    }
    assert.deepEqual(a('java.lang.OutOfMemoryError: Java heap space').otherErrors, [
      'java.lang.OutOfMemoryError: Java heap space',
    ]);
  });

  it('counts events beyond the cap instead of listing them all', () => {
    const lines = Array.from(
      { length: 700 },
      (_, i) =>
        `2024-01-01 00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')} [w-${i}] ${OODM('failed to allocate 8 byte(s) of direct memory (used: 1, max: 2)')}`,
    );
    const r = a(lines.join('\n'));
    assert.equal(r.events.length, 500);
    assert.equal(r.input.eventsOmitted, 200);
    assert.deepEqual(schemaErrors(r), []);
  });
});

describe('hostile text', () => {
  it('reads a trace with zero-width joiners, RTL marks and full-width digits as the trace it is', () => {
    const r = a(
      '\u202eio.netty.util.internal.OutOf\u200dDirect\u200bMemoryError: failed to allocate １６７７７２１６ byte(s) of direct memory (used: 8220835847, max: 8232370176)\ufeff',
    );
    assert.equal(r.detected, true);
    assert.equal(r.summary.requestedBytes, 16777216);
    assert.equal(r.summary.maxBytes, 8232370176);
  });

  it('reads 10 000 nested Caused by: lines without slowing down', () => {
    const chain = Array.from(
      { length: 10_000 },
      (_, i) => `Caused by: java.lang.RuntimeException: level ${i}\n\tat com.acme.L${i}.run(L.java:${i})`,
    ).join('\n');
    const r = a(
      `${chain}\nCaused by: io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 1 byte(s) of direct memory (used: 5, max: 5)`,
    );
    assert.equal(r.events.length, 1);
    assert.equal(r.summary.maxBytes, 5);
  });

  it('reads a 50 MB single line with the error at its end', () => {
    const r = a(
      `${'q'.repeat(50_000_000)} io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: 1, max: 2)`,
    );
    assert.equal(r.detected, true);
    assert.equal(r.summary.requestedBytes, 4194304);
    assert.equal(r.input.cutLines, 1);
  });
});
