import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SearchHit, SearchIndex } from '../../src/search/index.ts';
import { kb } from '../helpers.ts';

/** A small index over real entries and playbooks, so whole result lists stay readable. */
const ENTRIES = ['tool-leak-detector-levels', 'allocator-jdk-direct-limit-default', 'framework-grpc'];
const PLAYBOOKS = ['grpc-direct-memory-limit', 'netty-inbound-handler-retains'];
const entries = kb.entries.filter((e) => ENTRIES.includes(e.id));
const playbooks = kb.playbooks.filter((p) => PLAYBOOKS.includes(p.id));
const index = () => new SearchIndex(entries, playbooks);

const titleOf = (id: string) =>
  (entries.find((e) => e.id === id) ?? playbooks.find((p) => p.id === id))?.title ?? { en: '', zh: '' };

/** Hits without their scores, which the ranking already shows. */
const ranked = (hits: SearchHit[]) => hits.map(({ score: _, ...hit }) => hit);

describe('SearchIndex', () => {
  it('indexes every entry and playbook', () => {
    assert.equal(index().size, 5);
    assert.equal(kb.search.size, kb.entries.length + kb.playbooks.length);
  });

  it('ranks the entry a question is about first, with what each hit is for', () => {
    const hits = index().search('leak detection paranoid level', { all: true });
    assert.deepEqual(ranked(hits), [
      {
        id: 'tool-leak-detector-levels',
        type: 'knowledge',
        title: titleOf('tool-leak-detector-levels').en,
        scenarios: ['leak-unreleased-bytebuf'],
        frameworks: [],
      },
      {
        id: 'framework-grpc',
        type: 'knowledge',
        title: titleOf('framework-grpc').en,
        scenarios: ['slow-consumer-backpressure', 'allocator-config', 'large-message', 'undersized-limit'],
        frameworks: ['grpc'],
      },
      {
        id: 'netty-inbound-handler-retains',
        type: 'playbook',
        title: titleOf('netty-inbound-handler-retains').en,
        scenarios: ['leak-unreleased-bytebuf'],
        frameworks: ['netty'],
      },
      {
        id: 'grpc-direct-memory-limit',
        type: 'playbook',
        title: titleOf('grpc-direct-memory-limit').en,
        scenarios: ['undersized-limit', 'allocator-config'],
        frameworks: ['grpc'],
      },
    ]);
  });

  it('answers a question with the hits that match it well, leaving out those far weaker than the best', () => {
    assert.deepEqual(
      index()
        .search('leak detection paranoid level')
        .map((h) => h.id),
      ['tool-leak-detector-levels'],
    );
  });

  it('scores best first, to three decimals', () => {
    const scores = index()
      .search('MaxDirectMemorySize default value')
      .map((h) => h.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    for (const s of scores) assert.equal(Math.round(s * 1000) / 1000, s);
    assert.ok((scores[0] ?? 0) > (scores[1] ?? 0));
  });

  it('answers a Chinese question with Chinese titles, unless told the language', () => {
    const idx = index();
    const zh = idx.search('泄漏检测级别', { limit: 2, all: true });
    assert.deepEqual(
      zh.map((h) => [h.id, h.title]),
      [
        ['tool-leak-detector-levels', titleOf('tool-leak-detector-levels').zh],
        ['netty-inbound-handler-retains', titleOf('netty-inbound-handler-retains').zh],
      ],
    );
    const en = idx.search('泄漏检测级别', { limit: 1, language: 'en' });
    assert.deepEqual(
      en.map((h) => [h.id, h.title]),
      [['tool-leak-detector-levels', titleOf('tool-leak-detector-levels').en]],
    );
  });

  it('keeps only the type asked for, and counts the limit among those', () => {
    const hits = index().search('leak detection paranoid level', { type: 'playbook', limit: 1, all: true });
    assert.deepEqual(
      hits.map((h) => [h.id, h.type]),
      [['netty-inbound-handler-retains', 'playbook']],
    );
    assert.deepEqual(
      index()
        .search('grpc', { type: 'knowledge', all: true })
        .map((h) => h.id),
      ['framework-grpc', 'tool-leak-detector-levels'],
    );
  });

  it('finds nothing for an empty question, stop words alone or words it does not know', () => {
    const idx = index();
    for (const q of ['', '   ', 'the of a', 'zzzz qqqq']) assert.deepEqual(idx.search(q), [], q);
  });

  it('answers a repeated question from memory, and forgets the oldest past 500 questions', () => {
    const idx = index();
    const first = idx.search('grpc');
    assert.equal(idx.search('grpc'), first, 'the same list, not a new search');
    assert.notEqual(idx.search('grpc', { limit: 1 }), first, 'other options are another question');
    for (let i = 0; i < 500; i++) idx.search(`grpc ${i}`);
    const again = idx.search('grpc');
    assert.notEqual(again, first);
    assert.deepEqual(again, first);
  });

  it('answers the same after a round trip through JSON, as the compiled knowledge base keeps it', () => {
    const idx = index();
    const loaded = SearchIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    assert.equal(loaded.size, idx.size);
    for (const q of ['leak detection paranoid level', '泄漏检测级别', 'MaxDirectMemorySize default value'])
      assert.deepEqual(loaded.search(q), idx.search(q), q);
  });

  it('ranks every title of the shipped knowledge the same after the round trip', () => {
    const { entries: all, playbooks: books } = kb;
    const idx = new SearchIndex(all, books);
    const loaded = SearchIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
    for (const doc of [...all, ...books])
      for (const q of [doc.title.en, doc.title.zh])
        assert.deepEqual(
          loaded.search(q, { all: true, limit: 100 }),
          idx.search(q, { all: true, limit: 100 }),
          q,
        );
  });
});
