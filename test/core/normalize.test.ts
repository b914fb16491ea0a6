import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CleanLine,
  cutAroundSignatures,
  MAX_PARSE_LINE,
  MAX_RAW_LINE,
  Normalizer,
  unwrapHardWrapped,
} from '../../src/core/normalize.ts';
import { fixture, fixtureLine, fixtureLines } from '../fixture-files.ts';

/** Feed physical lines numbered from `first`, as the analyzer does, and collect what comes out. */
function normalize(lines: string[], first = 1): { out: CleanLine[]; cutLines: number } {
  const out: CleanLine[] = [];
  const n = new Normalizer((l) => out.push(l));
  lines.forEach((l, i) => {
    n.push(l, first + i);
  });
  n.end();
  return { out, cutLines: n.stats.cutLines };
}

/** Lines `first..last` of a fixture, normalized with their own line numbers. */
function normalizeFixture(path: string, first: number, last: number = first): CleanLine[] {
  return normalize(fixtureLines(path, first, last), first).out;
}

const OODM_000 =
  'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 8220835847, max: 8232370176)';
const OODM_001 =
  'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 520093983, max: 536870912)';

describe('normalize: Slack', () => {
  it('turns &lt; &gt; &amp; back into the characters Slack escaped', () => {
    assert.deepEqual(normalizeFixture('pastes/slack-escaped.txt', 7), [
      {
        text: '\tat io.netty.buffer.PoolChunk.<init>(PoolChunk.java:148) ~[netty-buffer-4.1.33.Final.jar!/:4.1.33.Final]',
        line: 7,
      },
    ]);
    assert.deepEqual(normalizeFixture('pastes/slack-escaped.txt', 24), [
      {
        text: 'restarted both pods for now & bumped the memory limit, no idea what ate it. this is spring cloud gateway on reactor-netty',
        line: 24,
      },
    ]);
  });

  it('undoes one level of escaping only: &amp;lt; was a literal &lt; in the original', () => {
    assert.deepEqual(normalize(['if (a &amp;lt; b)']).out, [{ text: 'if (a &lt; b)', line: 1 }]);
  });

  it('drops code fences that touch the first and last trace lines, keeping the lines', () => {
    const out = normalizeFixture('pastes/slack-escaped.txt', 2, 3);
    assert.equal(out[0]?.text.startsWith('2019-10-29 11:10:49.730 [reactor-http-epoll-8] WARN  '), true);
    assert.deepEqual(out[1], { text: OODM_000, line: 3 });
    assert.deepEqual(normalizeFixture('pastes/slack-escaped.txt', 23), [
      {
        text: '\tat io.netty.util.concurrent.SingleThreadEventExecutor$5.run(SingleThreadEventExecutor.java:905) [netty-common-4.1.33.Final.jar!/:4.1.33.Final]',
        line: 23,
      },
    ]);
  });

  it('turns a fence on a line of its own, with or without a language, into a blank line', () => {
    assert.deepEqual(normalizeFixture('seeds/000-reactor-netty-load-test.txt', 11), [{ text: '', line: 11 }]);
    assert.deepEqual(normalizeFixture('seeds/001-grpc-explicit-512m.txt', 5), [{ text: '', line: 5 }]);
  });

  it('strips the quote marker of a Slack quote, entity-escaped as it arrives', () => {
    assert.deepEqual(normalizeFixture('pastes/slack-quoted.txt', 2, 3), [
      { text: OODM_001, line: 2 },
      {
        text: '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:624)',
        line: 3,
      },
    ]);
  });

  it('strips up to three nested quote markers and keeps a fourth', () => {
    assert.deepEqual(normalize(['> > > x', '>>>> y', '>no space']).out, [
      { text: 'x', line: 1 },
      { text: '> y', line: 2 },
      { text: 'no space', line: 3 },
    ]);
  });

  it('spells out a Slack link as its address and leaves other angle brackets alone', () => {
    assert.deepEqual(normalizeFixture('seeds/004-inbound-handler-leak.txt', 316), [
      { text: 'License GPLv3+: GNU GPL version 3 or later http://gnu.org/licenses/gpl.html', line: 316 },
    ]);
    assert.deepEqual(
      normalize([
        'See <https://netty.io/wiki/reference-counted-objects.html|netty.io/wiki/reference-counted-objects.html> for more information.',
        'cc <@U024BE7LH> on java.nio.DirectByteBuffer.<init>',
      ]).out,
      [
        { text: 'See https://netty.io/wiki/reference-counted-objects.html for more information.', line: 1 },
        { text: 'cc <@U024BE7LH> on java.nio.DirectByteBuffer.<init>', line: 2 },
      ],
    );
  });
});

