import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { newestFirst } from '../../src/core/line-order.ts';
import { type CleanLine, Normalizer } from '../../src/core/normalize.ts';
import { FIXTURES, fixture } from '../fixture-files.ts';

/** A fixture's clean lines, as the analyzer reads them before it decides their order. */
function clean(path: string): CleanLine[] {
  const out: CleanLine[] = [];
  const n = new Normalizer((l) => out.push(l));
  fixture(path)
    .split('\n')
    .forEach((l, i) => {
      n.push(l, i + 1);
    });
  n.end();
  return out;
}

describe('newestFirst', () => {
  it('tells a trace copied from a newest-first log viewer: frames above the exception line', () => {
    assert.equal(newestFirst(clean('corpus/p023.txt')), true);
  });

  it('tells a leak record pasted upside down: outermost frame first, its heading after the allocation', () => {
    assert.equal(newestFirst(clean('corpus/p094.txt')), true);
  });

  it('leaves a paste that starts with the tail of an earlier trace in its order', () => {
    assert.equal(newestFirst(clean('corpus/p048.txt')), false);
  });

  it('leaves every trace printed in order in its order', () => {
    for (const dir of ['seeds', 'pastes']) {
      for (const f of readdirSync(join(FIXTURES, dir))) {
        if (f.endsWith('.txt') || f.endsWith('.log'))
          assert.equal(newestFirst(clean(`${dir}/${f}`)), false, f);
      }
    }
  });
});
