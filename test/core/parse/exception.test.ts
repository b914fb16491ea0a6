import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EventLine, parseEventLine } from '../../../src/core/parse/exception.ts';
import { fixtureLine } from '../../fixture-files.ts';

const OODM = 'io.netty.util.internal.OutOfDirectMemoryError';

/** Netty's OutOfDirectMemoryError as `io.netty.` throws it, with the fields a case changes. */
function oodm(fields: Partial<EventLine>): EventLine {
  return {
    kind: 'oodm',
    exceptionClass: OODM,
    requestedBytes: null,
    usedBytes: null,
    maxBytes: null,
    nettyPackage: 'io.netty.',
    chained: false,
    quoted: false,
    problems: [],
    ...fields,
  };
}

function jdk(fields: Partial<EventLine>): EventLine {
  return { ...oodm(fields), exceptionClass: 'java.lang.OutOfMemoryError', nettyPackage: null, ...fields };
}

describe('parseEventLine: Netty’s OutOfDirectMemoryError', () => {
  it('reads the requested, used and max numbers', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('seeds/000-reactor-netty-load-test.txt', 13)),
      oodm({ requestedBytes: 16777216, usedBytes: 8220835847, maxBytes: 8232370176 }),
    );
  });

  it('marks the log header that quotes the exception before it is printed', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('seeds/000-reactor-netty-load-test.txt', 12)),
      oodm({ requestedBytes: 16777216, usedBytes: 8220835847, maxBytes: 8232370176, quoted: true }),
    );
  });

  it('marks a Caused by line as part of the trace already open', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/scg-caused-by.txt', 5)),
      oodm({ requestedBytes: 16777216, usedBytes: 788529159, maxBytes: 805306368, chained: true }),
    );
    assert.deepEqual(
      parseEventLine(
        `\tSuppressed: ${fixtureLine('pastes/scg-caused-by.txt', 5).slice('Caused by: '.length)}`,
      ),
      oodm({ requestedBytes: 16777216, usedBytes: 788529159, maxBytes: 805306368, chained: true }),
    );
  });

  it('reads the exception that a Reactor wrapper names in its message', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/scg-caused-by.txt', 4)),
      oodm({ requestedBytes: 16777216, usedBytes: 788529159, maxBytes: 805306368 }),
    );
  });

  it('reads an uncaught exception in a thread', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('seeds/003-copy-not-released.txt', 13)),
      oodm({ requestedBytes: 16777216, usedBytes: 16777216, maxBytes: 32440320 }),
    );
  });

  it('names the relocated Netty package of a shaded copy', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/grpc-shaded-huge.txt', 4)),
      oodm({
        exceptionClass: `io.grpc.netty.shaded.${OODM}`,
        nettyPackage: 'io.grpc.netty.shaded.io.netty.',
        requestedBytes: 33554432,
        usedBytes: 1046478848,
        maxBytes: 1073741824,
      }),
    );
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/relocated-flink.txt', 3)),
      oodm({
        exceptionClass: `org.apache.flink.shaded.netty4.${OODM}`,
        nettyPackage: 'org.apache.flink.shaded.netty4.io.netty.',
        requestedBytes: 4194304,
        usedBytes: 265289728,
        maxBytes: 268435456,
      }),
    );
  });

  it('reads a class name that lost its first letters as plain Netty, not a relocation', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('corpus/p091.txt', 7)),
      oodm({
        exceptionClass: 'o.netty.util.internal.OutOfDirectMemoryError',
        requestedBytes: 16777216,
        usedBytes: 7449083911,
        maxBytes: 7460618240,
      }),
    );
  });

  it('reads the trace’s mention after a sentence that named the class first', () => {
    const line =
      '[/127.0.0.1:36988] Got exception OutOfDirectMemoryError : failed to allocate 16777216 byte(s) of direct memory (used: 1073741824, max: 1073741824) io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 1073741824, max: 1073741824)';
    assert.deepEqual(
      parseEventLine(line),
      oodm({ requestedBytes: 16777216, usedBytes: 1073741824, maxBytes: 1073741824 }),
    );
  });

  it('reads numbers printed with a locale’s digit groups, and a comma without its space', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('corpus/p040.txt', 6)),
      oodm({ requestedBytes: 16777216, usedBytes: 1073741824, maxBytes: 1073741824 }),
    );
    assert.deepEqual(
      parseEventLine(
        `${OODM}: failed to allocate 16,777,216 byte(s) of direct memory (used: 1073741824,max: 1073741824)`,
      ),
      oodm({ requestedBytes: 16777216, usedBytes: 1073741824, maxBytes: 1073741824 }),
    );
  });

  it('reads the numbers retyped with a Chinese input method, or with no blank after a colon', () => {
    const numbers = oodm({ requestedBytes: 16777216, usedBytes: 15024140317, maxBytes: 15032385536 });
    assert.deepEqual(
      parseEventLine(
        `${OODM}: failed to allocate 16777216 byte（s） of direct memory （used：15024140317，max：15032385536）`,
      ),
      numbers,
    );
    assert.deepEqual(
      parseEventLine(
        `${OODM}: failed to allocate 16777216 byte(s) of direct memory (used:15024140317,max:15032385536)`,
      ),
      numbers,
    );
  });

  it('reads a bare class name only where a stack trace prints one', () => {
    assert.deepEqual(parseEventLine(`Caused by: ${OODM}`), oodm({ chained: true }));
    assert.deepEqual(parseEventLine(`Exception in thread "main" ${OODM}`), oodm({}));
    assert.deepEqual(
      parseEventLine('OutOfDirectMemoryError'),
      oodm({ exceptionClass: 'OutOfDirectMemoryError', nettyPackage: null }),
    );
    assert.equal(parseEventLine(fixtureLine('seeds/002-nacos-shaded-grpc.txt', 55)), null);
  });

  it('does not read the name in a sentence, in code, or of another class', () => {
    for (const line of [
      fixtureLine('pastes/neg-prose-en.txt', 6),
      fixtureLine('pastes/neg-prose-en.txt', 7),
      fixtureLine('pastes/neg-prose-zh.txt', 9),
      fixtureLine('seeds/001-grpc-explicit-512m.txt', 41),
      'com.acme.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 1, max: 2)',
    ]) {
      assert.equal(parseEventLine(line), null, line);
    }
  });
});