describe('normalize: log shippers and containers', () => {
  it('splits an rsyslog record at #012, turns #011 into tabs and drops the syslog prefix', () => {
    const out = normalizeFixture('pastes/syslog-single-line.txt', 3);
    // The same seed-001 trace, pasted as a Slack quote, reads line for line the same after its header.
    const quoted = normalizeFixture('pastes/slack-quoted.txt', 2, 22).map((l) => ({ ...l, line: 3 }));
    assert.deepEqual(out, [
      {
        text: '2021-06-17 11:02:11,540 [grpc-default-worker-ELG-4-11] WARN  io.netty.channel.DefaultChannelPipeline - An exceptionCaught() event was fired, and it reached at the tail of the pipeline. It usually means the last handler in the pipeline did not handle the exception.',
        line: 3,
      },
      ...quoted,
    ]);
  });

  it('drops the syslog prefix of an ordinary line too: the record inside has its own header', () => {
    assert.deepEqual(normalize([fixtureLine('pastes/syslog-single-line.txt', 2)]).out, [
      {
        text: '2021-06-17 11:02:03,118 [grpc-default-executor-37] INFO  c.e.push.grpc.PushStreamService - stream opened client=edge-node-112 streams=2841',
        line: 1,
      },
    ]);
  });

  it('reads a logstash JSON record as its header line followed by its stack trace', () => {
    const line = fixtureLine('pastes/json-logstash.txt', 4);
    const stack = (JSON.parse(line) as { stack_trace: string }).stack_trace.split('\n');
    assert.deepEqual(normalizeFixture('pastes/json-logstash.txt', 4), [
      {
        text: '2021-11-23T14:05:31.872+08:00 [reactor-http-epoll-3] ERROR reactor.netty.transport.ServerTransport - [3b1c7f2e, L:/10.12.4.21:8080 - R:/10.12.9.77:53122] onUncaughtException(SimpleConnection{channel=[id: 0x3b1c7f2e, L:/10.12.4.21:8080 - R:/10.12.9.77:53122]})',
        line: 4,
      },
      ...stack.map((text) => ({ text, line: 4 })),
    ]);
    assert.equal(
      stack[1],
      '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:802)',
    );
  });

  it('reads ECS records with dotted keys, flat or nested, and a bunyan err.stack', () => {
    const stack = `${OODM_000}\n\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:655)`;
    const flat = JSON.stringify({
      '@timestamp': '2019-10-29T11:10:49.730Z',
      'log.level': 'WARN',
      message: 'An exception was thrown',
      'process.thread.name': 'reactor-http-epoll-8',
      'log.logger': 'io.netty.channel.AbstractChannelHandlerContext',
      'error.stack_trace': stack,
    });
    const nested = JSON.stringify({
      '@timestamp': '2019-10-29T11:10:49.730Z',
      log: { level: 'WARN', logger: 'io.netty.channel.AbstractChannelHandlerContext' },
      process: { thread: { name: 'reactor-http-epoll-8' } },
      message: 'An exception was thrown',
      error: { stack_trace: stack },
    });
    const bunyan = JSON.stringify({ time: 1572347449730, level: 50, msg: 'request failed', err: { stack } });
    const header =
      '2019-10-29T11:10:49.730Z [reactor-http-epoll-8] WARN io.netty.channel.AbstractChannelHandlerContext - An exception was thrown';
    const frame =
      '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:655)';
    assert.deepEqual(normalize([flat, nested, bunyan]).out, [
      { text: header, line: 1 },
      { text: OODM_000, line: 1 },
      { text: frame, line: 1 },
      { text: header, line: 2 },
      { text: OODM_000, line: 2 },
      { text: frame, line: 2 },
      { text: '1572347449730 50 request failed', line: 3 },
      { text: OODM_000, line: 3 },
      { text: frame, line: 3 },
    ]);
  });

  it('keeps braces that are not a JSON log record as they are', () => {
    const lines = ['{not json}', '["an", "array"]', '{"level":"INFO","count":3}', '{}'];
    assert.deepEqual(
      normalize(lines).out,
      lines.map((text, i) => ({ text, line: i + 1 })),
    );
  });

  it('reads Log4j2’s JsonLayout record with its thrown object as a header line and its trace', () => {
    const record = JSON.stringify({
      instant: { epochSecond: 1717398723, nanoOfSecond: 251000000 },
      thread: 'epollEventLoopGroup-2-3',
      level: 'WARN',
      loggerName: 'io.netty.channel.DefaultChannelPipeline',
      message: 'An exceptionCaught() event was fired, and it reached at the tail of the pipeline.',
      thrown: {
        name: 'io.netty.util.internal.OutOfDirectMemoryError',
        message: 'failed to allocate 16777216 byte(s) of direct memory (used: 1056964615, max: 1073741824)',
        extendedStackTrace: [
          {
            class: 'io.netty.util.internal.PlatformDependent',
            method: 'incrementMemoryCounter',
            file: 'PlatformDependent.java',
            line: 843,
          },
        ],
      },
    });
    assert.deepEqual(
      normalize([record]).out.map((l) => l.text),
      [
        '[epollEventLoopGroup-2-3] WARN io.netty.channel.DefaultChannelPipeline - An exceptionCaught() event was fired, and it reached at the tail of the pipeline.',
        'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 1056964615, max: 1073741824)',
        '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:843)',
      ],
    );
  });

  it('reads a JSON record cut short as its header line and the trace its escapes hold', () => {
    // A record cut before its closing brace is no longer JSON; its fields and escaped trace are still read.
    const cut = fixtureLine('pastes/json-logstash.txt', 4).slice(0, 900);
    assert.deepEqual(
      normalize([cut]).out.map((l) => l.text),
      [
        '2021-11-23T14:05:31.872+08:00 [reactor-http-epoll-3] ERROR reactor.netty.transport.ServerTransport - [3b1c7f2e, L:/10.12.4.21:8080 - R:/10.12.9.77:53122] onUncaughtException(SimpleConnection{channel=[id: 0x3b1c7f2e, L:/10.12.4.21:8080 - R:/10.12.9.77:53122]})',
        'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 4110417927, max: 4116185088)',
        '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:802)',
        '\tat io.netty.util.internal.PlatformDependent.allocateDirectNoCleaner(PlatformDependent.java:731)',
        '\tat io.netty.buffer.PoolArena$DirectArena.allocateDirect(PoolArena.java:649)',
        '\tat io.netty.buffer.PoolArena$DirectArena.newChunk(PoolArena.java:624)',
        '\tat io.netty.buffer.PoolArena.allocat',
      ],
    );
  });

  it('reads a logstash record whose newlines were unescaped: fields of its first line, escaped tabs after', () => {
    assert.deepEqual(
      normalizeFixture('corpus/p089.txt', 2, 3).map((l) => l.text),
      [
        '2020-11-06T14:46:49.835Z [reactor-http-epoll-1] ERROR org.springframework.boot.autoconfigure.web.reactive.error.AbstractErrorWebExceptionHandler - [7de5326e-4919504]  500 Server Error for HTTP POST "/web/uploads/temp"',
        'reactor.netty.ReactorNetty$InternalNettyException: java.lang.OutOfMemoryError: Cannot reserve 16777216 bytes of direct buffer memory (allocated: 1057308680, limit: 1073741824)',
        '\tSuppressed: reactor.core.publisher.FluxOnAssembly$OnAssemblyException: ',
      ],
    );
  });

  it('joins a JSON record that a terminal wrapped over several lines', () => {
    const out = normalizeFixture('corpus/p027.txt', 15, 18);
    assert.equal(out.length, 1);
    assert.match(out[0]?.text ?? '', /^15:20:33\.834 \[pulsar-proxy-io-2-1\] WARN .*max: 1073741824\)$/);
    assert.equal(out[0]?.line, 15);
  });

  it('joins an event message whose rest was wrapped onto the next line', () => {
    assert.deepEqual(normalizeFixture('corpus/p004.txt', 1, 2), [
      {
        text: 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 452984839, max: 468189184)',
        line: 1,
      },
    ]);
  });

  it('joins an exception line whose message, or whose numbers, went onto the next line', () => {
    assert.deepEqual(
      normalize([
        'Caused by: java.lang.OutOfMemoryError:',
        'Direct buffer memory',
        'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate',
        '16777216 byte(s) of direct memory (used: 1056964615, max: 1073741824)',
      ]).out.map((l) => l.text),
      [
        'Caused by: java.lang.OutOfMemoryError: Direct buffer memory',
        'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 1056964615, max: 1073741824)',
      ],
    );
  });

  it('lets an unfinished message go line by line when the next line does not finish it', () => {
    const cut =
      'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 4521';
    const frame =
      '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:640)';
    assert.deepEqual(normalize([cut, frame]).out, [
      { text: cut, line: 1 },
      { text: frame, line: 2 },
    ]);
  });

  it('reads the log field of Docker json-file lines, without its trailing newline', () => {
    assert.deepEqual(normalizeFixture('pastes/docker-json.txt', 2, 5), [
      {
        text: '2024-03-05T08:14:22.318Z ERROR 1 --- [or-http-epoll-2] reactor.netty.transport.ServerTransport  : [b7e3c1a2, L:/172.18.0.5:8080 - R:/172.18.0.1:50312] onUncaughtException(SimpleConnection{channel=[id: 0xb7e3c1a2, L:/172.18.0.5:8080 - R:/172.18.0.1:50312]})',
        line: 2,
      },
      { text: '', line: 3 },
      {
        text: 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: 1606418439, max: 1610612736)',
        line: 4,
      },
      {
        text: '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:843) ~[netty-common-4.1.97.Final.jar:4.1.97.Final]',
        line: 5,
      },
    ]);
  });

  it('drops the CRI prefix and joins a partial (P) line to the full (F) line that ends it', () => {
    assert.deepEqual(normalizeFixture('pastes/k8s-cri.txt', 4, 6), [
      {
        text: 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: 2143289351, max: 2147483648)',
        line: 4,
      },
      {
        text: '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:843) ~[netty-common-4.1.86.Final.jar!/:4.1.86.Final]',
        line: 6,
      },
    ]);
  });

  it('emits a partial CRI line left open at the end of the input', () => {
    assert.deepEqual(normalizeFixture('pastes/k8s-cri.txt', 4), [
      {
        text: 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: 21432',
        line: 4,
      },
    ]);
  });

  it('drops the kubectl --prefix pod name', () => {
    assert.deepEqual(normalizeFixture('pastes/kubectl-prefix.txt', 4), [
      {
        text: 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 4194304 byte(s) of direct memory (used: 3217031175, max: 3221225472)',
        line: 4,
      },
    ]);
  });

  it('drops the docker compose service prefix of every service', () => {
    assert.deepEqual(normalizeFixture('pastes/compose-prefix.txt', 2, 3), [
      { text: '2021-04-02 02:17:42.114 UTC [88] LOG:  checkpoint starting: time', line: 2 },
      {
        text: '2021-04-02 02:17:43,015 DEBUG [nioEventLoopGroup-5-1] c.a.g.t.FrameDecoder - frame type=0x21 len=1428 from terminal T-0117',
        line: 3,
      },
    ]);
  });
});

