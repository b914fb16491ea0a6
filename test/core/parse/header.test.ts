import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mask } from '../../../src/core/mask/index.ts';
import { type Header, parseHeader } from '../../../src/core/parse/header.ts';
import { fixtureLine } from '../../fixture-files.ts';

const header = (timestamp: string | null, thread: string | null, level: string | null): Header => ({
  timestamp,
  thread,
  level,
});

describe('parseHeader', () => {
  it('reads logback’s default pattern: date, thread in brackets, level', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('seeds/000-reactor-netty-load-test.txt', 12)),
      header('2019-10-29T11:10:49.730', 'reactor-http-epoll-8', 'WARN'),
    );
  });

  it('reads log4j2’s pattern with comma millis and the level before the thread', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('pastes/grpc-shaded-huge.txt', 2)),
      header('2024-03-12T03:41:07.498', 'grpc-default-worker-ELG-1-3', 'DEBUG'),
    );
  });

  it('passes over brackets that end in a colon, such as an empty MDC key', () => {
    // `&gt; ` is Slack's quote marker, which the normalizer removes before any header is read.
    const line = fixtureLine('pastes/slack-quoted.txt', 1).replace(/^&gt; /, '');
    assert.deepEqual(
      parseHeader(line),
      header('2021-06-17T11:02:11.540', 'grpc-default-worker-ELG-4-11', 'WARN'),
    );
  });

  it('reads a thread name with spaces and parentheses', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('pastes/relocated-flink.txt', 2)),
      header('2023-09-19T04:12:55.318', 'Flink Netty Server (0) Thread 0', 'ERROR'),
    );
  });

  it('reads Spring Boot 2’s pattern, thread cut to its last 15 characters after ---', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('pastes/chinese-question.txt', 4)),
      header('2023-08-14T03:12:45.118', 'ctor-http-nio-4', 'ERROR'),
    );
    assert.deepEqual(
      parseHeader(fixtureLine('pastes/scg-caused-by.txt', 1)),
      header('2020-10-21T21:47:09.541', 'or-http-epoll-3', 'INFO'),
    );
  });

  it('reads Spring Boot 3’s ISO timestamp with its zone', () => {
    const line = (JSON.parse(fixtureLine('pastes/docker-json.txt', 2)) as { log: string }).log;
    assert.deepEqual(parseHeader(line), header('2024-03-05T08:14:22.318Z', 'or-http-epoll-2', 'ERROR'));
  });

  it('reads the thread after Spring Boot 3.2’s application name', () => {
    // The example line of Spring Boot's logging reference.
    const line =
      '2025-05-10T01:34:33.608Z  INFO 88909 --- [myapp] [           main] o.s.b.d.f.logexample.MyApplication       : Starting MyApplication using Java 17.0.15 with PID 88909 (/opt/apps/myapp.jar started by myuser in /opt/apps/)';
    assert.deepEqual(parseHeader(line), header('2025-05-10T01:34:33.608Z', 'main', 'INFO'));
  });

  it('reads the thread, not the trace correlation Spring Boot 3.2 prints after it', () => {
    // LOG_CORRELATION_PATTERN: `[<traceId(32)>-<spanId(16)>] `, blank and of the same width outside a trace.
    const traced =
      '2024-05-17T10:00:00.123Z ERROR 1 --- [gateway] [ctor-http-nio-4] [664f2a1be1b94ad6c4a2b0f1e7d3a9c5-c4a2b0f1e7d3a9c5] r.n.http.client.HttpClientConnect       : [9f4c2e71-1, L:/10.244.3.18:47812 - R:order-service/10.96.41.7:8080] The connection observed an error';
    const untraced = traced.replace(/\[664f[^\]]+\]/, `[${' '.repeat(49)}]`);
    assert.deepEqual(parseHeader(traced), header('2024-05-17T10:00:00.123Z', 'ctor-http-nio-4', 'ERROR'));
    assert.deepEqual(parseHeader(untraced), header('2024-05-17T10:00:00.123Z', 'ctor-http-nio-4', 'ERROR'));
  });

  it('reads a pipe-separated pattern with the level and thread in brackets', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('pastes/companion-evidence.txt', 6)),
      header('2024-02-04T08:47:13.207', 'WorkerPetalGroup-9-5', 'WARN'),
    );
    assert.deepEqual(
      parseHeader(fixtureLine('seeds/004-inbound-handler-leak.txt', 245)),
      header('2021-03-02T09:58:59.073', 'pool-11-thread-1', 'INFO'),
    );
  });

  it('reads the timestamp a JSON log record carries, with its offset', () => {
    const line =
      '2021-11-23T14:05:31.872+08:00 [reactor-http-epoll-3] ERROR reactor.netty.transport.ServerTransport - [3b1c7f2e, L:/10.12.4.21:8080 - R:/10.12.9.77:53122] onUncaughtException(SimpleConnection{channel=[id: 0x3b1c7f2e, L:/10.12.4.21:8080 - R:/10.12.9.77:53122]})';
    assert.deepEqual(
      parseHeader(line),
      header('2021-11-23T14:05:31.872+08:00', 'reactor-http-epoll-3', 'ERROR'),
    );
  });

  it('reads the time alone when the log has no date, and no thread where none is shown', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('seeds/003-copy-not-released.txt', 463)),
      header('16:17:09.780', null, 'ERROR'),
    );
  });

  it('reads the thread of an uncaught exception', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('seeds/003-copy-not-released.txt', 13)),
      header(null, 'main', null),
    );
  });

  it('takes no process id for a thread, and no word that is not a level for one', () => {
    // A PostgreSQL line between the gateway's lines in a docker compose log, prefix removed.
    assert.deepEqual(
      parseHeader('2021-04-02 02:17:42.114 UTC [88] LOG:  checkpoint starting: time'),
      header('2021-04-02T02:17:42.114', null, null),
    );
  });

  it('reads nothing from lines that are not log headers', () => {
    for (const line of [
      fixtureLine('seeds/000-reactor-netty-load-test.txt', 14),
      fixtureLine('pastes/companion-evidence.txt', 67),
      fixtureLine('pastes/syslog-single-line.txt', 1),
      '',
    ]) {
      assert.deepEqual(parseHeader(line), header(null, null, null), line);
    }
  });

  it('does not take a bracket for a thread when the line has no timestamp', () => {
    assert.deepEqual(
      parseHeader('[pod/gateway-7d9f8b6c5-x2kqp/gateway] restarting'),
      header(null, null, null),
    );
  });
  it('reads a thread in brackets after an application name, before the level', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p008.txt', 1)),
      header('09:10:51.198', 'reactor-http-epoll-4', 'ERROR'),
    );
  });

  it('reads a thread without brackets beside the level, with the logger after it', () => {
    // log4j `%d{yy/MM/dd HH:mm:ss.SSS} %t %p %c{1}:` (Spark's test layout)
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p044.txt', 3)),
      header('2016-09-05T08:21:56.758', 'shuffle-server-593-8', 'WARN'),
    );
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p087.txt', 1)),
      header('21:50:14.061', 'GcmChannelsPerAppEVG-1-2', 'WARN'),
    );
    // `%d [%p] %t %c -`; the inline-code backtick goes in the normalizer.
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p084.txt', 3).slice(1)),
      header('2019-07-22T10:51:32.851', 'pollEventLoopGroup-3-3', 'ERROR'),
    );
  });

  it('takes no logger and no message word for a thread', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p041.txt', 4)),
      header('2021-08-16T17:47:40.952', null, 'WARN'),
    );
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p053.txt', 6)),
      header('2016-10-12T02:47:54.770', null, 'WARN'),
    );
    assert.deepEqual(
      parseHeader(
        '[ERROR] Failed to execute goal on project gateway: Could not resolve dependencies [help 1]',
      ),
      header(null, null, 'ERROR'),
    );
  });

  it('reads a thread in brackets before the level when the layout has no timestamp', () => {
    assert.deepEqual(parseHeader(fixtureLine('corpus/p045.txt', 2)), header(null, 'cb-io-1-2', 'WARN'));
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p073.txt', 1)),
      header(null, 'reactor-http-epoll-4', 'ERROR'),
    );
  });

  it('reads Spring Boot’s thread when the timestamp was left out of the copy', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p063.txt', 4).slice(1).trim()),
      header(null, 'ctor-http-nio-1', 'ERROR'),
    );
  });

  it('reads the level printed before the timestamp (log4j `%-5p %d [%t]`)', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p062.txt', 1).slice(1)),
      header('2020-07-02T18:56:02.131', 'reactor-http-nio-1', 'ERROR'),
    );
  });

  it('reads a timestamp after a marker cell, with its millis after a colon', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p090.txt', 2)),
      header('2023-05-31T22:57:55.286', 'reactor-http-epoll-2', 'ERROR'),
    );
  });

  it('reads a date written out with the month’s name', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p075.txt', 4)),
      header('2019-08-12T15:06:07', 'reactor-http-server-epoll-12', 'WARN'),
    );
    assert.deepEqual(
      parseHeader('Jan 21, 2019 1:09:40 PM herddb.cluster.BookkeeperCommitLog$CommitFileWriter writeNoop'),
      header('2019-01-21T13:09:40', null, null),
    );
  });

  it('reads JBoss’s thread in parentheses after the category', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p036.txt', 4).replace('[0m', '')),
      header('04:11:24.499', 'HotRodServerWorker-43', 'ERROR'),
    );
  });

  it('reads finagle’s level letter, time and thread (linkerd)', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p032.txt', 3).replace('linkerd[2410]: ', '')),
      header('14:10:26.714', 'THREAD42', 'WARN'),
    );
  });

  it('reads the thread cell after the level cell of a pipe-separated layout (Karaf)', () => {
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p101.txt', 3).slice('15:30:51 '.length)),
      header('2017-01-10T15:21:02.070', 'ult-dispatcher-3', 'ERROR'),
    );
  });
  it('reads a thread whose name held an address that masking replaced', () => {
    const line = mask(fixtureLine('corpus/p056.txt', 1));
    assert.deepEqual(
      parseHeader(line),
      header('2025-03-20T02:10:27.567', 'Redisx-FromEventLoop-‹ip›:6379-1', 'ERROR'),
    );
    assert.deepEqual(
      parseHeader(mask('2024-06-03 06:00:07.402 connected from 10.21.201.38 to the order gateway')),
      header('2024-06-03T06:00:07.402', null, null),
    );
  });
  it('reads the layouts of Netty’s common hosts: Cassandra, WildFly and Quarkus, Elasticsearch 7', () => {
    assert.deepEqual(
      parseHeader(
        'ERROR [epollEventLoopGroup-2-3] 2019-06-11 10:02:41,215 Message.java:629 - Unexpected exception during request; channel = [id: 0x8f6c5c2a]',
      ),
      header(null, 'epollEventLoopGroup-2-3', 'ERROR'),
    );
    assert.deepEqual(
      parseHeader(
        '10:15:02,311 ERROR [io.undertow.request] (default task-12) UT005023: Exception handling request',
      ),
      header('10:15:02.311', 'default task-12', 'ERROR'),
    );
    assert.deepEqual(
      parseHeader(
        '[2020-03-04T11:20:30,123][WARN ][o.e.t.TcpTransport       ] [node-1] exception caught on transport layer',
      ),
      header('2020-03-04T11:20:30.123', null, 'WARN'),
    );
  });

  it('reads a bracketed level before the timestamp, and no diagnostic context for a thread', () => {
    assert.deepEqual(
      parseHeader('[ERROR] 2024-01-02 10:00:00.123 [reactor-http-nio-3] c.e.Gateway - upstream failed'),
      header('2024-01-02T10:00:00.123', 'reactor-http-nio-3', 'ERROR'),
    );
    assert.deepEqual(
      parseHeader(fixtureLine('corpus/p051.txt', 2)),
      header('2016-09-21T15:07:43.063', null, 'ERROR'),
    );
  });
  it('reads the thread in Akka’s, Dubbo’s and ZooKeeper’s layouts', () => {
    assert.deepEqual(
      parseHeader(
        '[ERROR] [01/10/2017 15:21:02.070] [opendaylight-cluster-data-akka.actor.default-dispatcher-3] [akka://opendaylight-cluster-data/system/remote] Aeron error',
      ),
      header('2017-01-10T15:21:02.070', 'opendaylight-cluster-data-akka.actor.default-dispatcher-3', 'ERROR'),
    );
    assert.deepEqual(
      parseHeader(
        '[19/09/24 10:03:11:482 CST] NettyServerWorker-3-1  WARN transport.AbstractServer:  [DUBBO] exceptionCaught',
      ),
      header('2019-09-24T10:03:11.482', 'NettyServerWorker-3-1', 'WARN'),
    );
    assert.deepEqual(
      parseHeader(
        '2021-03-01 10:00:00,123 [myid:1] - WARN  [nioEventLoopGroup-4-1:NettyServerCnxnFactory$CnxnChannelHandler@145] - Exception caught',
      ),
      header('2021-03-01T10:00:00.123', 'nioEventLoopGroup-4-1', 'WARN'),
    );
  });
});
