import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Language, Report } from '../../src/core/types.ts';
import type { Playbook } from '../../src/knowledge/types.ts';
import { factsOf, fillPlaybook, jvmSize, suggestedLimit } from '../../src/playbook/fill.ts';
import { escapeMrkdwn } from '../../src/render/mrkdwn.ts';
import { goldenReport } from '../fixture-files.ts';
import { kb } from '../helpers.ts';

const frameworks = kb.analyzer.frameworks;
const GOLDEN = [
  '000-reactor-netty-load-test',
  '001-grpc-explicit-512m',
  '002-nacos-shaded-grpc',
  '003-copy-not-released',
  '004-inbound-handler-leak',
  'pastes/truncated',
  'pastes/absurd-numbers',
  'pastes/leak-advanced',
  'pastes/grpc-shaded-huge',
  'pastes/jdk8-direct-buffer',
  'pastes/relocated-flink',
];

/** The report with another Netty version and without the chunk-request signal. */
function withVersion(report: Report, nettyVersion: string | null): Report {
  const { 'chunk-request': _, ...signals } = report.signals;
  return { ...report, signals, summary: { ...report.summary, nettyVersion } };
}

describe('jvmSize', () => {
  it('writes whole GiB and MiB as the JVM flags do, and other sizes in bytes', () => {
    assert.deepEqual([1073741824, 12884901888, 536870912, 67108864, 1000].map(jvmSize), [
      '1g',
      '12g',
      '512m',
      '64m',
      '1000',
    ]);
  });
});

describe('suggestedLimit', () => {
  it('doubles a limit under 1 GiB to the next power of two, 64 MiB at least', () => {
    assert.deepEqual(
      [1, 32440320, 268435456, 536870912, 805306368].map(suggestedLimit),
      [67108864, 67108864, 536870912, 1073741824, 2147483648],
    );
  });

  it('adds half to a limit of 1 GiB or more, in whole GiB', () => {
    assert.deepEqual(
      [1073741824, 1610612736, 2147483648, 8232370176].map(suggestedLimit),
      [2147483648, 3221225472, 3221225472, 12884901888],
    );
  });
});

