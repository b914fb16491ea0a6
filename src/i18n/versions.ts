/** How a reply says which versions a step applies to: `Netty 4.1.7 and later, before 4.1.75`. */
import type { Bilingual } from './bilingual.ts';

export const VERSIONS = {
  'version.from': { en: '{v} and later', zh: '{v} 及以后' },
  'version.after': { en: 'after {v}', zh: '{v} 之后' },
  'version.before': { en: 'before {v}', zh: '{v} 之前' },
  'version.upTo': { en: '{v} and earlier', zh: '{v} 及以前' },
  'version.only': { en: '{v} only', zh: '仅 {v}' },
  'version.bounds': { en: '{from}, {to}', zh: '{from}、{to}' },
  'version.or': { en: '{a} or {b}', zh: '{a}或{b}' },
  'version.projects': { en: '{a}; {b}', zh: '{a}；{b}' },
  'version.note': { en: '{text} ({versions})', zh: '{text}（{versions}）' },
} satisfies Record<string, Bilingual>;
