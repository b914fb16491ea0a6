/**
 * Search over knowledge entries and playbooks: lunr with our own tokens (its default pipeline
 * deletes Chinese), field boosts (title over keywords over summary over body), and synonyms.
 */
import lunr from 'lunr';
import type { Language } from '../core/types.ts';
import type { KnowledgeEntry, Playbook } from '../knowledge/types.ts';
import { lookUpExactTerms } from './exact-terms.ts';
import { type CompactIndex, compact, restore } from './serialized.ts';
import { subjectTerms, tokenize } from './tokenize.ts';

export interface SearchHit {
  id: string;
  type: 'knowledge' | 'playbook';
  title: string;
  score: number;
  scenarios: string[];
  frameworks: string[];
}

interface Doc {
  id: string;
  type: 'knowledge' | 'playbook';
  title: { en: string; zh: string };
  scenarios: string[];
  frameworks: string[];
}

const FIELDS = { title: 8, keywords: 5, summary: 3, body: 1 } as const;

/**
 * A question is answered only when one of the best hits covers at least this share of what it is
 * about (its words weighted by how rare they are here); below it, the hits are weak matches on a
 * word or two of an unrelated question, and saying "nothing found" serves better.
 */
export const MIN_COVERAGE = 0.5;
/** Hits scoring below this share of the best one are left out: they only repeat a word. */
export const RELATIVE_CUTOFF = 0.25;
const COVERAGE_HITS = 10;

export interface SearchOptions {
  limit?: number;
  language?: Language;
  type?: Doc['type'];
  /** Rank everything that matches, weak hits included (ranking a report, not answering a question). */
  all?: boolean;
}

/** Our tokens as one string lunr splits on spaces; hyphens are not separators in our tokens. */
function field(text: string): string {
  return tokenize(text)
    .map((t) => t.replace(/[-\s]/g, '_'))
    .join(' ');
}

function bodyOfEntry(e: KnowledgeEntry): string {
  const list = (xs?: { en: string; zh: string }[]) => (xs ?? []).map((x) => `${x.en} ${x.zh}`).join(' ');
  return [
    list(e.symptoms),
    list(e.causes),
    e.explanation.en,
    e.explanation.zh,
    (e.commands ?? []).join(' '),
    e.frameworks.join(' '),
  ].join(' ');
}

function bodyOfPlaybook(p: Playbook): string {
  return [
    ...p.steps.flatMap((s) => [
      s.text.en,
      s.text.zh,
      s.fallback?.en ?? '',
      s.fallback?.zh ?? '',
      s.command ?? '',
    ]),
    p.frameworks.join(' '),
    p.scenarios.join(' '),
  ].join(' ');
}

export interface SerializedIndex {
  index: CompactIndex;
  docs: Doc[];
}

export class SearchIndex {
  private index: lunr.Index;
  private readonly docs = new Map<string, Doc>();
  private cache = new Map<string, SearchHit[]>();
  private docFrequency = new Map<string, number>();

  /** An index serialized by `toJSON()` (the compiled knowledge base). */
  static fromJSON(data: SerializedIndex): SearchIndex {
    const idx = Object.create(SearchIndex.prototype) as SearchIndex;
    Object.assign(idx, {
      index: lookUpExactTerms(restore(data.index)),
      docs: new Map(data.docs.map((d) => [d.id, d])),
      cache: new Map(),
      docFrequency: new Map(),
    });
    return idx;
  }

  toJSON(): SerializedIndex {
    return { index: compact(this.index), docs: [...this.docs.values()] };
  }

