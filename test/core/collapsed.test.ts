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

  it('splits the exception that heads the trace from the prose before it, not the one its message names', () => {
    const prose = 'broadcast to 1600 clients, the direct buffer keeps growing. ### Actual behavior';
    const head =
      'reactor.netty.ReactorNetty$InternalNettyException: io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: 1035993095, max: 1037959168)';
    const frames = [
      'at io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:725)',
      'at io.netty.buffer.PoolArena.allocate(PoolArena.java:227)',
    ];
    assert.deepEqual(splitCollapsed([prose, head, ...frames].join(' ')), [
      prose,
      head,
      ...frames.map((f) => `\t${f}`),
    ]);
  });

  it('splits a leak record collapsed onto one line before its marks and its frames, printed without `at`', () => {
    const record = [
      'Recent access records:',
      '#1:',
      'io.grpc.netty.shaded.io.netty.buffer.AdvancedLeakAwareByteBuf.writeBytes(AdvancedLeakAwareByteBuf.java:616)',
      'io.grpc.internal.MessageFramer.writeRaw(MessageFramer.java:290)',
      'Created at:',
      'io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(PooledByteBufAllocator.java:331)',
    ];
    assert.deepEqual(
      splitCollapsed(record.join(' ')),
      record.map((l) => (l.includes('(') ? `\t${l}` : l)),
    );
  });

  it('leaves a line with one frame or none whole, prose included', () => {
    for (const line of [
      '\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:214) ~[netty-buffer-4.1.33.Final.jar!/:4.1.33.Final]',
      'look at the arena first, then at the chunk list',
      'we call io.netty.buffer.ByteBuf.release(ByteBuf.java:10) and com.acme.Handler.read(Handler.java:5) twice',
    ]) {
      assert.deepEqual(splitCollapsed(line), [line]);
    }
  });
});