describe('parseEventLine: numbers it will not guess', () => {
  it('drops a number cut off at the end of the paste, with a note', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/truncated.txt', 2)),
      oodm({
        requestedBytes: 16777216,
        problems: [{ key: 'note.numberCut', values: { name: 'used', digits: '82208' } }],
      }),
    );
  });

  it('drops a requested number cut off at the end of the paste, with a note', () => {
    const line = fixtureLine('pastes/truncated.txt', 2);
    const cut = line.slice(0, line.indexOf('16777216') + 4);
    assert.deepEqual(
      parseEventLine(cut),
      oodm({ problems: [{ key: 'note.numberCut', values: { name: 'requested', digits: '1677' } }] }),
    );
    const reserve = fixtureLine('pastes/jdk17-cannot-reserve.txt', 2);
    assert.deepEqual(
      parseEventLine(reserve.slice(0, reserve.indexOf('16777216') + 4)),
      jdk({
        kind: 'cannot_reserve',
        problems: [{ key: 'note.numberCut', values: { name: 'requested', digits: '1677' } }],
      }),
    );
  });

  it('drops numbers too large to be real, or negative, with a note', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/absurd-numbers.txt', 2)),
      oodm({
        requestedBytes: 16777216,
        maxBytes: 8589934592,
        problems: [
          { key: 'note.numberTooLarge', values: { name: 'used', digits: '1234567890123456789012345' } },
        ],
      }),
    );
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/absurd-numbers.txt', 3)),
      oodm({
        requestedBytes: 4194304,
        usedBytes: 1069547527,
        problems: [{ key: 'note.numberNegative', values: { name: 'max', digits: '-1' } }],
      }),
    );
  });

  it('keeps numbers that are whole even when they do not add up: that is the analysis’ call', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/absurd-numbers.txt', 1)),
      oodm({ requestedBytes: 16777216, usedBytes: 9663676416, maxBytes: 8589934592 }),
    );
  });
});

describe('parseEventLine: the allocators’ messages without their class', () => {
  it('reads Netty’s message wrapped in another exception’s message', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('corpus/p041.txt', 4)),
      oodm({
        requestedBytes: 16777216,
        usedBytes: 64424509440,
        maxBytes: 64424509440,
        nettyPackage: null,
        quoted: true,
      }),
    );
  });

  it('reads a remote Netty’s message relayed in an HTTP/2 GOAWAY’s debug data', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('corpus/p098.txt', 4)),
      oodm({
        requestedBytes: 16777216,
        usedBytes: 6425674007,
        maxBytes: 6442450944,
        nettyPackage: null,
        chained: true,
        quoted: true,
      }),
    );
  });

  it('reads the JDK’s Cannot reserve message without its class, in any case', () => {
    assert.deepEqual(
      parseEventLine(
        'Unexpected error: cannot reserve 4194304 bytes of direct buffer memory (allocated: 256330613, limit: 259522560)',
      ),
      jdk({
        kind: 'cannot_reserve',
        requestedBytes: 4194304,
        usedBytes: 256330613,
        maxBytes: 259522560,
        quoted: true,
      }),
    );
  });

  it('does not read the message as source code quotes it', () => {
    assert.equal(parseEventLine(fixtureLine('corpus/p065.txt', 1)), null);
  });
});

