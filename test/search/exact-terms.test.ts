import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import lunr from 'lunr';
import { lookUpExactTerms } from '../../src/search/exact-terms.ts';
import { tokenize } from '../../src/search/tokenize.ts';
import { kb } from '../helpers.ts';

/** The shipped entries' titles and summaries, in English and Chinese, as lunr indexes our tokens. */
function build(): lunr.Index {
  return lunr(function () {
    this.pipeline.reset();
    this.searchPipeline.reset();
    this.ref('id');
    this.field('title');
    this.field('summary');
    for (const e of kb.entries)
      this.add({
        id: e.id,
        title: tokenize(`${e.title.en} ${e.title.zh}`).join(' '),
        summary: tokenize(`${e.summary.en} ${e.summary.zh}`).join(' '),
      });
  });
}

describe('looking exact terms up', () => {
  const plain = build();
  const fast = lookUpExactTerms(build());
  const ask = (index: lunr.Index, terms: string[], wildcard = false) =>
    index.query((q) => {
      for (const t of terms)
        q.term(t, { usePipeline: false, ...(wildcard ? { wildcard: lunr.Query.wildcard.TRAILING } : {}) });
    });

  it('ranks every entry title as the trie does, words the index lacks included', () => {
    for (const e of kb.entries) {
      const terms = [...tokenize(`${e.title.en} ${e.title.zh}`), 'zzunknownzz', '不存在的词'];
      assert.deepEqual(ask(fast, terms), ask(plain, terms), e.id);
    }
  });

  it('still expands a wildcard through the trie', () => {
    const found = ask(fast, ['allocat'], true);
    assert.ok(found.length > 0);
    assert.deepEqual(found, ask(plain, ['allocat'], true));
    assert.deepEqual(ask(fast, ['allocat']), []);
  });
});
