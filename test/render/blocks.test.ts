import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer } from '../../src/app/answer.ts';
import type { Report } from '../../src/core/types.ts';
import { type Block, buildReply, headlineOf, LIMITS } from '../../src/render/blocks.ts';
import { fixtureLine, goldenReport } from '../fixture-files.ts';
import { fixture, kb } from '../helpers.ts';

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });
const section = (text: string): Block => ({ type: 'section', text: mrkdwn(text) });
const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });

const seed000 = goldenReport('000-reactor-netty-load-test');
const multi = goldenReport('pastes/multi-trace');
const decided = (report: Report): Report => ({ ...report, verdict: { decided: true, questions: [] } });
const QUESTIONS = [
  {
    id: 'second-reading',
    text: 'A second reading an hour later',
    command: 'jcmd <pid> VM.native_memory summary',
  },
  { id: 'traffic', text: 'What the traffic was when it failed', command: null },
  { id: 'limit-source', text: 'Where the limit comes from', command: 'jcmd <pid> VM.flags' },
  { id: 'versions', text: 'The versions of Netty', command: 'jcmd <pid> VM.system_properties' },
];

describe('buildReply', () => {
  it('answers seed 000 in Chinese: headline, one line of facts, and the decided cause with its evidence', () => {
    const headline =
      '堆外内存耗尽：已用 7.66 GiB / 上限 7.67 GiB，申请 16 MiB 的 chunk 失败 — Reactor Netty, Netty 4.1.33';
    assert.deepEqual(buildReply(decided(seed000), kb.analyzer), {
      blocks: [
        header(headline),
        context('`reactor-http-epoll-8` · epoll · 上限来源：跟随堆大小（未设置）'),
        section('*最可能：负载突增超出容量* — 置信度 36 %\n• 故障发生在压测或流量高峰时（“## 压测”）'),
      ],
      text: headline,
    });
  });

  it('answers a LEAK report with its thread and its evidence, and no numbers it does not have', () => {
    const headline = 'Netty LEAK report: buffers garbage-collected without release() — Reactor Netty';
    assert.deepEqual(buildReply(decided(goldenReport('pastes/leak-advanced')), kb.analyzer), {
      blocks: [
        header(headline),
        context('`reactor-http-epoll-2` · epoll'),
        section(
          '*Most likely: Buffers are not released (leak)* — 74 % confidence\n' +
            '• 1 Netty LEAK report(s): buffers were garbage-collected without release()',
        ),
      ],
      text: headline,
    });
  });

  it('says plainly when nothing is decided: the two leading causes and at most three questions, no evidence', () => {
    const report: Report = { ...seed000, language: 'en', verdict: { decided: false, questions: QUESTIONS } };
    assert.deepEqual(
      buildReply(report, kb.analyzer).blocks.at(-1),
      section(
        '*Not decided yet: most likely a load burst beyond capacity or buffers are not released (leak)*\n' +
          'What would decide it:\n' +
          '• A second reading an hour later\n      `jcmd &lt;pid&gt; VM.native_memory summary`\n' +
          '• What the traffic was when it failed\n' +
          '• Where the limit comes from\n      `jcmd &lt;pid&gt; VM.flags`',
      ),
    );
  });

  it('says what speaks against the runner-up when something does, and nothing about it otherwise', () => {
    const base: Report = { ...seed000, language: 'en' };
    const [top, next] = base.findings;
    assert.ok(top && next);
    const against = 'Used kept growing under the same limit: a small limit would stay full, not grow';
    const report = decided({ ...base, findings: [top, { ...next, against: [against] }] });
    const verdict = buildReply(report, kb.analyzer).blocks.at(-1);
    assert.ok(verdict?.type === 'section');
    assert.equal(
      verdict.text?.text.split('\n').at(-1),
      `_Less likely: Buffers are not released (leak) — ${against}_`,
    );
    const plain = buildReply(
      decided({ ...base, findings: [top, { ...next, against: [] }] }),
      kb.analyzer,
    ).blocks.at(-1);
    assert.ok(plain?.type === 'section');
    assert.doesNotMatch(plain.text?.text ?? '', /Less likely/);
  });

  it('gives at most three pieces of evidence, each cut to a glance, a cut quote closed again', () => {
    const [top] = multi.findings;
    assert.ok(top);
    const quote = `Memory is never given back: “${'the heap is fine and the direct memory keeps growing '.repeat(3)}”`;
    const report = decided({ ...multi, findings: [{ ...top, evidence: [quote, 'two', 'three', 'four'] }] });
    const verdict = buildReply(report, kb.analyzer).blocks.at(-1);
    assert.ok(verdict?.type === 'section');
    assert.deepEqual(verdict.text?.text.split('\n').slice(1), [
      '• Memory is never given back: “the heap is fine and the direct memory keeps growing the heap is…”',
      '• two',
      '• three',
    ]);
  });

  it('puts the notes on the paste after the facts, before the verdict (truncated.txt)', () => {
    const reply = buildReply(decided(goldenReport('pastes/truncated')), kb.analyzer);
    assert.deepEqual(
      reply.blocks.map((b) => b.type),
      ['header', 'context', 'context', 'section'],
    );
    assert.deepEqual(
      reply.blocks[2],
      context('Note: the used number (82208) is cut off in the paste and was ignored'),
    );
  });

  it('escapes mrkdwn in evidence and notes, so a “>” cannot open a quote or a link', () => {
    const absurd = goldenReport('pastes/absurd-numbers');
    const [top] = absurd.findings;
    assert.ok(top);
    const evidence = 'the two counters disagree (used 9 GiB > max 8 GiB)';
    const reply = buildReply(
      decided({ ...absurd, findings: [{ ...top, evidence: [evidence] }] }),
      kb.analyzer,
    );
    const finding = reply.blocks.at(-1);
    assert.ok(finding?.type === 'section');
    assert.match(finding.text?.text ?? '', /\(used 9 GiB &gt; max 8 GiB\)/);
  });

  it('names what it saw instead when no direct-memory error is in the paste', () => {
    const other = fixtureLine('pastes/neg-heap-space.txt', 3);
    const nothing: Report = {
      ...goldenReport('pastes/jdk8-direct-buffer'),
      detected: false,
      findings: [],
      otherErrors: [other],
    };
    const headline = 'No direct-memory OOM or Netty LEAK report found';
    assert.deepEqual(buildReply(nothing, kb.analyzer), {
      blocks: [
        header(headline),
        section(
          'I see java.lang.OutOfMemoryError: Java heap space: that is not a direct-memory problem.\n' +
            'Paste the whole stack trace (with the `failed to allocate … (used: …, max: …)` line), or ask a question with `/netty-oom search`.',
        ),
      ],
      text: headline,
    });
  });

  it('ends with the steps it is given', () => {
    const steps = section('*What to do: …*\n1. one');
    const reply = buildReply(decided(multi), kb.analyzer, [steps]);
    assert.deepEqual(reply.blocks.at(-1), steps);
  });

  it("clips the headline, the verdict and the fallback text to Slack's limits", () => {
    const long = 'x'.repeat(5000);
    const report: Report = decided({
      ...seed000,
      summary: { ...seed000.summary, nettyVersion: long },
      findings: seed000.findings.slice(0, 1).map((f) => ({ ...f, evidence: [long] })),
    });
    const reply = buildReply(report, kb.analyzer);
    const [head, , finding] = reply.blocks;
    assert.ok(head?.type === 'header' && finding?.type === 'section');
    assert.equal(head.text.text.length, LIMITS.header);
    assert.ok((finding.text?.text.length ?? 0) <= LIMITS.sectionText);
    assert.equal(reply.text.length, 3000);
    assert.ok(head.text.text.endsWith('…') && reply.text.endsWith('…'));
  });
});