describe('parseEventLine: the JDK’s direct memory errors', () => {
  it('reads JDK 8’s Direct buffer memory, which shows no numbers', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/jdk8-direct-buffer.txt', 2)),
      jdk({ kind: 'direct_buffer_oom' }),
    );
    assert.deepEqual(
      parseEventLine(fixtureLine('seeds/003-copy-not-released.txt', 356)),
      jdk({ kind: 'direct_buffer_oom' }),
    );
  });

  it('reads JDK 17’s Cannot reserve with its allocated and limit numbers', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('pastes/jdk17-cannot-reserve.txt', 2)),
      jdk({ kind: 'cannot_reserve', requestedBytes: 16777216, usedBytes: 1065353216, maxBytes: 1073741824 }),
    );
  });

  it('reads a framework’s OutOfMemoryError that names the JDK’s direct limit as its cause (Flink)', () => {
    assert.deepEqual(
      parseEventLine(fixtureLine('corpus/p048.txt', 11).replace('pipeline-controller  | ', '')),
      jdk({ kind: 'direct_buffer_oom' }),
    );
  });

  it('reads the message a translation lower-cased', () => {
    assert.deepEqual(
      parseEventLine('java.lang.OutOfMemoryError: direct buffer memory'),
      jdk({ kind: 'direct_buffer_oom' }),
    );
  });

  it('does not read other OutOfMemoryErrors', () => {
    for (const line of [
      fixtureLine('pastes/neg-heap-space.txt', 3),
      fixtureLine('pastes/neg-metaspace.txt', 2),
      fixtureLine('pastes/neg-gc-overhead.txt', 2),
      fixtureLine('pastes/neg-gc-overhead.txt', 14),
    ]) {
      assert.equal(parseEventLine(line), null, line);
    }
  });
});

describe('parseEventLine: Netty’s LEAK report', () => {
  const leak = (fields: Partial<EventLine>): EventLine =>
    oodm({ kind: 'leak_report', exceptionClass: 'io.netty.util.ResourceLeakDetector', ...fields });

  it('reads the detector’s class from the logger name', () => {
    assert.deepEqual(parseEventLine(fixtureLine('pastes/leak-advanced.txt', 1)), leak({}));
    assert.deepEqual(parseEventLine(fixtureLine('seeds/003-copy-not-released.txt', 463)), leak({}));
  });

  it('names the relocated package of a shaded detector', () => {
    const line = fixtureLine('pastes/leak-advanced.txt', 1).replace(
      'io.netty.util.ResourceLeakDetector',
      'org.apache.flink.shaded.netty4.io.netty.util.ResourceLeakDetector',
    );
    assert.deepEqual(
      parseEventLine(line),
      leak({
        exceptionClass: 'org.apache.flink.shaded.netty4.io.netty.util.ResourceLeakDetector',
        nettyPackage: 'org.apache.flink.shaded.netty4.io.netty.',
      }),
    );
  });

  it('takes Netty’s detector when the line does not name a logger', () => {
    assert.deepEqual(
      parseEventLine("LEAK: ByteBuf.release() was not called before it's garbage-collected."),
      leak({}),
    );
  });

  it('reads Netty 4.0’s wording of the report', () => {
    assert.deepEqual(
      parseEventLine(
        "LEAK: ByteBuf was GC'd before being released correctly.  The following stack trace shows where the leaked object was created, rather than where you failed to release it.",
      ),
      leak({}),
    );
  });

  it('does not read a LEAK: that is not Netty’s message, or the leak of a resource that is not a buffer', () => {
    assert.equal(parseEventLine('LEAK: connection pool exhausted'), null);
    assert.equal(
      parseEventLine(
        "2021-03-01 10:00:00.000 ERROR [nioEventLoopGroup-2-1] io.netty.util.ResourceLeakDetector - LEAK: ReferenceCountedOpenSslEngine.release() was not called before it's garbage-collected.",
      ),
      null,
    );
  });
});
