/**
 * Finds English sentences in text meant to be Chinese. An English sentence is a run of three or more
 * plain English words once code, commands, identifiers, product names, links and text quoted from
 * the paste are set aside.
 */

export interface Allowed {
  /** Product and framework names (Netty, Reactor Netty, Spring Cloud Gateway…), kept as written. */
  names: string[];
  /** The pasted input: English copied from it (exception messages, log lines) may stay. */
  quoted?: string;
}

// What the JVM and Netty print, quoted in the product's own words: never translated.
const PRINTED = [
  /failed to allocate \S+ byte\(s\) of direct memory/gi,
  /Cannot reserve(?: \S+ bytes of)? direct buffer memory/gi,
  /Direct buffer memory/gi,
  /Java heap space/gi,
  /GC overhead limit exceeded/gi,
  /failed to allocate/gi,
  /release\(\) was not called(?: before it's garbage-collected)?/gi,
];

const BREAK = ' ¦ ';
// Chinese characters and the full-width punctuation that goes with them end an English run.
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;
const PLAIN_WORD = /^[A-Za-z]+(?:['’-][A-Za-z]+)*$/;

/** Every English sentence in `text`, each with the line it stands in. */
export function englishSentences(text: string, allowed: Allowed): { run: string; line: string }[] {
  const names = [...new Set(allowed.names)]
    .filter((n) => n.trim() !== '')
    .sort((a, b) => b.length - a.length);
  const quoted = wordsOf(allowed.quoted ?? '');
  const found: { run: string; line: string }[] = [];
  // Fenced code and inline code are commands and identifiers.
  const withoutCode = text.replace(/```[\s\S]*?```/g, BREAK);
  for (const line of withoutCode.split('\n')) {
    let s = line.replace(/`[^`\n]*`/g, BREAK);
    // Slack links keep their label (it is read); the address, channels, users and dates are not words.
    s = s.replace(/<[^<>|\s]+\|([^<>]*)>/g, (_, label: string) => `${BREAK}${label}${BREAK}`);
    s = s.replace(/<[^<>]*>/g, BREAK);
    s = s.replace(/\b(?:https?|mailto):\/\/?\S+/g, BREAK);
    for (const re of PRINTED) s = s.replace(re, BREAK);
    for (const name of names)
      s = s.replace(new RegExp(`(?<![\\w-])${escapeRe(name)}(?![\\w-])`, 'gi'), BREAK);
    s = s.replace(CJK, BREAK);
    // A run: its words, and where it starts and ends in `s` (to compare what it spans with the paste).
    let run: { word: string; start: number; end: number }[] = [];
    const flush = () => {
      const first = run[0];
      const last = run.at(-1);
      if (run.length >= 3 && first && last) {
        const spanned = wordsOf(s.slice(first.start, last.end));
        if (!quoted.includes(spanned)) found.push({ run: run.map((w) => w.word).join(' '), line });
      }
      run = [];
    };
    for (const m of s.matchAll(/\S+/g)) {
      const raw = m[0];
      if (raw === BREAK.trim()) {
        flush();
        continue;
      }
      const token = raw.replace(/^[\s"'“”‘’([{*_~…,.;:!?]+|[\s"'“”‘’)\]}*_~…,.;:!?]+$/g, '');
      // Numbers and symbols (3, 16, ·, —, →, ×) neither make nor end a sentence.
      if (!/[A-Za-z]/.test(token)) continue;
      if (isPlainWord(token)) run.push({ word: token, start: m.index, end: m.index + raw.length });
      else flush();
    }
    flush();
  }
  return found;
}

/**
 * A plain word: letters only (with an inner hyphen or apostrophe); not an identifier (dotted,
 * camelCase, snake_case, a path, a flag, digits inside), not an acronym (LEAK, JVM, OOM) and not a
 * capital standing for a number (N, U, M).
 */
function isPlainWord(token: string): boolean {
  if (!PLAIN_WORD.test(token)) return false;
  if (/[a-z][A-Z]/.test(token)) return false;
  // Acronyms and one-letter stand-ins for numbers (`used: U, max: M`).
  if (token === token.toUpperCase()) return false;
  return true;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Text as a string of lower-case words and numbers, punctuation and spacing set aside. */
function wordsOf(s: string): string {
  return ` ${s
    .toLowerCase()
    .replace(/[^a-z0-9'’-]+/g, ' ')
    .trim()} `;
}
