import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LiteralSet } from '../../src/core/literal-set.ts';
import { fixtureLine } from '../fixture-files.ts';

const all = <T>(set: LiteralSet<T>, text: string) => [...set.matches(text)];

describe('LiteralSet', () => {
  it('finds every literal in a line, with its owner and where it starts', () => {
    const set = new LiteralSet([
      ['请求体', 'large-body-prose'],
      ['没有释放', 'leak-prose'],
    ]);
    // chinese-question.txt: "a filter reads the request body … did it not release it?"
    assert.deepEqual(all(set, fixtureLine('pastes/chinese-question.txt', 30)), [
      { literal: '请求体', owner: 'large-body-prose', at: 26 },
      { literal: '没有释放', owner: 'leak-prose', at: 41 },
    ]);
  });

  it('prefers the longer literal where two start at the same place', () => {
    const set = new LiteralSet([
      ['channelread(', 'inbound-handler'],
      ['channelread0', 'handler-method'],
      ['channelread', 'any-read'],
    ]);
    // neg-npe.txt: a handler's channelRead0, then Netty's channelRead that called it
    const handler = fixtureLine('pastes/neg-npe.txt', 3).toLowerCase();
    const netty = fixtureLine('pastes/neg-npe.txt', 5).toLowerCase();
    assert.deepEqual(all(set, handler), [{ literal: 'channelread0', owner: 'handler-method', at: 45 }]);
    assert.deepEqual(all(set, netty), [{ literal: 'channelread(', owner: 'inbound-handler', at: 49 }]);
  });

  it('matches regex characters literally', () => {
    const set = new LiteralSet([
      ['-xx:+disableexplicitgc', 'disable-explicit-gc'],
      ['.retain()', 'retain-call'],
      ['wrk -', 'load-test-prose'],
    ]);
    assert.deepEqual(all(set, 'java -XX:+DisableExplicitGC -jar app.jar'.toLowerCase()), [
      { literal: '-xx:+disableexplicitgc', owner: 'disable-explicit-gc', at: 5 },
    ]);
    assert.deepEqual(all(set, 'msg.retain(); wrk -t4 -c400'), [
      { literal: '.retain()', owner: 'retain-call', at: 3 },
      { literal: 'wrk -', owner: 'load-test-prose', at: 14 },
    ]);
    assert.deepEqual(all(set, 'msg.retainx() wrk-'), []);
  });

  it('gives a literal listed twice to its first owner', () => {
    const set = new LiteralSet([
      ['k8s', 'container-prose'],
      ['k8s', 'other'],
    ]);
    assert.deepEqual(all(set, 'k8s pod'), [{ literal: 'k8s', owner: 'container-prose', at: 0 }]);
  });

  it('starts over on each call, and finds nothing with no literals', () => {
    const set = new LiteralSet([['压测', 'load-test-prose']]);
    assert.deepEqual(set.matches('压测 压测')[0], { literal: '压测', owner: 'load-test-prose', at: 0 });
    assert.deepEqual(all(set, '压测'), [{ literal: '压测', owner: 'load-test-prose', at: 0 }]);
    assert.deepEqual(all(new LiteralSet<string>([]), 'anything'), []);
  });

  it('finds what an alternation of the literals, longest first, finds, in any text', () => {
    // A small alphabet, so that literals overlap, nest and share prefixes and suffixes.
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', '压', '测'), maxLength: 40 });
    const literal = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', '.', '压', '测'),
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(fc.array(literal, { maxLength: 12 }), text, (literals, line) => {
        const set = new LiteralSet(literals.map((l, i): [string, number] => [l, i]));
        const first = new Map<string, number>();
        for (const [i, l] of literals.entries()) if (!first.has(l)) first.set(l, i);
        const sorted = [...first.keys()].sort((a, b) => b.length - a.length);
        const re = new RegExp(sorted.map((l) => l.replace(/[.]/g, '\\.')).join('|'), 'g');
        const want =
          sorted.length === 0
            ? []
            : [...line.matchAll(re)].map((m) => ({ literal: m[0], owner: first.get(m[0]), at: m.index }));
        assert.deepEqual(all(set, line), want);
      }),
      { numRuns: 2000 },
    );
  });
});
