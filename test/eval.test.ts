import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FLOOR, runCorpus } from '../bench/eval-corpus.ts';
import {
  type Check,
  type Floor,
  floorOf,
  type Label,
  type Regression,
  regressions,
  scoreCase,
  tabulate,
} from '../bench/eval-score.ts';
import { answer } from '../src/app/answer.ts';
import type { Report, Summary } from '../src/core/types.ts';
import { fixture, kb } from './helpers.ts';

const seed = answer(fixture('seeds/001-grpc-explicit-512m.txt'), kb).report;

/** The seed's report with some summary fields replaced. */
function reportWith(summary: Partial<Summary>): Report {
  return { ...seed, summary: { ...seed.summary, ...summary } };
}

const label = (fields: Partial<Label>): Label => ({ source: 'test', kind: 'oodm', ...fields });
const fieldsOf = (checks: Check[]) => checks.filter((c) => !c.quiet).map((c) => `${c.field}:${c.ok}`);

function describeRegressions(worse: Regression[]): string {
  const lines = worse.map(
    (r) =>
      `${r.field}: ${r.right} right, floor ${r.floor}; no longer right: ${r.worse.map((w) => `${w.id} (${w.detail})`).join(', ')}`,
  );
  return `${lines.join('\n')}\n(a change meant to move the floor: npm run eval -- --write-floor)`;
}

describe('corpus floor', () => {
  it('keeps every case that was right in floor.json right, field by field', async () => {
    const floor = JSON.parse(readFileSync(FLOOR, 'utf8')) as Floor;
    const checks = (await runCorpus({ kb })).flatMap((r) => r.checks);
    const worse = regressions(floor, checks);
    assert.deepEqual(worse, [], describeRegressions(worse));
  });
});

describe('scoring a case', () => {
  it('scores the framework only where the paste itself shows it', () => {
    const out = { report: reportWith({ frameworks: [{ id: 'netty', name: 'Netty', evidence: '' }] }) };
    const fw = label({ framework: 'spring-cloud-gateway' });
    assert.ok(
      !fieldsOf(scoreCase('p1', fw, 'io.netty.util.internal.OutOfDirectMemoryError', out)).some((f) =>
        f.startsWith('framework'),
      ),
    );
    assert.ok(
      fieldsOf(scoreCase('p1', fw, 'our Spring Cloud Gateway died', out)).includes('framework:false'),
    );
    assert.ok(
      fieldsOf(scoreCase('p1', { ...fw, framework_visible: true }, '', out)).includes('framework:false'),
    );
  });

  it('takes grpc-shaded as right only with the grpc framework and the shaded prefix', () => {
    const fw = label({ framework: 'grpc-shaded' });
    const text = 'io.grpc.netty.shaded.io.netty.util.internal.OutOfDirectMemoryError';
    const grpc = [{ id: 'grpc', name: 'gRPC (grpc-java)', evidence: '' }];
    const shaded = { report: reportWith({ frameworks: grpc, shadedPrefix: 'io.grpc.netty.shaded.' }) };
    const plain = { report: reportWith({ frameworks: grpc, shadedPrefix: null }) };
    assert.ok(fieldsOf(scoreCase('p1', fw, text, shaded)).includes('framework:true'));
    assert.ok(fieldsOf(scoreCase('p1', fw, text, plain)).includes('framework:false'));
  });

  it('matches an other: framework inside a reported framework id', () => {
    const out = { report: reportWith({ frameworks: [{ id: 'seata-server', name: 'TC', evidence: '' }] }) };
    const checks = scoreCase('p1', label({ framework: 'other:seata' }), 'io.seata.core', out);
    assert.ok(fieldsOf(checks).includes('framework-other:true'));
  });

  it('matches an other: framework inside a reported framework name', () => {
    const hit = {
      id: 'com-dianping-cat',
      name: 'com.dianping.cat',
      evidence: '',
      fromPackage: true as const,
    };
    const out = { report: reportWith({ frameworks: [hit] }) };
    const checks = scoreCase('p1', label({ framework: 'other:cat' }), 'com.dianping.cat.Codec', out);
    assert.ok(fieldsOf(checks).includes('framework-other:true'));
  });

  it('scores no number for a paste of several events, and a shown number as a miss when invented', () => {
    const out = { report: reportWith({ requestedBytes: 16777216, usedBytes: 1, maxBytes: 2 }) };
    const skipped = fieldsOf(scoreCase('s1', label({ skip: ['numbers'] }), '', out));
    assert.ok(!skipped.some((f) => /Bytes|invented/.test(f)));
    const invented = scoreCase('p1', label({ requested: null, used: 1, max: 2 }), '', out);
    assert.deepEqual(
      invented.filter((c) => c.field === 'no-invented-number').map((c) => c.detail),
      ['requestedBytes=16777216 but the trace shows none'],
    );
  });

  it('counts an analyzer that throws as a failed run and scores nothing else', () => {
    const checks = scoreCase('p1', label({}), '', { error: 'boom' });
    assert.deepEqual(checks, [{ id: 'p1', field: 'runs', ok: false, detail: 'boom' }]);
  });
});

describe('the floor', () => {
  const right = (id: string, field = 'kind'): Check => ({ id, field, ok: true, detail: '' });
  const wrong = (id: string, field = 'kind'): Check => ({ id, field, ok: false, detail: 'got x want y' });

  it('fails a case that got worse even when another case got fixed', () => {
    const worse = regressions({ kind: ['p1', 'p2'] }, [wrong('p1'), right('p2'), right('p3')]);
    assert.deepEqual(worse, [
      { field: 'kind', right: 2, floor: 2, worse: [{ id: 'p1', detail: 'got x want y' }] },
    ]);
  });

  it('fails a case of the floor that is no longer scored', () => {
    assert.deepEqual(regressions({ thread: ['p9'] }, [right('p1')]), [
      { field: 'thread', right: 0, floor: 1, worse: [{ id: 'p9', detail: 'not scored' }] },
    ]);
  });

  it('keeps a case right only when every check of it for the field is right', () => {
    const checks = [right('p1', 'no-invented-number'), wrong('p1', 'no-invented-number'), right('p2')];
    assert.deepEqual(floorOf(checks), { 'no-invented-number': [], kind: ['p2'] });
  });

  it('leaves the floor-only checks out of the table', () => {
    const quiet: Check = { ...right('p1', 'no-invented-number'), quiet: true };
    assert.deepEqual(
      tabulate([quiet, right('p1')]).map((r) => r.field),
      ['kind'],
    );
  });
});
