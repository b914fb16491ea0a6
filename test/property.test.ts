import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../src/core/analyze.ts';
import { buildReply, LIMITS } from '../src/render/blocks.ts';
import { fixture, kb, SEEDS } from './helpers.ts';
import { mangledTraces } from './mangle.ts';
import { schemaErrors } from './schema-validator.ts';

const traces = SEEDS.map((s) => fixture(`seeds/${s}.txt`));

const mangled = mangledTraces(traces);

function checkReport(text: string): void {
  const report = analyze(text, kb.analyzer);
  assert.deepEqual(schemaErrors(report), []);
  const reply = buildReply(report, kb.analyzer);
  assert.ok(reply.blocks.length <= LIMITS.blocks);
  for (const b of reply.blocks) {
    if (b.type === 'section') {
      assert.ok((b.text?.text.length ?? 0) <= LIMITS.sectionText);
      assert.ok((b.fields?.length ?? 0) <= LIMITS.fields);
    }
    if (b.type === 'header') assert.ok(b.text.text.length <= LIMITS.header);
  }
}

describe('the analyzer on random and mangled input', () => {
  it('never throws, and always returns a schema-valid report and a reply within Slack limits', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: 'binary', maxLength: 500 }), mangled),
        checkReport,
      ),
      {
        numRuns: 400,
      },
    );
  });

  it('stays linear on hostile repetitions (10× the input costs well under 100× the time)', () => {
    const hostile = [
      'a.'.repeat(2000),
      '('.repeat(4000),
      'at '.repeat(1500),
      '[x'.repeat(2000),
      `${'9'.repeat(3000)} byte(s)`,
      'io.netty.util.internal.OutOfDirectMemoryError'.repeat(100),
      `\tat ${'a.'.repeat(1000)}b(`,
      '&gt;'.repeat(1000),
      '{"log":"'.repeat(500),
      'LEAK: '.repeat(700),
    ];
    for (const unit of hostile) {
      const small = `${unit}\n`.repeat(20);
      const large = small.repeat(10);
      const time = (text: string) => {
        const runs: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now();
          analyze(text, kb.analyzer);
          runs.push(performance.now() - t0);
        }
        return runs.sort((x, y) => x - y)[2] as number;
      };
      const ratio = time(large) / Math.max(time(small), 0.05);
      assert.ok(
        ratio < 100,
        `${JSON.stringify(unit.slice(0, 20))}: 10× input took ${ratio.toFixed(1)}× the time`,
      );
    }
  });
});
