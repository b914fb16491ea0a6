/**
 * E-mail addresses, plain (`bob@corp.example.org`) or percent-encoded in a URL
 * (`bob%40corp.example.org`). A domain needs a dot and a top-level domain of letters, so a Java
 * object's `Foo@2f971981`, `root@host-7` prompts and `@author` tags stay as they are.
 */
import { MARK } from './kinds.ts';
import { eachAnchor, isAlnum, isAlpha, Masked, runEnd, runStart } from './scan.ts';

const ANCHOR = /@|%40/g;
/** `[A-Za-z0-9._%+-]` */
const isLocalChar = (c: number): boolean =>
  isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
const DOMAIN_RUN = /[A-Za-z0-9.-]*/y;
const NOT_LOCAL = /[^A-Za-z0-9._%+-]*/y;
const LOCAL = 64;
const DOMAIN = 253;
/** `ByteBuf@2f971981.release()`: an identity hash, then a method, is not a mail domain. */
const HASH = /^[0-9a-f]{6,8}$/;

/** Mask every e-mail address. */
export function maskEmails(text: string): string {
  if (!text.includes('@') && !text.includes('%40')) return text;
  const out = new Masked(text);
  let floor = 0;
  eachAnchor(text, ANCHOR, (at, found) => {
    let start = runStart(text, at, isLocalChar, Math.max(floor, at - LOCAL));
    while (start < at && text.charCodeAt(start) === 46) start++;
    const from = at + found.length;
    // No local part: no `@` in the run of characters that cannot hold one can start an address either.
    if (start === at) return runEnd(text, at, NOT_LOCAL);
    let end = runEnd(text, from, DOMAIN_RUN);
    floor = end;
    if (end - from > DOMAIN) return end;
    while (end > from && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    if (text.charCodeAt(at - 1) === 46 || !isDomain(text, from, end)) return end;
    if (text[end] === '(') return end;
    out.put(start, end, MARK.email);
    return end;
  });
  return out.toString();
}

/** Labels joined by dots, the last one 2 to 24 letters; not an identity hash and a method (`2f971981.release`). */
function isDomain(text: string, from: number, end: number): boolean {
  let dot = end - 1;
  while (dot > from && text.charCodeAt(dot) !== 46) dot--;
  if (dot <= from || end - dot - 1 < 2 || end - dot - 1 > 24) return false;
  for (let i = dot + 1; i < end; i++) if (!isAlpha(text.charCodeAt(i))) return false;
  for (let i = from; i < dot; i++)
    if (text.charCodeAt(i) === 46 && text.charCodeAt(i + 1) === 46) return false;
  const first = text.slice(from, text.indexOf('.', from));
  return !(first.length === dot - from && HASH.test(first) && /\d/.test(first) && /[a-f]/.test(first));
}