describe('normalize: the sources prefixes named', () => {
  it('keeps each platform prefix once, whatever its time or pid', () => {
    const n = new Normalizer(() => {});
    fixtureLines('pastes/compose-prefix.txt', 1, 6).forEach((l, i) => {
      n.push(l, i + 1);
    });
    n.end();
    assert.deepEqual(n.sources, ['gateway-1  | ', 'postgres-1 | ']);
  });

  it('keeps none when no platform wrapped the lines', () => {
    const n = new Normalizer(() => {});
    n.push('io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s)', 1);
    n.end();
    assert.deepEqual(n.sources, []);
  });
});

describe('normalize: characters', () => {
  it('drops the carriage return of CRLF lines', () => {
    assert.deepEqual(normalizeFixture('pastes/crlf.txt', 1, 2), [
      {
        text: 'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 2130706439, max: 2147483648)',
        line: 1,
      },
      {
        text: '        at io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:742) ~[netty-all-4.1.47.Final.jar!/:4.1.47.Final]',
        line: 2,
      },
    ]);
  });

  it('drops the carriage returns of lines split out of one physical line', () => {
    const crlfInside = `${OODM_000}\r\n\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:655)\r`;
    assert.deepEqual(normalize([crlfInside]).out, [
      { text: OODM_000, line: 1 },
      {
        text: '\tat io.netty.util.internal.PlatformDependent.incrementMemoryCounter(PlatformDependent.java:655)',
        line: 1,
      },
    ]);
  });

  it('removes zero-width, bidi and byte-order marks that split words', () => {
    const line = fixtureLine('pastes/slack-escaped.txt', 3);
    const mangled = `\ufeff${line.replace('OutOfDirect', 'OutOf\u200bDirect\u2060').replace('max:', '\u202emax\u202c:')}`;
    assert.deepEqual(normalize([mangled]).out, [{ text: OODM_000, line: 1 }]);
  });

  it('restores an OutOfMemoryError class retyped with a zero or lower-cased by a translation', () => {
    assert.deepEqual(
      normalize([
        'java.lang.0utOfMemoryError: Direct buffer memory',
        'io.netty.util.internal.outofdirectmemoryerror: failed to allocate 16777216 byte(s) of direct memory (used: 1, max: 2)',
      ]).out.map((l) => l.text),
      [
        'java.lang.OutOfMemoryError: Direct buffer memory',
        'io.netty.util.internal.OutOfDirectMemoryError: failed to allocate 16777216 byte(s) of direct memory (used: 1, max: 2)',
      ],
    );
  });

  it('reads full-width digits as digits', () => {
    const wide = OODM_000.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    assert.notEqual(wide, OODM_000);
    assert.deepEqual(normalize([wide]).out, [{ text: OODM_000, line: 1 }]);
  });

  it('reads a web page’s non-breaking, narrow and ideographic spaces as spaces', () => {
    const copied = OODM_000.replace(' failed', '\u00a0failed').replace(' max', '\u202fmax');
    assert.deepEqual(
      normalize([copied, '\u3000\u3000at io.netty.buffer.PoolArena.allocate(PoolArena.java:147)']).out,
      [
        { text: OODM_000, line: 1 },
        { text: '  at io.netty.buffer.PoolArena.allocate(PoolArena.java:147)', line: 2 },
      ],
    );
  });

  it('keeps the full-width punctuation of Chinese prose as written', () => {
    assert.deepEqual(normalize(['压测时，直接内存（堆外）一直涨：nacos版本：2.0.1']).out, [
      { text: '压测时，直接内存（堆外）一直涨：nacos版本：2.0.1', line: 1 },
    ]);
  });

  it('joins a message a wrap cut inside its words, and the next one it cut too', () => {
    const [a, b] = [OODM_000.slice(0, 59), OODM_000.slice(59)];
    assert.ok(a.endsWith('Error: failed to al'), a);
    assert.deepEqual(normalize([a, b]).out, [{ text: OODM_000, line: 1 }]);
    // `…max: 181` / `6133632) io.netty…Error: failed to allocate 16777` / `216 byte(s)…`
    const twice = `${OODM_001.slice(46)} ${OODM_001}`;
    assert.deepEqual(normalize([twice.slice(0, 80), twice.slice(80, 160), twice.slice(160)]).out, [
      { text: twice, line: 1 },
    ]);
  });

  it('joins numbers wrapped at blanks as one space, where an editor padded the line or a viewer indented the next', () => {
    const [head, tail] = OODM_000.split('max: ') as [string, string];
    assert.deepEqual(normalize([`${head}max:    `, `    ${tail}`]).out, [{ text: OODM_000, line: 1 }]);
  });
});

