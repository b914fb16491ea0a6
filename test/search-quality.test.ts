import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RELATIVE_CUTOFF } from '../src/search/index.ts';
import { kb } from './helpers.ts';
import { QUERIES, UNRELATED } from './search-queries.ts';

describe('search quality', () => {
  it('has at least 60 queries, half of them in Chinese', () => {
    assert.ok(QUERIES.length >= 60);
    const zh = QUERIES.filter(([q]) => /[\u3400-\u9fff]/.test(q)).length;
    assert.ok(zh >= QUERIES.length / 2 - 2, `${zh} Chinese queries`);
  });

  it('every expected id exists in the knowledge base', () => {
    const ids = new Set([...kb.entries.map((e) => e.id), ...kb.playbooks.map((p) => p.id)]);
    for (const [, want] of QUERIES) for (const id of want) assert.ok(ids.has(id), id);
  });

  it('finds a right answer in the top 3 for at least 95 % of the queries', () => {
    const misses: string[] = [];
    for (const [query, want] of QUERIES) {
      const top = kb.search.search(query, { limit: 3 }).map((h) => h.id);
      if (!top.some((id) => want.includes(id))) misses.push(`${query} → ${top.join(', ')}`);
    }
    const rate = (QUERIES.length - misses.length) / QUERIES.length;
    console.log(
      `search top-3 hit rate: ${(rate * 100).toFixed(1)} % (${QUERIES.length - misses.length}/${QUERIES.length})`,
    );
    for (const m of misses) console.log(`  miss: ${m}`);
    assert.ok(rate >= 0.95, `top-3 hit rate ${(rate * 100).toFixed(1)} %`);
  });

  it('says it found nothing for a question about something else, instead of listing weak hits', () => {
    const answered = UNRELATED.map((q) => [q, kb.search.search(q, { limit: 5 }).map((h) => h.id)] as const);
    assert.deepEqual(
      answered.filter(([, ids]) => ids.length > 0),
      [],
    );
  });

  it('leaves out hits far weaker than the best, and keeps them all when ranking a report', () => {
    const query = 'leak detection paranoid level';
    const hits = kb.search.search(query, { limit: 50 });
    const best = hits[0]?.score ?? 0;
    assert.ok(hits.length > 0 && hits.every((h) => h.score >= best * RELATIVE_CUTOFF));
    assert.ok(kb.search.search(query, { limit: 50, all: true }).length > hits.length);
    assert.deepEqual(kb.search.search('how do I bake sourdough bread', { all: true }), []);
  });
});
