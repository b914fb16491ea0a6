import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { kb } from './helpers.ts';
import { QUERIES } from './search-queries.ts';

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

  it('finds a right answer in the top 3 for at least 90 % of the queries', () => {
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
    assert.ok(rate >= 0.9, `top-3 hit rate ${(rate * 100).toFixed(1)} %`);
  });
});