describe('unwrapHardWrapped', () => {
  it('joins a trace hard-wrapped at 80 columns back into the lines of the original', () => {
    const wrapped = fixture('pastes/wrapped.txt').split('\n').slice(0, -1);
    const original = fixtureLines('seeds/000-reactor-netty-load-test.txt', 12, 32);
    const out = unwrapHardWrapped(wrapped);
    assert.deepEqual(
      out?.map((l) => l.text),
      original,
    );
    assert.deepEqual(
      out?.slice(0, 4).map((l) => l.line),
      [1, 6, 8, 10],
    );
  });

  it('leaves a log that is not wrapped alone', () => {
    assert.equal(unwrapHardWrapped(fixtureLines('pastes/kubectl-prefix.txt', 1, 40)), null);
    assert.equal(unwrapHardWrapped(fixtureLines('seeds/000-reactor-netty-load-test.txt', 12, 32)), null);
  });

  it('needs at least four lines, and a width a terminal or e-mail would wrap at', () => {
    const wrapped = fixture('pastes/wrapped.txt').split('\n');
    assert.equal(unwrapHardWrapped(wrapped.slice(0, 3)), null);
    const narrow = ['a'.repeat(50), 'b'.repeat(50), 'c'.repeat(50), 'd'.repeat(50), 'e'];
    assert.equal(unwrapHardWrapped(narrow), null);
  });
});

