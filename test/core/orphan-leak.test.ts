import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OrphanLeakReader } from '../../src/core/orphan-leak.ts';
import { parseFrame } from '../../src/core/parse/frame.ts';
import type { ScannedEvent } from '../../src/core/scanner.ts';
import { fixtureLines } from '../fixture-files.ts';

/** Lines read as the scanner reads them with no event open: the leak event they open, if any. */
function read(lines: string[]): { event: ScannedEvent | null; at: number } {
  const reader = new OrphanLeakReader();
  for (const [i, raw] of lines.entries()) {
    const t = raw.trim();
    const frame = parseFrame(t);
    if (frame) {
      const event = reader.frame(frame, !t.startsWith('at '), i + 1);
      if (event) return { event, at: i + 1 };
    } else reader.heading(t, i + 1);
  }
  return { event: null, at: 0 };
}

describe('OrphanLeakReader', () => {
  it('reads bare frames that start at a buffer allocation as a leak record without its header', () => {
    const { event, at } = read(fixtureLines('corpus/p068.txt', 4, 12));
    assert.equal(at, 3, 'the third bare frame confirms the record');
    assert.equal(event?.kind, 'leak_report');
    assert.deepEqual(event?.records, [
      {
        created: true,
        frames: [
          'io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:331)',
          'io.netty.buffer.AbstractByteBufAllocator.directBuffer(AbstractByteBufAllocator.java:185)',
        ],
      },
    ]);
  });

  it('reads a record heading followed by a relocated buffer’s frame', () => {
    const { event } = read(fixtureLines('corpus/p065.txt', 5, 8));
    assert.equal(event?.exceptionClass, 'io.grpc.netty.shaded.io.netty.util.ResourceLeakDetector');
    assert.deepEqual(event?.records, [{ created: false, frames: [] }]);
  });

  it('reads no leak where the record is not a buffer’s, or the frames are a trace’s', () => {
    assert.equal(
      read([
        'Created at:',
        '\tio.netty.handler.ssl.ReferenceCountedOpenSslEngine.<init>(ReferenceCountedOpenSslEngine.java:345)',
      ]).event,
      null,
    );
    assert.equal(
      read([
        '\tat io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:331)',
        '\tat io.netty.buffer.AbstractByteBufAllocator.directBuffer(AbstractByteBufAllocator.java:185)',
        '\tat io.netty.buffer.AbstractByteBufAllocator.directBuffer(AbstractByteBufAllocator.java:176)',
      ]).event,
      null,
    );
  });

  it('needs more than one bare frame: a frame quoted in a sentence is not a record', () => {
    assert.equal(
      read([
        'io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:331)',
        'is where it allocates, right?',
      ]).event,
      null,
    );
  });
});
