import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScannedEvent } from '../../src/core/scanner.ts';
import { primaryEvent } from '../../src/core/summary.ts';

/** An OutOfDirectMemoryError as the scanner keeps it, with the fields a case changes. */
function event(fields: Partial<ScannedEvent>): ScannedEvent {
  return {
    kind: 'oodm',
    exceptionClass: 'io.netty.util.internal.OutOfDirectMemoryError',
    requestedBytes: 4194304,
    usedBytes: 1069547527,
    maxBytes: 1073741824,
    thread: null,
    timestamp: null,
    line: 1,
    frames: [],
    occurrences: 1,
    nettyPackage: 'io.netty.',
    records: [],
    quoted: false,
    uncaught: false,
    ...fields,
  };
}

describe('primaryEvent: the event that ended the service', () => {
  it('takes the latest error of a log, by its timestamp', () => {
    const first = event({ line: 44, timestamp: '2024-06-03T07:12:03.251', usedBytes: 1069547527 });
    const last = event({ line: 83, timestamp: '2024-06-03T13:13:09.388', usedBytes: 1071644679 });
    assert.equal(primaryEvent([first, last]), last);
    assert.equal(primaryEvent([last, first]), last);
  });

  it('takes the later one in the log when the errors show no timestamp', () => {
    const chunk = event({ line: 13, requestedBytes: 16777216, usedBytes: 16777216, maxBytes: 32440320 });
    const unpooled = event({ line: 497, requestedBytes: 1048576, usedBytes: 31457280, maxBytes: 32440320 });
    assert.equal(primaryEvent([chunk, unpooled]), unpooled);
  });

  it('takes an uncaught error, whose thread died, over a later one that was logged and survived', () => {
    const uncaught = event({ line: 10, timestamp: '2024-06-03T07:00:00', uncaught: true });
    const logged = event({ line: 50, timestamp: '2024-06-03T08:00:00' });
    assert.equal(primaryEvent([uncaught, logged]), uncaught);
  });

  it('takes an error with all its numbers over a later copy whose numbers a paste limit cut', () => {
    const whole = event({ line: 2 });
    const cut = event({ line: 40, maxBytes: null });
    assert.equal(primaryEvent([whole, cut]), whole);
  });

  it('takes a leak report only when no out-of-memory error is there', () => {
    const leak = event({
      kind: 'leak_report',
      line: 90,
      requestedBytes: null,
      usedBytes: null,
      maxBytes: null,
    });
    const oom = event({ line: 3 });
    assert.equal(primaryEvent([oom, leak]), oom);
    assert.equal(primaryEvent([leak]), leak);
    assert.equal(primaryEvent([]), null);
  });
});
