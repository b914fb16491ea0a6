import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitPlatformPrefix, stripPlatformPrefix } from '../../src/core/prefixes.ts';
import { fixtureLine } from '../fixture-files.ts';

const strip = (path: string, n: number) => stripPlatformPrefix(fixtureLine(path, n));

describe('stripPlatformPrefix', () => {
  it('drops journald’s identifier and pid when the date and host were cut off', () => {
    assert.equal(
      strip('corpus/p032.txt', 4),
      'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 1048576 byte(s) of direct memory (used: 1037041958, max: 1037959168)',
    );
  });

  it('drops Heroku’s drain timestamp with the source and dyno', () => {
    assert.equal(strip('corpus/n008.txt', 3), 'java.lang.OutOfMemoryError: GC overhead limit exceeded');
  });

  it('drops Cloud Foundry’s timestamp, instance and stream', () => {
    assert.equal(strip('corpus/n010.txt', 2), '# java.lang.OutOfMemoryError: Metaspace');
  });

  it('drops pm2’s app id and cut name', () => {
    assert.equal(
      strip('corpus/n002.txt', 1),
      'Exception: java.lang.OutOfMemoryError thrown from the UncaughtExceptionHandler in thread "vertx-blocked-thread-checker"',
    );
  });

  it('drops a docker compose service name that carries no instance number', () => {
    assert.equal(
      strip('corpus/p048.txt', 2),
      '\tat org.apache.flink.api.java.ExecutionEnvironment.executeAsync(ExecutionEnvironment.java:1053)',
    );
  });

  it('drops a Jenkins time before the record’s own timestamp and before frames', () => {
    assert.match(strip('corpus/p101.txt', 3), /^2017-01-10 15:21:02,070 \| ERROR \| ult-dispatcher-3 \|/);
    assert.equal(strip('corpus/p101.txt', 4), 'java.lang.OutOfMemoryError: Direct buffer memory');
  });

  it('keeps a time that is the record’s own header', () => {
    const line =
      '16:17:09 [main] ERROR io.netty.util.ResourceLeakDetector - LEAK: ByteBuf.release() was not called';
    assert.equal(stripPlatformPrefix(line), line);
  });

  it('drops Dropwizard’s `! ` before exception lines and frames', () => {
    assert.equal(
      strip('corpus/p051.txt', 3),
      'java.lang.RuntimeException: java.lang.OutOfMemoryError: Direct buffer memory',
    );
    assert.match(strip('corpus/p051.txt', 4), /^at io\.grpc\.internal\.ServerCallImpl\.sendMessage/);
  });

  it('drops the empty cells and time of a table copied from a log viewer', () => {
    assert.equal(
      strip('corpus/p023.txt', 2),
      'at io.netty.buffer.PooledByteBuf.capacity(PooledByteBuf.java:118)',
    );
  });

  it('drops terminal colour codes, with or without their escape byte', () => {
    assert.match(strip('corpus/p036.txt', 4), /^04:11:24,499 ERROR \[org\.infinispan/);
    assert.equal(stripPlatformPrefix('\u001b[31mERROR\u001b[0m boom'), 'ERROR boom');
  });

  it('drops the origin of a Cloud Foundry app as Diego names it, indented as `cf logs` prints it', () => {
    // docs.cloudfoundry.org/devguide/deploy-apps/streaming-logs.html: timestamp, origin, stream, message
    assert.equal(
      stripPlatformPrefix(
        '   2017-11-14T12:16:41.66+0530 [APP/PROC/WEB/0] ERR java.lang.OutOfMemoryError: Direct buffer memory',
      ),
      'java.lang.OutOfMemoryError: Direct buffer memory',
    );
  });

  it('drops the nanosecond time `docker logs -t` puts on every line, continuation lines included', () => {
    // docs.docker.com/reference/cli/docker/container/logs: an RFC3339Nano timestamp, padded to 9 digits
    assert.equal(
      stripPlatformPrefix(
        '2024-03-01T10:00:01.000000000Z     WARN  io.netty.channel.AbstractChannelHandlerContext',
      ),
      '    WARN  io.netty.channel.AbstractChannelHandlerContext',
    );
    assert.equal(stripPlatformPrefix('2024-03-01T10:00:01.123456789Z '), '');
  });

  it('keeps a millisecond time that is the record’s own header, and leaves containerd’s lines to the normalizer', () => {
    const own = '2024-03-01T10:00:01.123Z [reactor-http-epoll-2] ERROR r.n.c.ChannelOperationsHandler - boom';
    assert.equal(stripPlatformPrefix(own), own);
    assert.equal(
      stripPlatformPrefix('2024-03-01T10:00:01.123Z 2024-03-01 10:00:01.123 ERROR 1 --- [main] boom'),
      '2024-03-01 10:00:01.123 ERROR 1 --- [main] boom',
    );
    const cri = '2024-05-17T10:00:00.123456789Z stderr F java.lang.OutOfMemoryError: Direct buffer memory';
    assert.equal(stripPlatformPrefix(cri), cri);
  });

  it('drops the UTC time Jenkins Timestamper writes into a Pipeline log before every line', () => {
    // github.com/jenkinsci/timestamper-plugin/pull/25: `[2020-04-29T13:03:20.725Z] using credential …`
    assert.equal(
      stripPlatformPrefix(
        '[2020-04-29T13:03:20.725Z] \tat io.netty.buffer.PoolArena.allocate(PoolArena.java:147)',
      ),
      '\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:147)',
    );
    assert.equal(
      stripPlatformPrefix('15:30:51 10:00:01.123 [main] ERROR c.e.App - boom'),
      '10:00:01.123 [main] ERROR c.e.App - boom',
    );
  });

  it('drops what grep -n, -rn and -A put before a line: its file, its number, a context line’s dash', () => {
    const record =
      '2024-03-01 10:00:00.123 ERROR 1 --- [ctor-http-nio-4] o.s.w.s.a.HttpWebHandlerAdapter : boom';
    assert.equal(stripPlatformPrefix(`12345:${record}`), record);
    assert.equal(stripPlatformPrefix(`logs/app.log:12345:${record}`), record);
    assert.equal(stripPlatformPrefix(`/var/log/app/gateway.log.1:${record}`), record);
    assert.equal(
      stripPlatformPrefix('app.log-12346-\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:147)'),
      '\tat io.netty.buffer.PoolArena.allocate(PoolArena.java:147)',
    );
    assert.equal(
      stripPlatformPrefix('12347-    WARN  io.netty.channel.Foo'),
      '    WARN  io.netty.channel.Foo',
    );
  });

  it('keeps a time or a date that starts the record: they are not grep’s numbers', () => {
    for (const line of [
      '10:00:00.123 [main] ERROR c.e.App - boom',
      '2021-06-17 11:02:11,540 [grpc-default-worker-ELG-4-11] [sid:] ',
      'java.lang.RuntimeException:io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 1 byte(s)',
    ])
      assert.equal(stripPlatformPrefix(line), line);
  });

  it('keeps a pipe-separated record whose first cell is its level', () => {
    const line = 'ERROR | main | c.e.Foo | failed';
    assert.equal(stripPlatformPrefix(line), line);
  });
});

describe('splitPlatformPrefix', () => {
  it('hands back what it took off, which may name the service (journald, corpus p032)', () => {
    const { prefix, text } = splitPlatformPrefix(fixtureLine('corpus/p032.txt', 4));
    assert.equal(prefix, 'linkerd[2410]: ');
    assert.match(text, /^io\.netty\.util\.internal\.OutOfDirectMemoryError: /);
  });

  it('takes nothing off a line no platform wrapped', () => {
    const line =
      '16:17:09 [main] ERROR io.netty.util.ResourceLeakDetector - LEAK: ByteBuf.release() was not called';
    assert.deepEqual(splitPlatformPrefix(line), { prefix: '', text: line });
  });
});