describe('cutting over-long lines', () => {
  const filler = (n: number) => 'x'.repeat(n);

  it('keeps the head of an over-long line and the text from just before each signature', () => {
    const line = `${filler(3000)}${OODM_000}${filler(20_000)}`;
    const at = line.indexOf('OutOfDirectMemoryError');
    // A quarter of the limit from the start, then up to a quarter from 200 characters before the signature.
    assert.equal(
      cutAroundSignatures(line, MAX_PARSE_LINE),
      `${line.slice(0, 2048)} … ${line.slice(at - 200, at - 200 + 2048)}`,
    );
  });

  it('keeps a message whole when its signature sits at the end of the head', () => {
    // The head is the first quarter of the limit (2048 characters); this message starts just before it ends.
    for (const at of [1900, 2030, 2047]) {
      const line = `${filler(at - 23)}${OODM_000}${filler(20_000)}`;
      const cut = cutAroundSignatures(line, MAX_PARSE_LINE);
      assert.ok(cut.includes(OODM_000), `message starting at ${at}`);
    }
  });

  it('cuts a line longer than the parse limit and counts it once', () => {
    const line = `${filler(3000)}${OODM_000}${filler(20_000)}`;
    const { out, cutLines } = normalize([line, OODM_000]);
    assert.deepEqual(out, [
      { text: cutAroundSignatures(line, MAX_PARSE_LINE), line: 1 },
      { text: OODM_000, line: 2 },
    ]);
    assert.equal(cutLines, 1);
  });

  it('counts a huge physical line once, however many long lines it splits into', () => {
    const record = `${filler(MAX_PARSE_LINE + 1)}#012${OODM_000}#012${filler(MAX_PARSE_LINE + 1)}`;
    const huge = `${filler(MAX_RAW_LINE)}${record}`;
    assert.equal(normalize([record]).cutLines, 1);
    assert.equal(normalize([huge]).cutLines, 1);
  });
});
