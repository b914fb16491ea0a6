/**
 * Every evidence rule on a real paste: where it applies and, for most, one where it must not. The
 * corpus cases are public pastes (test/fixtures/corpus/SOURCES.md).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { answer } from '../../src/app/answer.ts';
import { factsOf } from '../../src/diagnosis/facts.ts';
import { RULES } from '../../src/diagnosis/registry.ts';
import { FIXTURES, kb, ROOT } from '../helpers.ts';

/** The rule's verdict on a paste: the values it found, or null. */
function applies(ruleId: string, text: string): Record<string, string | number> | null {
  const rule = RULES.find((r) => r.id === ruleId);
  assert.ok(rule, `no rule ${ruleId}`);
  const { report } = answer(text, kb);
  assert.ok(report.detected, 'the paste holds an event');
  return rule.when(factsOf(report, kb.analyzer.frameworks));
}

const corpus = (id: string) => readFileSync(join(FIXTURES, 'corpus', `${id}.txt`), 'utf8');

/** rule id → a paste where it applies, and one where it does not (null: no close counterpart). */
const CASES: Record<string, [fires: string, quiet: string | null]> = {
  'request-larger-than-limit': ['p055', 'p057'],
  'request-exceeds-free-room': ['p057', 'p008'],
  'oversized-request-not-the-limit': ['p055', 'p027'],
  'length-read-from-text': ['p055', 'p057'],
  'huge-allocation': ['p081', 'p082'],
  'large-items-named': ['p081', 'p055'],
  'limit-too-small-for-pool': ['p084', 'p034'],
  'limit-holds-few-chunks': ['p082', 'p027'],
  'limit-below-one-chunk': ['p070', 'p084'],
  'small-explicit-limit': ['s001', 'p008'],
  'large-limit-not-the-cause': ['s000', 's001'],
  'fails-while-starting': ['p029', 'p027'],
  'requirement-over-limit': ['p048', 'p049'],
  'capacity-was-the-lever': ['p027', 'p029'],
  'buffer-leak-report': ['p095', 'p093'],
  'leak-testimony': ['p002', 'p049'],
  'raising-limit-only-delayed': ['p033', 'p002'],
  'raising-limit-not-the-fix': ['p033', 'p002'],
  'growth-is-not-a-burst': ['p033', 's000'],
  'live-unpooled-buffers': ['p093', 'p034'],
  'buffer-copy-in-code': ['s003', 'p002'],
  'started-after-change': ['p093', 's002'],
  'leak-in-netty-cumulation': ['p068', 'p076'],
  'cumulation-not-your-code': ['p068', 'p076'],
  'load-test': ['s000', 'p027'],
  'producer-without-pause': ['p050', 'p057'],
  'grpc-send-without-flow-control': ['p050', 'p019'],
  'writes-outpace-reader': ['p035', 'p019'],
  'pooled-chunk-not-gc': ['p042', 'p093'],
  'buffers-held-not-arenas': ['p008', 'p082'],
};

describe('evidence rules on real pastes', () => {
  for (const [id, [fires, quiet]] of Object.entries(CASES)) {
    it(`${id} applies to ${fires}${quiet ? ` and not to ${quiet}` : ''}`, () => {
      assert.ok(applies(id, corpus(fires)), `${id} on ${fires}`);
      if (quiet) assert.equal(applies(id, corpus(quiet)), null, `${id} on ${quiet}`);
    });
  }

  it('gateway-body-cache applies to a gateway whose body-rewriting filter is in the frames', () => {
    assert.ok(
      applies('gateway-body-cache', readFileSync(join(FIXTURES, 'pastes', 'scg-caused-by.txt'), 'utf8')),
    );
    assert.equal(applies('gateway-body-cache', corpus('p008')), null);
  });

  it("adaptive-allocator applies to Netty 4.2's adaptive allocator in the frames", () => {
    const text = readFileSync(join(FIXTURES, 'pastes', 'netty42-adaptive.txt'), 'utf8');
    assert.match(String(applies('adaptive-allocator', text)?.frame), /Adaptive/);
    assert.equal(applies('adaptive-allocator', corpus('p093')), null);
  });

  it('jdk-buffers-wait-for-gc applies to plain NIO buffers with explicit GC disabled', () => {
    // A JDK 8 `Direct buffer memory` trace, pasted with the start script's flag that RocketMQ's
    // thread (alibaba/rocketmq#391) found behind it.
    const trace = readFileSync(join(FIXTURES, 'pastes', 'jdk8-direct-buffer.txt'), 'utf8');
    const flag = 'From runbroker.sh, a jvm option `-XX:+DisableExplicitGC` is set';
    assert.ok(applies('jdk-buffers-wait-for-gc', `${flag}\n${trace}`));
    assert.equal(applies('jdk-buffers-wait-for-gc', trace), null, 'not without the flag');
  });

  it('readings-keep-growing applies to timestamped readings that only climb', () => {
    const text = readFileSync(join(FIXTURES, 'pastes', 'companion-evidence.txt'), 'utf8');
    assert.ok(applies('readings-keep-growing', text));
    assert.equal(applies('readings-keep-growing', corpus('p093')), null);
  });

  it('covers every registered rule here, and every rule file is registered', () => {
    const tested = new Set([
      ...Object.keys(CASES),
      'gateway-body-cache',
      'adaptive-allocator',
      'jdk-buffers-wait-for-gc',
      'readings-keep-growing',
    ]);
    const files = readdirSync(join(ROOT, 'src', 'diagnosis', 'rules')).map((f) => f.replace(/\.ts$/, ''));
    // A file holds one rule, named after it, or a family of them (`known-fix-on-path:<cause>`).
    const fileOf = (id: string) =>
      files.find((f) => id === f || id.startsWith(`${f}-`) || id.startsWith(`${f}:`));
    assert.deepEqual(
      RULES.map((r) => r.id).filter((id) => !fileOf(id)),
      [],
      'every rule is named after its file',
    );
    assert.deepEqual(
      files.filter((f) => !RULES.some((r) => fileOf(r.id) === f)),
      [],
      'every rule file is registered',
    );
    assert.deepEqual(
      RULES.map((r) => r.id).filter((id) => !tested.has(id) && !id.startsWith('known-fix')),
      [],
      'every rule has a test on a real paste',
    );
  });

  it('names the thread or source that taught each rule, and words its evidence in both languages', () => {
    for (const r of RULES) {
      assert.match(r.source, /^https?:\/\//, r.id);
      assert.ok(r.evidence.en && r.evidence.zh, r.id);
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(
        names(r.evidence.zh),
        names(r.evidence.en)
          .map((n) => (n === 'preset' ? 'presetZh' : n))
          .sort(),
        r.id,
      );
    }
  });

  it('reads only signals the knowledge base defines', () => {
    const known = new Set(kb.analyzer.signals.map((s) => s.id));
    for (const f of readdirSync(join(ROOT, 'src', 'diagnosis', 'rules'))) {
      const text = readFileSync(join(ROOT, 'src', 'diagnosis', 'rules', f), 'utf8');
      for (const m of text.matchAll(/signal\('([\w-]+)'\)/g))
        assert.ok(known.has(m[1] as string), `${f}: ${m[1]}`);
    }
  });
});
