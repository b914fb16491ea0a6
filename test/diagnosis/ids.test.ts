/** The ids the code and the knowledge base share stay one list each: causes and the analyzer's signals. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ANALYZER_SIGNALS } from '../../src/core/signals.ts';
import { CAUSES } from '../../src/core/types.ts';
import { kb, ROOT } from '../helpers.ts';

describe('ids shared by the code and the knowledge base', () => {
  it('names the same causes in the code, knowledge/scenarios.yml and both JSON schemas', () => {
    const sorted = (ids: readonly string[]) => [...ids].sort();
    assert.deepEqual(sorted(kb.analyzer.scenarios.map((s) => s.id)), sorted(CAUSES));
    const scenarios = JSON.parse(readFileSync(join(ROOT, 'schemas', 'scenarios.schema.json'), 'utf8'));
    assert.deepEqual(sorted(scenarios.properties.scenarios.items.properties.id.enum), sorted(CAUSES));
    const analysis = JSON.parse(readFileSync(join(ROOT, 'schemas', 'analysis.schema.json'), 'utf8'));
    assert.deepEqual(
      sorted(analysis.properties.findings.items.properties.scenario.enum),
      sorted([...CAUSES, 'unknown']),
    );
  });

  it('lists in knowledge/signals.yml exactly the signals the analyzer computes', () => {
    const yaml = kb.analyzer.signals.filter((s) => s.source === 'analyzer').map((s) => s.id);
    assert.deepEqual([...yaml].sort(), [...ANALYZER_SIGNALS].sort());
  });
});