describe('factsOf', () => {
  it('gives every fact seed 000 shows', () => {
    assert.deepEqual(factsOf(goldenReport('000-reactor-netty-load-test'), frameworks), {
      nettyProp: 'io.netty.',
      framework: 'Reactor Netty',
      requested: '16 MiB',
      requestedBytes: '16777216',
      used: '7.66 GiB',
      usedBytes: '8220835847',
      max: '7.67 GiB',
      maxBytes: '8232370176',
      headroom: '11 MiB',
      utilization: '99.9 %',
      thread: 'reactor-http-epoll-8',
      threadPattern: 'reactor-http-epoll-',
      nettyVersion: '4.1.33.Final',
      transport: 'epoll',
      suggestedMax: '12g',
      suggestedMaxBytes: '12884901888',
      chunk: '16 MiB',
      limitEvidence:
        'max 8232370176 ≈ 7.67 GiB，略小于 8 GiB：上限跟随堆大小（-Xmx8g），未设置 MaxDirectMemorySize',
    });
  });

  it('leaves out the facts a cut paste does not show', () => {
    assert.deepEqual(factsOf(goldenReport('pastes/truncated'), frameworks), {
      nettyProp: 'io.netty.',
      framework: 'Netty',
      requested: '16 MiB',
      requestedBytes: '16777216',
      thread: 'epollEventLoopGroup-5-2',
      threadPattern: 'epollEventLoopGroup-',
      transport: 'epoll',
      chunk: '16 MiB',
    });
  });

  it('gives the relocated property prefix and the relocation of a shaded Netty', () => {
    assert.deepEqual(factsOf(goldenReport('pastes/grpc-shaded-huge'), frameworks), {
      nettyProp: 'io.grpc.netty.shaded.io.netty.',
      framework: 'gRPC (grpc-java)',
      requested: '32 MiB',
      requestedBytes: '33554432',
      used: '998 MiB',
      usedBytes: '1046478848',
      max: '1 GiB',
      maxBytes: '1073741824',
      headroom: '26 MiB',
      utilization: '97.5 %',
      thread: 'grpc-default-worker-ELG-1-3',
      threadPattern: 'grpc-default-worker-ELG-',
      transport: 'epoll',
      suggestedMax: '2g',
      suggestedMaxBytes: '2147483648',
      shadedPrefix: 'io.grpc.netty.shaded.',
      limitEvidence:
        'max 1073741824 is exactly 1 GiB, a round figure: set by -XX:MaxDirectMemorySize (or io.netty.maxDirectMemory)',
    });
  });

  it('gives no headroom when used is past the limit, and says so in the utilization', () => {
    const facts = factsOf(goldenReport('pastes/absurd-numbers'), frameworks);
    assert.equal(facts.headroom, undefined);
    assert.equal(facts.utilization, '112.5 %');
  });

  it('gives the leak site and the heap max, and no thread pattern for a thread without numbers', () => {
    const leak = factsOf(goldenReport('pastes/leak-advanced'), frameworks);
    assert.equal(
      leak.leakSite,
      'com.example.gateway.filter.RequestBodyLoggingFilter.lambda$filter$2(RequestBodyLoggingFilter.java:64)',
    );
    assert.equal(factsOf(goldenReport('004-inbound-handler-leak'), frameworks).heapMax, '8 GiB');
    const main = factsOf(goldenReport('003-copy-not-released'), frameworks);
    assert.deepEqual([main.thread, main.threadPattern], ['main', undefined]);
  });

  it('names the application by its package when no catalogued product called Netty', () => {
    assert.equal(factsOf(goldenReport('003-copy-not-released'), frameworks).framework, 'com.hx.test12');
  });

  it('names Netty when no framework was detected', () => {
    const r = goldenReport('pastes/truncated');
    assert.equal(factsOf({ ...r, summary: { ...r.summary, frameworks: [] } }, frameworks).framework, 'Netty');
  });

  it('gives the pooled chunk size of the Netty version when the request was not a chunk', () => {
    const r = goldenReport('000-reactor-netty-load-test');
    assert.deepEqual(
      ['4.0.56.Final', '4.1.74.Final', '4.1.75.Final', '4.1.100.Final', '4.2.1.Final'].map(
        (v) => factsOf(withVersion(r, v), frameworks).chunk,
      ),
      ['16 MiB', '16 MiB', '4 MiB', '4 MiB', '4 MiB'],
    );
    assert.equal(factsOf(withVersion(r, null), frameworks).chunk, undefined);
  });
});

/** A playbook to test the filling rules on, with steps that need more and more facts. */
const PLAYBOOK: Playbook = {
  id: 'test-fill',
  title: { en: 'Title', zh: '标题' },
  summary: { en: 'Summary', zh: '摘要' },
  scenarios: ['leak-unreleased-bytebuf'],
  frameworks: [],
  steps: [
    { kind: 'check', text: { en: '`{{thread}}` on {{framework}}', zh: '`{{thread}}` 在 {{framework}} 上' } },
    {
      kind: 'act',
      text: { en: 'Raise it to {{suggestedMax}}', zh: '调到 {{suggestedMax}}' },
      fallback: { en: 'Raise it', zh: '调大' },
      command: '-XX:MaxDirectMemorySize={{suggestedMax}}',
      commandFallback: '-XX:MaxDirectMemorySize=<size>',
    },
    {
      kind: 'verify',
      text: { en: 'Look at {{leakSite}}', zh: '查看 {{leakSite}}' },
      command: 'grep -n "{{leakSite}}" app.log',
    },
    { kind: 'escalate', text: { en: 'Heap {{heapMax}}', zh: '堆 {{heapMax}}' } },
  ],
  references: ['https://netty.io/wiki/reference-counted-objects.html'],
  file: 'test-fill.yml',
};

