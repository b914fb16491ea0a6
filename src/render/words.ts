/**
 * How long a text reads, and how to shorten it: a Slack reply is meant to be read in seconds, so
 * its parts are measured in words. Chinese has no spaces, so two characters count as one word.
 */

// Chinese characters; their punctuation (、。，：（）) is read like spaces, not counted.
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_ALL = new RegExp(CJK.source, 'g');
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/;

/** Words a reader reads: each run of Latin letters, digits or code counts one, two CJK characters one. */
export function wordCount(text: string): number {
  const cjk = text.match(CJK_ALL)?.length ?? 0;
  const latin = text.replace(CJK_ALL, ' ').match(/[\p{L}\p{N}][^\s]*/gu)?.length ?? 0;
  return latin + cjk / 2;
}

// Abbreviations whose dot ends no sentence: "e.g. the", "i.e. a", "vs. 4.1".
const ABBREVIATION = /(?:\be\.g|\bi\.e|\betc|\bvs|\bcf|\bapprox)$/i;

/**
 * The first sentence of a text: up to the first full stop (`.`, `!`, `?` before a space, or a
 * Chinese `。！？`) outside a code span, so `4.1.75`, `a.b()` and `` `x. y` `` never cut it. A first
 * sentence under `minWords` (“Where does the limit come from?”) takes the next one with it.
 */
export function firstSentence(text: string, minWords = 0): string {
  let inCode = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '`') inCode = !inCode;
    if (inCode) continue;
    const next = text[i + 1];
    const ends =
      '。！？'.includes(ch) ||
      ('.!?'.includes(ch) &&
        (next === undefined || /\s/.test(next)) &&
        !(ch === '.' && ABBREVIATION.test(text.slice(0, i))));
    if (ends && wordCount(text.slice(0, i + 1)) >= minWords) return text.slice(0, i + 1);
  }
  return text;
}

/** The text cut after `max` words, with an ellipsis, never inside a code span. */
export function clipWords(text: string, max: number): string {
  if (wordCount(text) <= max) return text;
  let count = 0;
  let inCode = false;
  let inWord = false;
  let lastSafe = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '`') inCode = !inCode;
    if (CJK.test(ch)) {
      count += 0.5;
      inWord = false;
    } else if (/\s/.test(ch) || CJK_PUNCTUATION.test(ch)) inWord = false;
    else if (!inWord) {
      inWord = true;
      count += 1;
    }
    if (count > max) break;
    if (!inCode && (/\s/.test(ch) || CJK.test(ch) || CJK_PUNCTUATION.test(ch)))
      lastSafe = /\s/.test(ch) ? i : i + 1;
  }
  // A cut never ends on a comma, a colon or an opening bracket: the ellipsis says what is left out.
  return closePairs(`${text.slice(0, lastSafe).replace(/[\s,;:，、；：。—(（“-]+$/, '')}…`);
}

const PAIRS: [string, string][] = [
  ['“', '”'],
  ['(', ')'],
  ['（', '）'],
];

/** A clipped quote or parenthesis is closed again, so the reader sees where it ends. */
function closePairs(text: string): string {
  let out = text;
  for (const [open, close] of PAIRS) {
    const opened = out.split(open).length - out.split(close).length;
    if (opened > 0) out += close.repeat(opened);
  }
  return out;
}