describe('headlineOf', () => {
  it('says the numbers, the product and the Netty version, by the name the report carries', () => {
    const seed000 = goldenReport('000-reactor-netty-load-test');
    const headline =
      '堆外内存耗尽：已用 7.66 GiB / 上限 7.67 GiB，申请 16 MiB 的 chunk 失败 — Reactor Netty, Netty 4.1.33';
    assert.equal(headlineOf(seed000, kb.analyzer), headline);
    assert.equal(headlineOf(seed000), headline);
    assert.equal(
      headlineOf(goldenReport('pastes/relocated-flink'), kb.analyzer),
      'Direct memory exhausted: 253 MiB of 256 MiB used, a 4 MiB chunk refused — Apache Flink',
    );
  });

  it('names a product the report left unnamed from the knowledge base, or else by its id', () => {
    const seed000 = goldenReport('000-reactor-netty-load-test');
    const frameworks = seed000.summary.frameworks.map((f) => ({ ...f, name: '' }));
    const unnamed: Report = { ...seed000, summary: { ...seed000.summary, frameworks } };
    assert.match(headlineOf(unnamed, kb.analyzer), / — Reactor Netty, Netty 4\.1\.33$/);
    assert.match(headlineOf(unnamed), / — reactor-netty, Netty 4\.1\.33$/);
  });

  it('says what kind of error it was when the numbers are missing', () => {
    assert.equal(
      headlineOf(goldenReport('pastes/truncated'), kb.analyzer),
      "Direct memory exhausted (Netty's OutOfDirectMemoryError)",
    );
    assert.equal(
      headlineOf(goldenReport('pastes/jdk8-direct-buffer'), kb.analyzer),
      'Direct memory exhausted (JDK: Direct buffer memory) — Netty 4.1.60',
    );
  });

  it('leaves out the product when it is Netty itself, and keeps a version qualifier other than Final', () => {
    const outbound = goldenReport('pastes/outbound-write');
    assert.equal(
      headlineOf(outbound, kb.analyzer),
      'Direct memory exhausted: 6 GiB of 6 GiB used, a 4 MiB chunk refused — Netty 4.1.100',
    );
    const candidate: Report = { ...outbound, summary: { ...outbound.summary, nettyVersion: '4.1.0.CR7' } };
    assert.match(headlineOf(candidate, kb.analyzer), /— Netty 4\.1\.0\.CR7$/);
  });
});

