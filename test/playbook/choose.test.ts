import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { unknownFinding } from '../../src/core/diagnose.ts';
import type { Finding, FrameworkDef, Report } from '../../src/core/types.ts';
import { choosePlaybook, depthOf, reportQuery } from '../../src/playbook/choose.ts';
import { FIXTURES, goldenReport } from '../fixture-files.ts';
import { kb } from '../helpers.ts';

const frameworks = kb.analyzer.frameworks;

/** The playbook chosen for a report, and its score; `search` adds the text score. */
function chosen(report: Report, search = false): { id: string; score: number } | null {
  const c = choosePlaybook(report, kb.playbooks, frameworks, search ? kb.search : null);
  return c && { id: c.playbook.id, score: c.score };
}

/** A report with other detected frameworks, findings or signals. */
function variant(
  report: Report,
  change: { frameworks?: string[]; findings?: Finding[]; signals?: Report['signals'] },
): Report {
  const fw = change.frameworks?.map((id) => ({ id, name: id, evidence: id })) ?? report.summary.frameworks;
  return {
    ...report,
    summary: { ...report.summary, frameworks: fw },
    findings: change.findings ?? report.findings,
    signals: change.signals ?? report.signals,
  };
}

const finding = (scenario: Finding['scenario'], confidence: number): Finding => ({
  scenario,
  confidence,
  evidence: [],
  signals: [],
});

const goldenReports = (): [string, Report][] => [
  ...readdirSync(join(FIXTURES, 'golden'))
    .filter((f) => f.endsWith('.json'))
    .map((f): [string, Report] => [f, goldenReport(f.slice(0, -5))]),
  ...readdirSync(join(FIXTURES, 'golden', 'pastes')).map((f): [string, Report] => [
    f,
    goldenReport(`pastes/${f.slice(0, -5)}`),
  ]),
];

describe('choosePlaybook', () => {
  it('gives each seed incident the playbook written for it', () => {
    assert.deepEqual(
      [
        '000-reactor-netty-load-test',
        '001-grpc-explicit-512m',
        '002-nacos-shaded-grpc',
        '003-copy-not-released',
        '004-inbound-handler-leak',
      ].map((seed) => chosen(goldenReport(seed), true)?.id),
      [
        'reactor-netty-load-burst',
        'grpc-direct-memory-limit',
        'nacos-direct-memory',
        'netty-copy-not-released',
        'netty-inbound-handler-retains',
      ],
    );
  });

  it('scores the fit of the finding, one step per framework level and each signal it names', () => {
    // seed 000: load-burst 0.7; reactor-netty is one level below netty (2 × 0.3); load-test-prose and read-path (2 × 0.07)
    assert.deepEqual(chosen(goldenReport('000-reactor-netty-load-test')), {
      id: 'reactor-netty-load-burst',
      score: 1.44,
    });
  });

  it('prefers the playbook of the most specific framework detected', () => {
    // The same trace: Spring Cloud Gateway sits below reactor-netty, which sits below netty.
    const r = goldenReport('000-reactor-netty-load-test');
    const scg = variant(r, { frameworks: ['spring-cloud-gateway', 'reactor-netty', 'netty'] });
    assert.deepEqual(chosen(scg), { id: 'reactor-netty-load-burst', score: 1.74 });
  });

  it('never gives a playbook written for a framework that was not detected', () => {
    const r = goldenReport('000-reactor-netty-load-test');
    assert.deepEqual(chosen(variant(r, { frameworks: ['netty'] })), {
      id: 'general-load-burst',
      score: 0.84,
    });
    for (const [file, report] of goldenReports()) {
      const c = choosePlaybook(report, kb.playbooks, frameworks, kb.search);
      const detected = new Set(report.summary.frameworks.map((f) => f.id));
      const own =
        c === null ||
        c.playbook.frameworks.length === 0 ||
        c.playbook.frameworks.some((f) => detected.has(f));
      assert.ok(own, `${file}: ${c?.playbook.id} for ${[...detected].join(', ')}`);
    }
  });

  it('lets the signals a playbook names choose between playbooks for the same finding', () => {
    // Seeds 003 and 004 are both leaks on plain Netty: copy() without release, and retain() in a handler.
    assert.equal(chosen(goldenReport('003-copy-not-released'))?.id, 'netty-copy-not-released');
    assert.equal(chosen(goldenReport('004-inbound-handler-leak'))?.id, 'netty-inbound-handler-retains');
    const r = goldenReport('004-inbound-handler-leak');
    const copy = variant(r, { signals: { 'user-copy': {}, 'copy-call': {}, 'leak-sites': {} } });
    assert.equal(chosen(copy)?.id, 'netty-copy-not-released');
  });

  it('considers only playbooks for findings within 0.25 of the top one', () => {
    const r = variant(goldenReport('003-copy-not-released'), { signals: {} });
    const near = variant(r, {
      findings: [finding('undersized-limit', 0.7), finding('leak-unreleased-bytebuf', 0.46)],
    });
    const far = variant(r, {
      findings: [finding('undersized-limit', 0.7), finding('leak-unreleased-bytebuf', 0.44)],
    });
    assert.deepEqual(chosen(near), { id: 'netty-copy-not-released', score: 0.76 });
    assert.deepEqual(chosen(far), { id: 'general-undersized-limit', score: 0.7 });
  });

  it('falls back to the general first response when no cause stands out', () => {
    const r = goldenReport('pastes/truncated');
    assert.deepEqual(r.findings, [unknownFinding('en')]);
    assert.deepEqual(chosen(r), { id: 'general-first-response', score: 0.2 });
  });

  it('chooses nothing when nothing was detected or nothing was found', () => {
    const r = goldenReport('000-reactor-netty-load-test');
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
    assert.equal(
      reportQuery(goldenReport('000-reactor-netty-load-test'), names),
      'Reactor Netty Netty load burst leak unreleased bytebuf OutOfDirectMemoryError pooled chunk',
    );
    assert.equal(
      reportQuery(goldenReport('pastes/leak-advanced'), names),
      'Reactor Netty Netty leak unreleased bytebuf leak report unknown',
    );
    assert.equal(
      reportQuery(goldenReport('pastes/jdk17-cannot-reserve'), names),
      'Netty nio cleaner gc undersized limit Direct buffer memory pooled chunk',
    );
  });

  it('leaves out a product named only from its package: the knowledge base cannot know it', () => {
    assert.doesNotMatch(reportQuery(goldenReport('003-copy-not-released'), names), /hx|test12/);
  });
});
