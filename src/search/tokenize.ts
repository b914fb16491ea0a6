/**
 * Tokens for search in English and Chinese: English words stemmed (Porter), identifiers split at
 * dots and camel case, Chinese split by Intl.Segmenter plus every pair of adjacent characters
 * (the segmenter alone splits 堆外 and 排查), and one token per synonym group present.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { SYNONYM_GROUPS } from './synonyms.ts';

// Made when Chinese is first met: creating it loads the ICU word data, ~10 ms of every start-up.
let segmenter: Intl.Segmenter | null = null;
const segmenterOf = (): Intl.Segmenter => {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
};
const CJK_RUN = /[\u3400-\u9fff]+/g;
const WORD = /[a-z0-9][a-z0-9_$.]*/g;
const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'is',
  'and',
  'or',
  'for',
  'on',
  'it',
  'my',
  'i',
  'how',
  'do',
  'what',
  'why',
  'when',
  'with',
  'be',
  'by',
  'at',
  'as',
  'this',
  'that',
]);
// Words that ask rather than name (English stemmed): a question is not about them.
const ASKING = new Set([
  'find',
  'which',
  'doe',
  'mean',
  'can',
  'get',
  'but',
  'high',
  'keep',
  '怎么',
  '怎么样',
  '如何',
  '哪个',
  '哪些',
  '什么',
  '为什么',
  '找到',
  '处理',
  '导致',
  '之后',
  '但是',
  '查看',
  '原因',
  '问题',
  '多少',
  '一直',
  '不够',
  '错误',
  '出现',
  '可以',
  '是否',
  '没有',
  '很高',
  '忘记',
  '不足',
  '无法',
  '含义',
  '区别',
]);

const phrases = Object.entries(SYNONYM_GROUPS).flatMap(([group, list]) =>
  list.map((p) => [p.toLowerCase(), `syn_${group}`] as const),
);

/** Tokens of `text` (lower-cased, stemmed, with synonym tokens). Safe for lunr: no spaces or hyphens. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const raw = text.length > 20_000 ? text.slice(0, 20_000) : text;
  // Split camel case before lower-casing: MaxDirectMemorySize → Max Direct Memory Size.
  const spaced = raw.replace(/([a-z])([A-Z])/g, '$1 $2');
  const lower = raw.toLowerCase();
  const lowerSpaced = spaced.toLowerCase();
  for (const [phrase, token] of phrases)
    if (lower.includes(phrase) || lowerSpaced.includes(phrase)) out.push(token);
  for (const m of lower.matchAll(WORD)) {
    const word = m[0].replace(/[.$]+$/, '');
    if (word.includes('.')) out.push(word.replace(/\./g, '_'));
    for (const part of word.split(/[._$]/)) addWord(part, out);
  }
  // The camel-case parts of each word (`MaxDirectMemorySize` → max, direct, memory, size).
  for (const m of raw.matchAll(/[A-Za-z]+/g))
    if (/[a-z][A-Z]/.test(m[0]))
      for (const part of m[0].replace(/([a-z])([A-Z])/g, '$1 $2').split(' '))
        addWord(part.toLowerCase(), out);
  for (const m of raw.matchAll(CJK_RUN)) {
    const run = m[0];
    for (const s of segmenterOf().segment(run)) if (s.isWordLike && s.segment.length > 1) out.push(s.segment);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    if (run.length === 1) out.push(run);
  }
  return out;
}

function addWord(word: string, out: string[]): void {
  if (word.length < 2 || STOP.has(word)) return;
  out.push(/^\d+$/.test(word) ? word : PorterStemmer.stem(word));
}

/**
 * The words a question is about: English words (stemmed) and whole Chinese words, without the
 * synonym tokens, the pairs of characters added for recall, or the words that only ask.
 */
export function subjectTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const t of tokenize(text.replace(CJK_RUN, ' ')))
    if (!t.startsWith('syn_') && !ASKING.has(t)) terms.add(t.replace(/[-\s]/g, '_'));
  for (const m of text.slice(0, 20_000).matchAll(CJK_RUN))
    for (const s of segmenterOf().segment(m[0]))
      if (s.isWordLike && s.segment.length > 1 && !ASKING.has(s.segment)) terms.add(s.segment);
  return [...terms];
}
