import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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
  it('gives each seed incident the playbook for its verdict and product', () => {
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

  it("follows the top finding's cause, whatever else is possible", () => {
    const r = goldenReport('000-reactor-netty-load-test');
    const large = variant(r, { findings: [finding('large-message', 0.4), finding('load-burst', 0.39)] });
    assert.equal(chosen(large)?.id, 'general-large-message');
  });

  it('prefers the playbook of the most specific product detected', () => {
    // Spring Cloud Gateway sits on Reactor Netty, which sits on Netty; no gateway playbook for a burst.
    const r = goldenReport('000-reactor-netty-load-test');
    const scg = variant(r, { frameworks: ['spring-cloud-gateway', 'reactor-netty', 'netty'] });
    assert.equal(chosen(scg)?.id, 'reactor-netty-load-burst');
    assert.equal(chosen(variant(r, { frameworks: ['netty'] }))?.id, 'general-load-burst');
  });

  it('never gives a playbook written for a product that was not detected', () => {
    for (const [file, report] of goldenReports()) {
      const c = choosePlaybook(report, kb.playbooks, frameworks, kb.search);
      const detected = new Set(report.summary.frameworks.map((f) => f.id));
      const own =
        c === null ||
        c.playbook.frameworks.length === 0 ||
        c.playbook.frameworks.some((f) => detected.has(f));
      assert.ok(own, `${file}: ${c?.playbook.id} for ${[...detected].join(', ')}`);
      if (c) assert.ok((c.playbook.scenarios as string[]).includes(report.findings[0]?.scenario ?? ''), file);
    }
  });

  it('gives a playbook for one Netty mechanism only when its signal is there', () => {
    // Seeds 003 and 004 are both leaks on plain Netty: copy() without release, and retain() in a handler.
    const r = goldenReport('004-inbound-handler-leak');
    assert.equal(chosen(variant(r, { signals: {} }))?.id, 'general-leak');
    const copy = variant(r, { signals: { 'user-copy': {}, 'copy-call': {}, 'leak-sites': {} } });
    assert.equal(chosen(copy)?.id, 'netty-copy-not-released');
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
      'Reactor Netty Netty leak unreleased bytebuf undersized limit leak report unknown',
    );
    assert.equal(
      reportQuery(goldenReport('pastes/jdk17-cannot-reserve'), names),
      'Netty leak unreleased bytebuf undersized limit Direct buffer memory pooled chunk',
    );
  });

  it('leaves out a product named only from its package: the knowledge base cannot know it', () => {
    assert.doesNotMatch(reportQuery(goldenReport('003-copy-not-released'), names), /hx|test12/);
  });
});
