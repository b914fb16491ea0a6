import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answer } from '../../src/app/answer.ts';
import type { Report } from '../../src/core/types.ts';
import { type Block, buildReply, headlineOf, LIMITS } from '../../src/render/blocks.ts';
import { fixtureLine, goldenReport } from '../fixture-files.ts';
import { fixture, kb } from '../helpers.ts';

const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });
const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });
const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });

describe('buildReply', () => {
  it('answers seed 000 in Chinese: headline, context, facts, the likely cause and the others', () => {
    const headline =
      '堆外内存耗尽：已用 7.66 GiB / 上限 7.67 GiB，申请 16 MiB 的 chunk 失败 — Reactor Netty, Netty 4.1.33.Final';
    assert.deepEqual(buildReply(goldenReport('000-reactor-netty-load-test'), kb.analyzer), {
      blocks: [
        header(headline),
        context('Reactor Netty / Netty · Netty 4.1.33.Final · epoll'),
        {
          type: 'section',
          fields: [
            mrkdwn('*申请*\n16 MiB (16777216 B)'),
            mrkdwn('*已用*\n7.66 GiB (8220835847 B)'),
            mrkdwn('*上限 (max)*\n7.67 GiB (8232370176 B)'),
            mrkdwn('*剩余*\n11 MiB (已用 99.9 %)'),
            mrkdwn('*线程*\n`reactor-http-epoll-8`'),
            mrkdwn('*分配路径*\n新的池化 chunk'),
            mrkdwn('*上限来源*\n跟随堆大小（未设置）'),
            mrkdwn('*读/写*\n读取（入站）'),
          ],
        },
        {
          type: 'section',
          text: mrkdwn(
            '*最可能：负载突增超出容量* — 置信度 70 %\n' +
              '• 在读取 socket 数据时分配（io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator$MaxMessageHandle.allocate）\n' +
              '• 上限已经很大（7.67 GiB）：正常负载不应把它占满\n' +
              '• 这是压测中出现的：“## 压测”',
          ),
        },
        context('其他可能: 缓冲区未释放（内存泄漏） (20 %)'),
      ],
      text: headline,
    });
  });

  it('answers a LEAK report with its thread and leak site, and no numbers it does not have', () => {
    const headline = 'Netty LEAK report: buffers garbage-collected without release() — Reactor Netty';
    assert.deepEqual(buildReply(goldenReport('pastes/leak-advanced'), kb.analyzer), {
      blocks: [
        header(headline),
        context('Reactor Netty / Netty · epoll'),
        {
          type: 'section',
          fields: [
            mrkdwn('*Thread*\n`reactor-http-epoll-2`'),
            mrkdwn(
              '*Leak site*\n`com.example.gateway.filter.RequestBodyLoggingFilter.lambda$filter$2(RequestBodyLoggingFilter.java:64)` ×1',
            ),
          ],
        },
        {
          type: 'section',
          text: mrkdwn(
            '*Most likely: Buffers are not released (leak)* — 90 % confidence\n' +
              '• 1 Netty LEAK report(s): a ByteBuf was garbage-collected without release()\n' +
              '• Unreleased buffers created at com.example.gateway.filter.RequestBodyLoggingFilter.lambda$filter$2(RequestBodyLoggingFilter.java:64) (1×)',
          ),
        },
      ],
      text: headline,
    });
  });

  it('ends with the notes on the paste, and calls an unknown cause so (truncated.txt)', () => {
    const reply = buildReply(goldenReport('pastes/truncated'), kb.analyzer);
    assert.deepEqual(reply.blocks.slice(-2), [
      {
        type: 'section',
        text: mrkdwn(
          '*Most likely: Cause not clear from the paste* — 20 % confidence\n' +
            '• Nothing in the paste points to one cause: the trace alone does not tell a leak from a burst or a small limit',
        ),
      },
      context('Note: the used number (82208) is cut off in the paste and was ignored'),
    ]);
  });

  it('escapes mrkdwn in evidence and notes, so a “>” cannot open a quote or a link', () => {
    const reply = buildReply(goldenReport('pastes/absurd-numbers'), kb.analyzer);
    const finding = reply.blocks[3];
    assert.ok(finding?.type === 'section');
    assert.match(finding.text?.text ?? '', /\(used 9 GiB &gt; max 8 GiB\)/);
  });

  it('names at most three other causes', () => {
    const seed002 = goldenReport('002-nacos-shaded-grpc');
    const report: Report = {
      ...seed002,
      findings: [
        ...seed002.findings,
        { scenario: 'large-message', confidence: 0.2, evidence: [], signals: [] },
      ],
    };
    assert.deepEqual(
      buildReply(report, kb.analyzer).blocks.at(-1),
      context(
        '其他可能: 写入快于慢消费者（缺少背压） (50 %) · 缓冲区未释放（内存泄漏） (40 %) · 负载突增超出容量 (30 %)',
      ),
    );
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
        {
          type: 'section',
          text: mrkdwn(
            'I see java.lang.OutOfMemoryError: Java heap space: that is not a direct-memory problem.\n' +
              'Paste the whole stack trace (with the `failed to allocate … (used: …, max: …)` line), or ask a question with `/netty-oom search`.',
          ),
        },
      ],
      text: headline,
    });
  });

  it('places the extra blocks after the findings and the footer last', () => {
    const divider: Block = { type: 'divider' };
    const footer = context('Read more: <https://netty.io/wiki/reference-counted-objects.html>');
    const reply = buildReply(goldenReport('pastes/truncated'), kb.analyzer, {
      afterFindings: [divider],
      footer: [footer],
    });
    assert.deepEqual(
      reply.blocks.map((b) => b.type),
      ['header', 'context', 'section', 'section', 'divider', 'context', 'context'],
    );
    assert.deepEqual(reply.blocks.at(-1), footer);
  });

  it("keeps within Slack's 50 blocks, dropping the middle and keeping the footer's buttons", () => {
    const steps: Block[] = Array.from({ length: 60 }, (_, i) => ({
      type: 'section',
      text: mrkdwn(`step ${i + 1}`),
    }));
    const buttons: Block = {
      type: 'actions',
      elements: [{ type: 'button', action_id: 'feedback_helpful', text: { type: 'plain_text', text: '👍' } }],
    };
    const reply = buildReply(goldenReport('000-reactor-netty-load-test'), kb.analyzer, {
      afterFindings: steps,
      footer: [buttons],
    });
    assert.equal(reply.blocks.length, LIMITS.blocks);
    assert.equal(reply.blocks[0]?.type, 'header');
    assert.deepEqual(reply.blocks.at(-2), steps[43]);
    assert.deepEqual(reply.blocks.at(-1), buttons);
  });

  it("clips the headline, the findings and the fallback text to Slack's limits", () => {
    const seed000 = goldenReport('000-reactor-netty-load-test');
    const long = 'x'.repeat(5000);
    const report: Report = {
      ...seed000,
      summary: { ...seed000.summary, nettyVersion: long },
      findings: seed000.findings.slice(0, 1).map((f) => ({ ...f, evidence: [long] })),
    };
    const reply = buildReply(report, kb.analyzer);
    const [head, , , finding] = reply.blocks;
    assert.ok(head?.type === 'header' && finding?.type === 'section');
    assert.equal(head.text.text.length, LIMITS.header);
    assert.equal(finding.text?.text.length, LIMITS.sectionText);
    assert.equal(reply.text.length, 3000);
    assert.ok(head.text.text.endsWith('…') && reply.text.endsWith('…'));
  });
});

