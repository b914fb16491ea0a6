import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frameName, parseFrame } from '../../../src/core/parse/frame.ts';
import { fixtureLine } from '../../fixture-files.ts';

describe('parseFrame', () => {
  it('reads a frame without its jar suffix', () => {
    assert.equal(
      parseFrame(fixtureLine('seeds/000-reactor-netty-load-test.txt', 16)),
      'io.netty.buffer.PoolArena$DirectArena.allocateDirect(PoolArena.java:769)',
    );
  });

  it('reads frames indented with spaces, as in CRLF and e-mail copies', () => {
    assert.equal(
      parseFrame(fixtureLine('pastes/crlf.txt', 2).replace(/\r$/, '')),
      'io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:742)',
    );
  });

  it('drops the module of a JDK 9+ frame', () => {
    assert.equal(
      parseFrame(fixtureLine('pastes/jdk17-cannot-reserve.txt', 4)),
      'java.nio.DirectByteBuffer.<init>(DirectByteBuffer.java:121)',
    );
    assert.equal(
      parseFrame('\tat java.base@17.0.2/java.nio.Bits.reserveMemory(Bits.java:178)'),
      'java.nio.Bits.reserveMemory(Bits.java:178)',
    );
    assert.equal(
      parseFrame('\tat app//com.acme.orders.OrderHandler.channelRead(OrderHandler.kt:42)'),
      'com.acme.orders.OrderHandler.channelRead(OrderHandler.kt:42)',
    );
  });

  it('reads native frames', () => {
    assert.equal(
      parseFrame(fixtureLine('pastes/neg-metaspace.txt', 3)),
      'java.lang.ClassLoader.defineClass1(Native Method)',
    );
  });

  it('reads a JDK 8 lambda frame as its lambda class, without the number that changes each run', () => {
    // From a JDK 8 "Java heap space" trace: the class after the slash is the lambda's, not a module.
    assert.equal(
      parseFrame('\tat com.blue.fish.example.jvm.JvmOomThread$$Lambda$1/2093631819.run(Unknown Source)'),
      'com.blue.fish.example.jvm.JvmOomThread$$Lambda$1.run(Unknown Source)',
    );
    assert.equal(
      parseFrame('        at Main$$Lambda$1/0x0000000800c00a08.run(Unknown Source)'),
      'Main$$Lambda$1.run(Unknown Source)',
    );
  });

  it('reads the bare frames of a LEAK record, which need a package to count', () => {
    assert.equal(
      parseFrame(fixtureLine('pastes/leak-advanced.txt', 5)),
      'com.example.gateway.filter.RequestBodyLoggingFilter.lambda$filter$2(RequestBodyLoggingFilter.java:69)',
    );
    assert.equal(
      parseFrame(fixtureLine('pastes/leak-advanced.txt', 39)),
      'java.lang.Thread.run(Thread.java:833)',
    );
    assert.equal(parseFrame('Thread.run(Thread.java:833)'), null);
    assert.equal(parseFrame('at Thread.run(Thread.java:833)'), 'Thread.run(Thread.java:833)');
  });

  it('reads generated code without a source file', () => {
    assert.equal(
      parseFrame('\tat com.acme.orders.OrderHandler$$FastClassBySpringCGLIB$$1.<init>(<generated>)'),
      'com.acme.orders.OrderHandler$$FastClassBySpringCGLIB$$1.<init>(<generated>)',
    );
  });

  it('takes no other line for a frame', () => {
    for (const line of [
      fixtureLine('pastes/scg-caused-by.txt', 66),
      fixtureLine('pastes/scg-caused-by.txt', 75),
      fixtureLine('pastes/leak-advanced.txt', 3),
      fixtureLine('seeds/000-reactor-netty-load-test.txt', 13),
      'see io.netty.buffer.PoolArena.allocate(PoolArena.java:214) for details',
      '\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:214',
      '\tat io.netty.buffer.PoolArena.allocate (PoolArena.java:214)',
      '\tat io.netty.buffer.PoolArena.allocate(Pool Arena)',
      '\tat (PoolArena.java:214)',
      'at x',
    ]) {
      assert.equal(parseFrame(line), null, line);
    }
  });
});

describe('frameName', () => {
  it('is the class and method of a frame, without its location', () => {
    assert.equal(
      frameName('io.netty.buffer.PoolArena$DirectArena.newChunk(PoolArena.java:745)'),
      'io.netty.buffer.PoolArena$DirectArena.newChunk',
    );
    assert.equal(frameName('com.acme.Handler.read'), 'com.acme.Handler.read');
  });
});
