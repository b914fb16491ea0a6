import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answer } from '../../src/app/answer.ts';
import type { Finding, FrameworkDef, Report, TraceEvent } from '../../src/core/types.ts';
import { choosePlaybook, depthOf, reportQuery } from '../../src/playbook/choose.ts';
import { leakOwnerOf } from '../../src/playbook/owner.ts';
import { analyzeFixture, FIXTURES, fixture, kb } from '../helpers.ts';

const frameworks = kb.analyzer.frameworks;

/** The playbook chosen for a report, and its score; `search` adds the text score. */
function chosen(report: Report, search = false): { id: string; score: number } | null {
  const c = choosePlaybook(report, kb.playbooks, frameworks, search ? kb.search : null);
  return c && { id: c.playbook.id, score: c.score };
}

const finding = (scenario: Finding['scenario'], signals: string[] = []): Finding => ({
  scenario,
  confidence: 0.7,
  evidence: [],
  signals,
});

/** A report with other detected frameworks, findings, signals or events. */
function variant(
  report: Report,
  change: { frameworks?: string[]; findings?: Finding[]; signals?: Report['signals']; events?: TraceEvent[] },
): Report {
  const fw = change.frameworks?.map((id) => ({ id, name: id, evidence: id })) ?? report.summary.frameworks;
  return {
    ...report,
    summary: { ...report.summary, frameworks: fw, leakSites: change.events ? [] : report.summary.leakSites },
    findings: change.findings ?? report.findings,
    signals: change.signals ?? report.signals,
    events: change.events ?? report.events,
  };
}

/** A leak record whose last touch is `frame`. */
const leakRecord = (frame: string): TraceEvent => ({
  kind: 'leak_report',
  exceptionClass: '',
  requestedBytes: null,
  usedBytes: null,
  maxBytes: null,
  thread: null,
  timestamp: null,
  line: 1,
  frames: ['io.netty.buffer.AbstractByteBuf.readBytes(AbstractByteBuf.java:1)', frame],
  occurrences: 1,
});

const allFixtures = (): string[] => [
  ...readdirSync(join(FIXTURES, 'seeds')).map((f) => `seeds/${f}`),
  ...readdirSync(join(FIXTURES, 'pastes'))
    .filter((f) => f !== 'README.md')
    .map((f) => `pastes/${f}`),
];