describe('headlineOf', () => {
  it('says the numbers, the product and the Netty version, by the name the report carries', () => {
    const seed000 = goldenReport('000-reactor-netty-load-test');
    const headline =
      '堆外内存耗尽：已用 7.66 GiB / 上限 7.67 GiB，申请 16 MiB 的 chunk 失败 — Reactor Netty, Netty 4.1.33.Final';
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
    assert.match(headlineOf(unnamed, kb.analyzer), / — Reactor Netty, Netty 4\.1\.33\.Final$/);
    assert.match(headlineOf(unnamed), / — reactor-netty, Netty 4\.1\.33\.Final$/);
  });

  it('says what kind of error it was when the numbers are missing', () => {
    assert.equal(
      headlineOf(goldenReport('pastes/truncated'), kb.analyzer),
      "Direct memory exhausted (Netty's OutOfDirectMemoryError)",
    );
    assert.equal(
      headlineOf(goldenReport('pastes/jdk8-direct-buffer'), kb.analyzer),
      'Direct memory exhausted (JDK: Direct buffer memory) — Netty 4.1.60.Final',
    );
  });

  it('leaves out the product when it is Netty itself', () => {
    assert.equal(
      headlineOf(goldenReport('pastes/outbound-write'), kb.analyzer),
      'Direct memory exhausted: 6 GiB of 6 GiB used, a 4 MiB chunk refused — Netty 4.1.100.Final',
    );
  });
});

describe('the context line', () => {
  it('lists the products, the Netty version, a relocation, the transport and how many times', () => {
    const contextOf = (golden: string) => buildReply(goldenReport(golden), kb.analyzer).blocks[1];
    assert.deepEqual(
      contextOf('pastes/relocated-flink'),
      context('Apache Flink / Netty · relocated under org.apache.flink.shaded.netty4. · nio'),
    );
    assert.deepEqual(
      contextOf('002-nacos-shaded-grpc'),
      context('Nacos / gRPC (grpc-java) / Netty · 重定位到 io.grpc.netty.shaded. · 3 次'),
    );
    assert.deepEqual(
      contextOf('pastes/multi-trace'),
      context('com.acme.orders (named from its package) / Netty · Netty 4.1.94.Final · nio · 4 times'),
    );
  });

  it('counts the events left out of the report', () => {
    const multi = goldenReport('pastes/multi-trace');
    const report: Report = { ...multi, input: { ...multi.input, eventsOmitted: 96 } };
    assert.deepEqual(
      buildReply(report, kb.analyzer).blocks[1],
      context('com.acme.orders (named from its package) / Netty · Netty 4.1.94.Final · nio · 100 times'),
    );
  });
});

/** The context line under the headline: products, Netty version, relocation, transport. */
function contextOf(path: string): string {
  const { report } = answer(fixture(path), kb, { language: 'en' });
  const block = buildReply(report, kb.analyzer).blocks.find((b) => b.type === 'context');
  return block?.type === 'context' ? (block.elements[0]?.text ?? '') : '';
}

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

  it('lists every product in the context line, the most specific first', () => {
    assert.equal(contextOf('corpus/p069.txt'), 'Spring Cloud Gateway / Reactor Netty / Netty · epoll');
  });
});
