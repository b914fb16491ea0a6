import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose, unknownFinding } from '../../src/core/diagnose.ts';
import type { AnalyzerKnowledge, ScenarioDef } from '../../src/core/types.ts';
import { loadAnalyzerKnowledge } from '../../src/knowledge/analyzer-knowledge.ts';
import { goldenReport, ROOT } from '../fixture-files.ts';

const analyzer = loadAnalyzerKnowledge(ROOT, []) as AnalyzerKnowledge;
// What the analyzer read in seed 000 (a load test on reactor-netty), as its golden report keeps it.
const seed000 = goldenReport('000-reactor-netty-load-test');
const { signals } = seed000;
const frameworks = seed000.summary.frameworks;

/** The real signal definitions, scored by these scenarios only. */
function rules(scenarios: ScenarioDef[], minimumConfidence = 0.2): AnalyzerKnowledge {
  return { ...analyzer, scenarios, minimumConfidence };
}

function scenario(
  id: ScenarioDef['id'],
  prior: number,
  weights: Record<string, number>,
  fw?: Record<string, number>,
): ScenarioDef {
  return { id, title: { en: id, zh: id }, prior, signals: weights, ...(fw ? { frameworks: fw } : {}) };
}

const READ_PATH_EN =
  'Allocated while reading from a socket (io.netty.channel.DefaultMaxMessagesRecvByteBufAllocator$MaxMessageHandle.allocate)';
const LIMIT_LARGE_EN = 'The limit is large (7.67 GiB): a sane workload should not fill it';

describe('diagnose', () => {
  it('finds what the seed 000 report found, with the knowledge base as it is', () => {
    assert.deepEqual(diagnose(signals, frameworks, analyzer, 'zh'), seed000.findings);
  });

  it('scores a scenario as its prior plus the weights of the signals present, to two decimals', () => {
    const findings = diagnose(
      signals,
      frameworks,
      rules([scenario('load-burst', 0.1, { 'read-path': 0.1, 'limit-large': 0.05, 'leak-report': 0.5 })]),
      'en',
    );
    assert.deepEqual(findings, [
      {
        scenario: 'load-burst',
        confidence: 0.25,
        evidence: [READ_PATH_EN, LIMIT_LARGE_EN],
        signals: ['read-path', 'limit-large'],
      },
    ]);
  });

  it('adds the weight of a detected framework and takes off negative weights, which are no evidence', () => {
    const findings = diagnose(
      signals,
      frameworks,
      rules([
        scenario(
          'load-burst',
          0.1,
          { 'read-path': 0.3, 'chunk-request': -0.1 },
          { 'reactor-netty': 0.2, grpc: 0.5 },
        ),
      ]),
      'en',
    );
    assert.deepEqual(findings, [
      { scenario: 'load-burst', confidence: 0.5, evidence: [READ_PATH_EN], signals: ['read-path'] },
    ]);
  });

  it('keeps confidence between 0.02 and 0.97', () => {
    const high = diagnose(
      signals,
      frameworks,
      rules([scenario('load-burst', 0.9, { 'read-path': 0.5 })]),
      'en',
    );
    assert.equal(high[0]?.confidence, 0.97);
    const low = diagnose(
      signals,
      frameworks,
      rules([scenario('load-burst', -2, { 'read-path': 0.1 })], 0),
      'en',
    );
    assert.equal(low[0]?.confidence, 0.02);
  });

  it('reports nothing for a scenario no present signal supports, whatever its prior', () => {
    const findings = diagnose(
      signals,
      frameworks,
      rules([scenario('leak-unreleased-bytebuf', 0.9, { 'leak-report': 0.5, 'chunk-request': -0.1 })]),
      'en',
    );
    assert.deepEqual(findings, []);
  });

  it('drops findings below the minimum confidence', () => {
    const knowledge = rules([scenario('load-burst', 0.05, { 'read-path': 0.1 })], 0.2);
    assert.deepEqual(diagnose(signals, frameworks, knowledge, 'en'), []);
  });

  it('gives evidence from the trace first, strongest first, then what people wrote, five at most', () => {
    const findings = diagnose(
      signals,
      frameworks,
      rules([
        scenario('load-burst', 0, {
          'load-test-prose': 0.45,
          'read-path': 0.05,
          'limit-large': 0.1,
          oodm: 0.01,
          'pooled-chunk-path': 0.02,
          'netty-before-4-1-75': 0.03,
        }),
      ]),
      'en',
    );
    assert.deepEqual(findings[0]?.signals, [
      'limit-large',
      'read-path',
      'netty-before-4-1-75',
      'pooled-chunk-path',
      'oodm',
      'load-test-prose',
    ]);
    assert.deepEqual(findings[0]?.evidence, [
      LIMIT_LARGE_EN,
      READ_PATH_EN,
      'Netty 4.1.33.Final uses 16 MiB chunks (4 MiB from 4.1.75 on)',
      'The pool was allocating a new chunk (io.netty.buffer.PoolArena$DirectArena.newChunk)',
      "Netty's own direct-memory counter refused the allocation (io.netty.util.internal.OutOfDirectMemoryError)",
    ]);
  });

  it('leaves out evidence whose values are missing, and the finding when none is left', () => {
    const partial = { ...signals, 'read-path': {} };
    assert.deepEqual(
      diagnose(
        partial,
        frameworks,
        rules([scenario('load-burst', 0.1, { 'read-path': 0.3, 'limit-large': 0.1 })]),
        'en',
      ),
      [
        {
          scenario: 'load-burst',
          confidence: 0.5,
          evidence: [LIMIT_LARGE_EN],
          signals: ['read-path', 'limit-large'],
        },
      ],
    );
    assert.deepEqual(
      diagnose(partial, frameworks, rules([scenario('load-burst', 0.1, { 'read-path': 0.3 })]), 'en'),
      [],
    );
  });

  it('orders findings by confidence, and equal ones as the knowledge base lists them', () => {
    const findings = diagnose(
      signals,
      frameworks,
      rules([
        scenario('undersized-limit', 0.1, { 'limit-large': 0.2 }),
        scenario('load-burst', 0.3, { 'read-path': 0.2 }),
        scenario('allocator-config', 0.1, { 'chunk-request': 0.2 }),
      ]),
      'en',
    );
    assert.deepEqual(
      findings.map((f) => [f.scenario, f.confidence]),
      [
        ['load-burst', 0.5],
        ['undersized-limit', 0.3],
        ['allocator-config', 0.3],
      ],
    );
  });
});

describe('unknownFinding', () => {
  it('says in the reader’s language that nothing points to one cause', () => {
    assert.deepEqual(unknownFinding('en'), {
      scenario: 'unknown',
      confidence: 0.2,
      evidence: [
        'Nothing in the paste points to one cause: the trace alone does not tell a leak from a burst or a small limit',
      ],
      signals: [],
    });
    assert.deepEqual(unknownFinding('zh'), {
      scenario: 'unknown',
      confidence: 0.2,
      evidence: ['日志中没有指向单一原因的信号：仅凭堆栈无法区分泄漏、突发负载还是上限过小'],
      signals: [],
    });
  });
});
