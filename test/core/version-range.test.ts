import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRange, parseRange, satisfies } from '../../src/core/version-range.ts';

describe('version ranges', () => {
  it('holds a version when every comparator of one alternative holds', () => {
    const range = '>=4.16.0 <4.16.4 || 4.17.0';
    assert.deepEqual(
      ['4.15.9', '4.16.0', '4.16.3', '4.16.4', '4.17.0', '4.17.1'].map((v) => satisfies(v, range)),
      [false, true, true, false, true, false],
    );
  });

  it('compares Java versions by their numbers, whatever their qualifier', () => {
    assert.ok(satisfies('4.1.25.Final', '<4.1.44'));
    assert.ok(satisfies('2.2.5.RELEASE', '<2.2.6'));
    assert.ok(satisfies('4.1.7-Final', '4.1.7'));
    assert.ok(satisfies('2.7.0.1', '<2.7.0.2'));
    // A pre-release of the fixed version counts as fixed: the range never claims more than it knows.
    assert.ok(!satisfies('1.26.0-SNAPSHOT', '<1.26.0'));
    assert.ok(!satisfies('2.0.15.ALPHA', '<2.0.12'));
  });

  it('reads a missing number as 0', () => {
    assert.ok(satisfies('4.1', '4.1.0'));
    assert.ok(!satisfies('4.1', '>4.1.0'));
  });

  it('refuses what is not a range, naming the offset of the comparator at fault', () => {
    assert.deepEqual(parseRange('>=4.16.0 <4.16.x'), {
      ok: false,
      message: '"4.16.x" is not a version (digits and dots, then an optional qualifier: 4.1.25.Final)',
      at: 9,
    });
    assert.deepEqual(parseRange('<1.0 || '), {
      ok: false,
      message: 'empty alternative: write comparators between the ||',
      at: 7,
    });
    assert.equal(parseRange('>= 4.1.0').ok, false);
  });

  it('is false for a version that cannot be read', () => {
    assert.ok(!satisfies('latest', '<2.0.0'));
  });

  it('reads as people write ranges', () => {
    assert.equal(describeRange('>=4.1.16 <=4.1.29 || 4.1.34'), '4.1.16–4.1.29, 4.1.34');
  });
});