  constructor(entries: KnowledgeEntry[], playbooks: Playbook[]) {
    const docs = this.docs;
    const rows: Record<string, string>[] = [];
    for (const e of entries) {
      docs.set(e.id, {
        id: e.id,
        type: 'knowledge',
        title: e.title,
        scenarios: e.scenarios,
        frameworks: e.frameworks,
      });
      rows.push({
        id: e.id,
        title: field(`${e.title.en} ${e.title.zh}`),
        keywords: field(`${(e.keywords ?? []).join(' ')} ${e.id.replace(/-/g, ' ')}`),
        summary: field(`${e.summary.en} ${e.summary.zh}`),
        body: field(bodyOfEntry(e)),
      });
    }
    for (const p of playbooks) {
      docs.set(p.id, {
        id: p.id,
        type: 'playbook',
        title: p.title,
        scenarios: p.scenarios,
        frameworks: p.frameworks,
      });
      rows.push({
        id: p.id,
        title: field(`${p.title.en} ${p.title.zh}`),
        keywords: field(`${(p.keywords ?? []).join(' ')} ${p.id.replace(/-/g, ' ')}`),
        summary: field(`${p.summary.en} ${p.summary.zh}`),
        body: field(bodyOfPlaybook(p)),
      });
    }
    this.index = lookUpExactTerms(
      lunr(function () {
        // Tokens arrive ready: no trimmer, no stop words, no English stemmer on Chinese.
        this.pipeline.reset();
        this.searchPipeline.reset();
        this.ref('id');
        for (const [name, boost] of Object.entries(FIELDS)) this.field(name, { boost });
        for (const row of rows) this.add(row);
      }),
    );
  }

  get size(): number {
    return this.docs.size;
  }

  /**
   * Best first; an empty query, one with no known word, or one that none of the best hits is about
   * (unless `all`) finds nothing.
   */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    // Reports of one failure ask the same question again (a burst of pastes): answer from memory.
    const key = `${options.type ?? ''}|${options.limit ?? 10}|${options.language ?? ''}|${options.all ?? false}|${query}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const hits = this.run(query, options);
    this.cache.set(key, hits);
    if (this.cache.size > 500) this.cache.delete(this.cache.keys().next().value as string);
    return hits;
  }

  private run(query: string, options: SearchOptions): SearchHit[] {
    const tokens = [...new Set(tokenize(query).map((t) => t.replace(/[-\s]/g, '_')))];
    if (tokens.length === 0) return [];
    const lang = options.language ?? (/[\u3400-\u9fff]/.test(query) ? 'zh' : 'en');
    let results = this.index.query((q) => {
      for (const t of tokens) q.term(t, { usePipeline: false, boost: t.startsWith('syn_') ? 0.6 : 1 });
    });
    if (!options.all) {
      const subject = subjectTerms(query);
      const covered = results.slice(0, COVERAGE_HITS).map((r) => this.coverage(subject, r));
      if (Math.max(0, ...covered) < MIN_COVERAGE) return [];
      const best = results[0]?.score ?? 0;
      results = results.filter((r) => r.score >= best * RELATIVE_CUTOFF);
    }
    const hits: SearchHit[] = [];
    for (const r of results) {
      const d = this.docs.get(r.ref);
      if (!d || (options.type && d.type !== options.type)) continue;
      hits.push({
        id: d.id,
        type: d.type,
        title: d.title[lang],
        score: Math.round(r.score * 1000) / 1000,
        scenarios: d.scenarios,
        frameworks: d.frameworks,
      });
      if (hits.length >= (options.limit ?? 10)) break;
    }
    return hits;
  }

  /** The share of what a question is about that a hit matches, rare words counting more (a word unknown here, most). */
  private coverage(subject: string[], hit: lunr.Index.Result): number {
    // Identifiers and numbers the knowledge base has never seen (timestamps, ids, class names) tell
    // nothing about the subject; unknown plain words do.
    const about = subject.filter((t) => this.frequency(t) > 0 || !/[\d_]/.test(t));
    if (about.length === 0) return 1;
    const matched = new Set(Object.keys(hit.matchData.metadata));
    const weight = (t: string) => Math.log(1 + this.docs.size / (1 + this.frequency(t)));
    const all = about.reduce((n, t) => n + weight(t), 0);
    return about.filter((t) => matched.has(t)).reduce((n, t) => n + weight(t), 0) / all;
  }

  /** How many documents hold a term. */
  private frequency(term: string): number {
    let n = this.docFrequency.get(term);
    if (n === undefined) {
      n = this.index.query((q) => {
        q.term(term, { usePipeline: false });
      }).length;
      this.docFrequency.set(term, n);
    }
    return n;
  }
}
