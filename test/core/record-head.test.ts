import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHeader } from '../../src/core/parse/header.ts';
import { carryHead, recordHead } from '../../src/core/record-head.ts';
import { Scanner } from '../../src/core/scanner.ts';

const EMPTY = { frameworks: [], signals: [], scenarios: [], minimumConfidence: 0 };

/** The events a scanner reads from these lines, with the fields a record head gives them. */
function scan(lines: string[]) {
  const s = new Scanner(EMPTY);
  lines.forEach((text, i) => {
    s.push({ text, line: i + 1 });
  });
  return s
    .finish()
    .events.map((e) => ({ kind: e.kind, thread: e.thread, uncaught: e.uncaught, line: e.line }));
}

describe('record heads', () => {
  it('marks the head of an uncaught exception', () => {
    const t = 'Exception in thread "main" java.lang.RuntimeException: boom';
    assert.equal(recordHead(parseHeader(t), t, 1)?.uncaught, true);
  });

  it('keeps the head over its wrapper exception and chained causes, not over other lines', () => {
    const t = '2024-06-03 07:12:03.251 [grpc-default-executor-3] ERROR c.a.Push - push failed';
    const head = recordHead(parseHeader(t), t, 1);
    assert.equal(carryHead(head, 'io.grpc.StatusRuntimeException: UNKNOWN')?.trace, true);
    assert.equal(carryHead(head, 'Caused by: java.lang.IllegalStateException: closed')?.trace, true);
    assert.equal(carryHead(head, '... 12 more')?.trace, true);
    assert.equal(carryHead(head, 'retrying in 5 s'), null);
  });

  it('gives a direct-memory cause the thread of the record whose trace it ends, and its uncaught mark', () => {
    assert.deepEqual(
      scan([
        'Exception in thread "Grpc-3250" java.lang.RuntimeException: send failed',
        '\tat io.grpc.internal.ServerCallImpl.sendMessage(ServerCallImpl.java:164)',
        'Caused by: java.lang.OutOfMemoryError: Direct buffer memory',
        '\tat java.nio.Bits.reserveMemory(Bits.java:694)',
      ]),
      [{ kind: 'direct_buffer_oom', thread: 'Grpc-3250', uncaught: true, line: 1 }],
    );
    assert.deepEqual(
      scan([
        '2024-06-03 07:12:03.251 [reactor-http-epoll-3] ERROR r.n.t.ServerTransport - onUncaughtException',
        'reactor.core.Exceptions$ErrorCallbackNotImplemented: io.netty.handler.codec.EncoderException: boom',
        'Caused by: io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 1, max: 2)',
      ]),
      [{ kind: 'oodm', thread: 'reactor-http-epoll-3', uncaught: false, line: 1 }],
    );
  });

  it('gives a cause no thread when the trace before it had no record', () => {
    assert.deepEqual(
      scan([
        'java.lang.RuntimeException: wrapper',
        'Caused by: java.lang.OutOfMemoryError: Direct buffer memory',
      ]),
      [{ kind: 'direct_buffer_oom', thread: null, uncaught: false, line: 2 }],
    );
  });
});
