import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitCollapsed } from '../../src/core/collapsed.ts';
import { fixtureLine } from '../fixture-files.ts';

describe('splitCollapsed', () => {
  it('splits a trace collapsed onto one line before each frame', () => {
    const lines = splitCollapsed(fixtureLine('corpus/p061.txt', 1).replace(/^`|`$/g, ''));
    assert.deepEqual(lines.slice(0, 3), [
      'java.lang.OutOfMemoryError: Cannot reserve 2097152 bytes of direct buffer memory (allocated: 8521715, limit: 10485760)',
      '\tat java.base/java.nio.Bits.reserveMemory(Unknown Source) ~[na:na]',
      '\tat java.base/java.nio.DirectByteBuffer.<init>(Unknown Source) ~[na:na]',
    ]);
  });

  it('splits two frames copied side by side', () => {
    assert.deepEqual(splitCollapsed(fixtureLine('corpus/p077.txt', 8)), [
      '\tat io.netty.buffer.UnpooledDirectByteBuf.<init>(UnpooledDirectByteBuf.java:64)',
      '\tat io.netty.buffer.UnpooledUnsafeDirectByteBuf.<init>(UnpooledUnsafeDirectByteBuf.java:41)',
    ]);
  });

  it('splits a chained cause that follows the frames', () => {
    assert.deepEqual(
      splitCollapsed(
        'at a.B.c(B.java:1) at a.B.d(B.java:2) Caused by: java.lang.OutOfMemoryError: Direct buffer memory',
      ),
      [
        '\tat a.B.c(B.java:1)',
        '\tat a.B.d(B.java:2)',
        'Caused by: java.lang.OutOfMemoryError: Direct buffer memory',
      ],
    );
  });

  it('leaves a line with one frame or none whole, prose included', () => {
    for (const line of [
      '\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:214) ~[netty-buffer-4.1.33.Final.jar!/:4.1.33.Final]',
      'look at the arena first, then at the chunk list',
    ]) {
      assert.deepEqual(splitCollapsed(line), [line]);
    }
  });
});
