import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../src/diagnosis/registry.ts';
import type { PlaybookStep } from '../../src/knowledge/types.ts';
import { kb } from '../helpers.ts';

const texts = (s: PlaybookStep): string[] =>
  [s.text.en, s.text.zh, s.fallback?.en, s.fallback?.zh, s.command, s.commandFallback].filter(
    (t): t is string => t !== undefined,
  );

// A limit set higher: a JVM size or a placeholder after the flag, or words that say to raise it.
const RAISE = [
  /MaxDirectMemorySize=(?:\{\{|<|[1-9])/,
  /maxDirectMemory=(?:\{\{|<|[1-9])/,
  /\{\{suggestedMax(?:Bytes)?\}\}/,
  /\b(?:raise|increase|larger)\b[^.;]*\b(?:limit|MaxDirectMemorySize)\b/i,
  /(?:调大|加大|提高)[^。；]*(?:上限|MaxDirectMemorySize)/,
];

describe('the playbooks', () => {
  it('cover the verdicts and products in at least 30 short playbooks of 3 to 5 steps', () => {
    assert.ok(kb.playbooks.length >= 30, `${kb.playbooks.length} playbooks`);
    for (const p of kb.playbooks) assert.ok(p.steps.length >= 3 && p.steps.length <= 5, p.id);
  });

  it('raise the limit only where the verdict is that it is too small, and then by the suggested size', () => {
    for (const p of kb.playbooks) {
      for (const step of p.steps) {
        const raises = texts(step).some((t) => RAISE.some((re) => re.test(t)));
        if (!(p.scenarios as string[]).includes('undersized-limit'))
          assert.ok(!raises, `${p.id} raises the limit: ${step.text.en}`);
        else if (step.command && /MaxDirectMemorySize=|maxDirectMemory=/.test(step.command))
          assert.match(step.command, /\{\{suggestedMax(?:Bytes)?\}\}/, `${p.id}: ${step.command}`);
      }
    }
  });

  it('write every Netty property with the prefix of the paste, so a relocated Netty reads it', () => {
    for (const p of kb.playbooks)
      for (const step of p.steps)
        for (const c of [step.command, step.commandFallback])
          assert.doesNotMatch(c ?? '', /-Dio\.netty\./, `${p.id}: ${c}`);
  });

  it('answer only diagnosis rules that exist', () => {
    const rules = new Set(RULES.map((r) => r.id));
    for (const p of kb.playbooks) for (const r of p.rules ?? []) assert.ok(rules.has(r), `${p.id}: ${r}`);
  });

  it('name the sources they rest on', () => {
    for (const p of kb.playbooks)
      assert.ok(
        p.references.every((u) => u.startsWith('https://')),
        p.id,
      );
  });
});