describe('choosePlaybook', () => {
  it('gives each seed incident the playbook written for it when the diagnosis names its cause', () => {
    const causes: [string, Finding['scenario'], string][] = [
      ['000-reactor-netty-load-test', 'load-burst', 'reactor-netty-load-burst'],
      ['001-grpc-explicit-512m', 'undersized-limit', 'grpc-direct-memory-limit'],
      ['002-nacos-shaded-grpc', 'undersized-limit', 'nacos-direct-memory'],
      ['003-copy-not-released', 'leak-unreleased-bytebuf', 'netty-copy-not-released'],
      ['004-inbound-handler-leak', 'leak-unreleased-bytebuf', 'netty-inbound-handler-retains'],
    ];
    for (const [seed, cause, playbook] of causes) {
      const report = variant(analyzeFixture(`seeds/${seed}.txt`), { findings: [finding(cause)] });
      assert.equal(chosen(report, true)?.id, playbook, seed);
    }
  });

  it('scores one step per framework level and each signal it names', () => {
    // reactor-netty sits one level below netty (2 × 0.3); load-test-prose is one signal it names (0.07).
    const r = analyzeFixture('seeds/000-reactor-netty-load-test.txt');
    const burst = variant(r, { findings: [finding('load-burst')], signals: { 'load-test-prose': {} } });
    assert.deepEqual(chosen(burst), { id: 'reactor-netty-load-burst', score: 0.67 });
  });

  it('prefers the playbook of the most specific framework detected', () => {
    const r = variant(analyzeFixture('seeds/000-reactor-netty-load-test.txt'), {
      findings: [finding('leak-unreleased-bytebuf')],
      signals: {},
    });
    const scg = variant(r, { frameworks: ['spring-cloud-gateway', 'reactor-netty', 'netty'] });
    assert.equal(chosen(scg)?.id, 'scg-databuffer-leak');
    assert.equal(chosen(variant(r, { frameworks: ['reactor-netty', 'netty'] }))?.id, 'reactor-netty-leak');
  });

  it('never gives a playbook written for a framework that was not detected', () => {
    const r = analyzeFixture('seeds/000-reactor-netty-load-test.txt');
    const netty = variant(r, { frameworks: ['netty'], findings: [finding('load-burst')] });
    assert.equal(chosen(netty)?.id, 'general-load-burst');
    for (const file of allFixtures()) {
      const { report } = answer(fixture(file), kb);
      const c = choosePlaybook(report, kb.playbooks, frameworks, kb.search);
      const detected = new Set(report.summary.frameworks.map((f) => f.id));
      const own =
        c === null ||
        c.playbook.frameworks.length === 0 ||
        c.playbook.frameworks.some((f) => detected.has(f));
      assert.ok(own, `${file}: ${c?.playbook.id} for ${[...detected].join(', ')}`);
    }
  });

  it('offers a playbook that names rules only when one of them supported the verdict', () => {
    const r = variant(analyzeFixture('seeds/000-reactor-netty-load-test.txt'), {
      frameworks: ['spring-cloud-gateway', 'reactor-netty', 'netty'],
      signals: {},
    });
    const cached = variant(r, { findings: [finding('leak-unreleased-bytebuf', ['gateway-body-cache'])] });
    const other = variant(r, { findings: [finding('leak-unreleased-bytebuf', ['leak-testimony'])] });
    assert.equal(chosen(cached)?.id, 'scg-body-cache');
    assert.equal(chosen(other)?.id, 'scg-databuffer-leak');
    const tiny = variant(r, {
      frameworks: ['netty'],
      findings: [finding('undersized-limit', ['limit-too-small-for-pool'])],
    });
    assert.equal(chosen(tiny)?.id, 'platform-default-limit');
    assert.equal(
      chosen(variant(tiny, { findings: [finding('undersized-limit', ['raising-limit-not-the-fix'])] }))?.id,
      'general-undersized-limit',
    );
  });

  it('sends a leak a framework owns to its fix, and one the application owns to its own code', () => {
    const r = analyzeFixture('seeds/000-reactor-netty-load-test.txt');
    const leak = { findings: [finding('leak-unreleased-bytebuf')], signals: {} };
    // linkerd has no leak playbook of its own: its leak goes to the general framework playbook.
    const inLinkerd = variant(r, {
      ...leak,
      frameworks: ['linkerd', 'netty'],
      events: [leakRecord('io.buoyant.linkerd.protocol.h2.Framer.write(Framer.scala:12)')],
    });
    const inApp = variant(r, {
      ...leak,
      frameworks: ['linkerd', 'netty'],
      events: [leakRecord('com.example.orders.OrderHandler.channelRead(OrderHandler.java:40)')],
    });
    assert.deepEqual(
      [leakOwnerOf(inLinkerd, frameworks), leakOwnerOf(inApp, frameworks)],
      ['product', 'application'],
    );
    assert.equal(chosen(inLinkerd)?.id, 'general-framework-leak');
    assert.equal(chosen(inApp)?.id, 'general-leak');
  });

  it('gives a plain Netty leak the general playbook unless a copy or a retain shows', () => {
    const report = analyzeFixture('corpus/p076.txt');
    assert.equal(
      chosen(variant(report, { findings: [finding('leak-unreleased-bytebuf')] }))?.id,
      'general-leak',
    );
  });

  it('chooses nothing when nothing was detected or nothing was found', () => {
    const r = analyzeFixture('seeds/000-reactor-netty-load-test.txt');
    assert.equal(chosen({ ...r, detected: false }), null);
    assert.equal(chosen(variant(r, { findings: [] })), null);
  });
});

describe('depthOf', () => {
  it('counts the parents above a framework', () => {
    assert.deepEqual(
      ['netty', 'reactor-netty', 'spring-cloud-gateway', 'grpc', 'nacos', 'not-a-framework'].map((id) =>
        depthOf(id, frameworks),
      ),
      [0, 1, 2, 1, 2, 0],
    );
  });

  it('stops on a loop of parents', () => {
    const loop: FrameworkDef[] = [
      { id: 'a', name: 'A', parent: 'b' },
      { id: 'b', name: 'B', parent: 'a' },
    ];
    assert.equal(depthOf('a', loop), 20);
  });
});

describe('reportQuery', () => {
  const names = new Map(frameworks.map((f) => [f.id, f.name]));

  it('describes a report by its frameworks, top two findings, kind and allocation path', () => {
    const r = analyzeFixture('seeds/000-reactor-netty-load-test.txt');
    const q = reportQuery(
      variant(r, { findings: [finding('load-burst'), finding('undersized-limit')] }),
      names,
    );
    assert.equal(q, 'Reactor Netty Netty load burst undersized limit OutOfDirectMemoryError pooled chunk');
  });

  it('leaves out a product named only from its package: the knowledge base cannot know it', () => {
    assert.doesNotMatch(reportQuery(analyzeFixture('seeds/003-copy-not-released.txt'), names), /hx|test12/);
  });
});
