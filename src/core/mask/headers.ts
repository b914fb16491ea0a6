/**
 * HTTP credentials in headers, however a log prints them: `Authorization: Basic dXNlcjpw…`,
 * `"authorization":"Bearer eyJ…"`, `Proxy-Authorization=[Digest username="…", response="…"]`,
 * `Cookie: JSESSIONID=…; theme=dark`, `Set-Cookie: SESSION=…; Path=/`; and a bearer or basic
 * credential on its own (`curl -H 'Bearer 8f2c…'`). The scheme stays, the credential goes.
 */
import { MARK, MARK_OPEN } from './kinds.ts';
import { blanksAt, eachAnchor, isAlnum, Masked, NextIndex, runEnd } from './scan.ts';

const ANCHOR = /(?:proxy-)?authorization|bearer|basic|(?:set-)?cookie/gi;

/** Schemes whose credential is one word; the others (Digest, AWS4-HMAC-SHA256…) run to the value's end. */
const ONE_WORD = new Set(['basic', 'bearer', 'token', 'negotiate', 'ntlm', 'apikey', 'key', 'jwt', 'ssws']);
const SCHEME = /[A-Za-z][A-Za-z0-9-]{1,30} /y;
/** Where an unquoted value ends at the latest: a quote, the end of a `[…]`/`{…}` record, an escaped quote. */
const VALUE_STOP = new Set(['"', "'", ']', '}', '>', '\\']);

/** A bearer token, base64 credentials. */
const CREDENTIAL = /[A-Za-z0-9._~+/=-]*/y;

/** Mask header credentials and lone bearer/basic credentials. */
export function maskHeaders(text: string): string {
  if (!/authorization|bearer|basic|cookie/i.test(text)) return text;
  const out = new Masked(text);
  const breaks = new NextIndex(text, '\n');
  const closes = new Map<string, NextIndex>();
  const closeAfter = (close: string, from: number) => {
    let next = closes.get(close);
    if (!next) {
      next = new NextIndex(text, close);
      closes.set(close, next);
    }
    let at = next.after(from);
    // In a JSON string, `\"` is part of the value.
    while (close === '"' && text.charCodeAt(at - 1) === 92 && at < text.length) at = next.after(at + 1);
    return at;
  };
  eachAnchor(text, ANCHOR, (at, found) => {
    const after = at + found.length;
    if (at > 0 && isAlnum(text.charCodeAt(at - 1))) return after;
    const word = found.toLowerCase();
    if (word === 'bearer' || word === 'basic') return lone(text, after, out);
    const value = valueStart(text, after);
    if (!value) return after;
    const eol = breaks.after(value.start);
    let to = -1;
    if (value.close) {
      const close = closeAfter(value.close, value.start);
      if (close <= eol) to = close;
    }
    let from = value.start;
    const cookie = word.endsWith('cookie');
    if (!cookie) {
      // Authorization: keep the scheme; a one-word credential ends with its word.
      SCHEME.lastIndex = from;
      const scheme = SCHEME.exec(text);
      if (scheme) from += scheme[0].length + blanksAt(text, from + scheme[0].length);
      if (!scheme || ONE_WORD.has(scheme[0].trim().toLowerCase())) {
        const word = runEnd(text, from, CREDENTIAL);
        to = to < 0 ? word : Math.min(to, word);
      }
    }
    if (to < 0) to = unquotedEnd(text, from, eol);
    if (to > from && text.charCodeAt(from) !== MARK_OPEN)
      out.put(from, to, cookie ? MARK.cookie : MARK.token);
    return Math.max(to, after);
  });
  return out.toString();
}

/** Where the value after a header name starts: `: v`, `=v`, `":"v"`, `=[v]`, `\":\"v\"`; and what closes it. */
function valueStart(text: string, from: number): { start: number; close: string } | null {
  let p = from;
  if (text.startsWith('\\"', p)) p += 2;
  else if (text[p] === '"' || text[p] === "'") p++;
  p += blanksAt(text, p);
  if (text[p] !== ':' && text[p] !== '=') return null;
  p++;
  p += blanksAt(text, p);
  if (text.startsWith('\\"', p)) return { start: p + 2, close: '\\"' };
  if (text[p] === '"' || text[p] === "'") return { start: p + 1, close: text[p] as string };
  if (text[p] === '[') return { start: p + 1, close: ']' };
  return { start: p, close: '' };
}

/** An unquoted value runs to the end of its line or of the record around it, trailing blanks and commas left out. */
function unquotedEnd(text: string, from: number, eol: number): number {
  let end = from;
  while (end < eol && !VALUE_STOP.has(text[end] as string)) end++;
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === ',' || text[end - 1] === '\r')) end--;
  return end;
}

/** `Bearer 8f2c…` or `Basic dXNl…` with no header name: masked only when the word after it looks like a credential. */
function lone(text: string, from: number, out: Masked): number {
  const blanks = blanksAt(text, from, 3);
  if (blanks === 0) return from;
  const start = from + blanks;
  const end = runEnd(text, start, CREDENTIAL);
  if (end - start >= 8 && looksRandom(text, start, end)) out.put(start, end, MARK.token);
  return end;
}

/** A digit, `=`/`+`/`/`, or a capital after the first letter: `authentication` is a word, `dXNlcjpw` is not. */
function looksRandom(text: string, from: number, to: number): boolean {
  let upper = false;
  let lower = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 61 || c === 43 || c === 47) return true;
    if (i > from && c >= 65 && c <= 90) upper = true;
    if (c >= 97 && c <= 122) lower = true;
  }
  return upper && lower;
}