describe('the facts line', () => {
  const factsOf = (report: Report) => buildReply(report, kb.analyzer).blocks[1];

  it('says the thread, the transport, where the limit comes from, a relocation and how many errors', () => {
    assert.deepEqual(
      factsOf(goldenReport('pastes/relocated-flink')),
      context(
        '`Flink Netty Server (0) Thread 0` · nio · limit: -XX:MaxDirectMemorySize · relocated under org.apache.flink.shaded.netty4.',
      ),
    );
    assert.deepEqual(
      factsOf(goldenReport('002-nacos-shaded-grpc')),
      context('上限来源：-XX:MaxDirectMemorySize · 重定位到 io.grpc.netty.shaded. · 日志中共 3 次报错'),
    );
    assert.deepEqual(
      factsOf(multi),
      context('`nioEventLoopGroup-3-1` · nio · limit: -XX:MaxDirectMemorySize · 4 errors in the paste'),
    );
  });

  it('counts the errors left out of the report', () => {
    const report: Report = { ...multi, input: { ...multi.input, eventsOmitted: 96 } };
    assert.deepEqual(
      factsOf(report),
      context('`nioEventLoopGroup-3-1` · nio · limit: -XX:MaxDirectMemorySize · 100 errors in the paste'),
    );
  });
});

describe('the product in the headline', () => {
  it('names the product above Netty from the catalogue (Seata TC, corpus p082)', () => {
    const { report } = answer(fixture('corpus/p082.txt'), kb, { language: 'en' });
    assert.equal(
      headlineOf(report, kb.analyzer),
      'Direct memory exhausted: 1 GiB of 1 GiB used, 128 MiB refused — Apache Seata',
    );
  });

  it('names code the catalogue lacks by its package, and says so', () => {
    const { report } = answer(fixture('seeds/003-copy-not-released.txt'), kb, { language: 'en' });
    assert.match(headlineOf(report, kb.analyzer), / — com\.hx\.test12 \(named from its package\)$/);
    const zh = answer(fixture('seeds/003-copy-not-released.txt'), kb, { language: 'zh' }).report;
    assert.match(headlineOf(zh, kb.analyzer), / — com\.hx\.test12（按包名推断）$/);
  });
});