/** The report as if the evidence had decided that the limit is the cause. */
function limitDecided(report: Report): Report {
  const top = { scenario: 'undersized-limit' as const, confidence: 0.8, evidence: ['x'], signals: [] };
  return { ...report, findings: [top], verdict: { decided: true, questions: [] } };
}

describe('fillPlaybook', () => {
  it('fills every step whose facts the report has', () => {
    const r = limitDecided(goldenReport('000-reactor-netty-load-test'));
    assert.deepEqual(fillPlaybook(PLAYBOOK, r, frameworks, 'en'), {
      id: 'test-fill',
      title: 'Title',
      summary: 'Summary',
      steps: [
        { kind: 'check', text: '`reactor-http-epoll-8` on Reactor Netty', command: null },
        { kind: 'act', text: 'Raise it to 12g', command: '-XX:MaxDirectMemorySize=12g' },
      ],
      references: ['https://netty.io/wiki/reference-counted-objects.html'],
    });
  });

  it('advises a larger limit only when the evidence decided the limit is the cause', () => {
    const undecided = goldenReport('000-reactor-netty-load-test');
    assert.equal(undecided.verdict?.decided, false);
    const kinds = (r: Report) => fillPlaybook(PLAYBOOK, r, frameworks, 'en').steps.map((s) => s.kind);
    assert.deepEqual(kinds(undecided), ['check']);
    assert.deepEqual(kinds(limitDecided(undecided)), ['check', 'act']);
    assert.deepEqual(kinds(goldenReport('pastes/leak-advanced')), ['check', 'verify'], 'never for a leak');
  });

  it('rephrases a step whose facts are missing, and drops one with no words for it', () => {
    const r = limitDecided(goldenReport('pastes/leak-advanced'));
    assert.deepEqual(fillPlaybook(PLAYBOOK, r, frameworks, 'zh').steps, [
      { kind: 'check', text: '`reactor-http-epoll-2` 在 Reactor Netty 上', command: null },
      { kind: 'act', text: '调大', command: '-XX:MaxDirectMemorySize=<size>' },
      {
        kind: 'verify',
        text: '查看 com.example.gateway.filter.RequestBodyLoggingFilter.lambda$filter$2(RequestBodyLoggingFilter.java:64)',
        command:
          'grep -n "com.example.gateway.filter.RequestBodyLoggingFilter.lambda$filter$2(RequestBodyLoggingFilter.java:64)" app.log',
      },
    ]);
  });

  it('escapes facts for the reply markup in the text and leaves them as they are in the command', () => {
    const r = goldenReport('pastes/leak-advanced');
    const site =
      'io.netty.buffer.UnpooledByteBufAllocator$InstrumentedUnpooledUnsafeNoCleanerDirectByteBuf.<init>(x.java:1)';
    const leak = { ...r, summary: { ...r.summary, leakSites: [{ frame: site, count: 1 }] } };
    const step = fillPlaybook(PLAYBOOK, leak, frameworks, 'en', escapeMrkdwn).steps.find(
      (s) => s.kind === 'verify',
    );
    assert.deepEqual(step, {
      kind: 'verify',
      text: `Look at ${site.replace('<init>', '&lt;init&gt;')}`,
      command: `grep -n "${site}" app.log`,
    });
  });

  it('never leaves a hole in a real playbook, for any report, in either language', () => {
    for (const golden of GOLDEN) {
      const r = goldenReport(golden);
      for (const p of kb.playbooks) {
        for (const lang of ['en', 'zh'] as Language[]) {
          for (const s of fillPlaybook(p, r, frameworks, lang).steps) {
            const where = `${p.id} for ${golden} (${lang})`;
            assert.ok(s.text !== '' && !s.text.includes('{{'), `${where}: ${s.text}`);
            assert.ok(s.command === null || !s.command.includes('{{'), `${where}: ${s.command}`);
          }
        }
      }
    }
  });
});
