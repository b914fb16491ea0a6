import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  disjoint,
  exactly,
  holds,
  intersect,
  parseRange,
  rangeOf,
  versionOf,
  within,
} from '../../src/core/version-intervals.ts';

describe('version ranges', () => {
  it('compares versions by their first three numbers, whatever the qualifier', () => {
    assert.deepEqual(['4.1.75.Final', '0.7.12.RELEASE', '17', '4.2.0.Alpha5', 'x'].map(versionOf), [
      [4, 1, 75],
      [0, 7, 12],
      [17, 0, 0],
      [4, 2, 0],
      null,
    ]);
  });

  it('holds a version inside its bounds, the upper one excluded with <', () => {
    const r = rangeOf('>=4.1.7 <4.1.75');
    assert.deepEqual(
      ['4.1.6.Final', '4.1.7.Final', '4.1.74.Final', '4.1.75.Final'].map((v) => holds(r, v)),
      [false, true, true, false],
    );
    assert.ok(holds(rangeOf('=4.1.0'), '4.1.0.Final'));
    assert.ok(!holds(rangeOf('=4.1.0'), '4.1.1.Final'));
  });

  it('joins clauses with ||, and merges ranges that touch', () => {
    const r = rangeOf('>=4.0.37 <4.1.0 || >=4.1.1');
    assert.deepEqual(
      ['4.0.36', '4.0.37', '4.1.0', '4.1.1', '4.2.7'].map((v) => holds(r, v)),
      [false, true, false, true, true],
    );
    assert.deepEqual(rangeOf('<4.1.75 || >=4.1.75'), [{ lo: null, hi: null }]);
  });

  it('says whether one range lies within another, and whether two share any version', () => {
    assert.ok(within(rangeOf('>=4.1.16 <4.1.75'), rangeOf('>=4.1.7')));
    assert.ok(!within(rangeOf('>=4.1.7'), rangeOf('>=4.1.16')));
    assert.ok(within(exactly('4.1.33.Final'), rangeOf('>=4.1.21')));
    assert.ok(disjoint(exactly('4.1.6.Final'), rangeOf('>=4.1.16 <4.1.75')));
    assert.ok(!disjoint(rangeOf('>=4.1.5 <4.1.7 || >=4.1.8 <4.1.9'), rangeOf('>=4.1.7')));
    assert.deepEqual(intersect(rangeOf('>=4.1.5 <4.1.9'), rangeOf('>=4.1.7')), rangeOf('>=4.1.7 <4.1.9'));
  });

  it('refuses text that is not a comparison, and holds nothing when the comparisons contradict', () => {
    assert.deepEqual(parseRange('4.1.7+'), {
      error: '"4.1.7+" is not a comparison such as >=4.1.7 or <4.1.75',
    });
    assert.deepEqual(parseRange('>=5 <4'), []);
    assert.deepEqual(rangeOf('nonsense'), []);
  });
});
