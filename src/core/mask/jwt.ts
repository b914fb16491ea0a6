/**
 * JSON Web Tokens: `eyJ` (a base64url JSON header) and two or four more dot-separated base64url
 * parts. The run of token characters is read once from its `eyJ`, so `-eyJ-eyJ-…` costs one pass.
 */
import { MARK } from './kinds.ts';
import { Masked, NextIndex, runEnd } from './scan.ts';

const RUN = /[A-Za-z0-9_.-]*/y;
/** A header is at least `{"a":1}`: 10 characters of base64url. */
const HEADER = 10;

/** Mask every JWT (signed: 3 parts, encrypted: 5, unsigned: a JSON header and payload and an empty signature). */
export function maskJwts(text: string): string {
  let at = text.indexOf('eyJ');
  if (at < 0) return text;
  const out = new Masked(text);
  const dots = new NextIndex(text, '.');
  while (at >= 0) {
    const runEndsAt = runEnd(text, at, RUN);
    // A trailing dot ends a sentence, not a part.
    let end = runEndsAt;
    while (end > at && text.charCodeAt(end - 1) === 46) end--;
    const headerEnd = dots.after(at);
    if (headerEnd < end && headerEnd - at >= HEADER) {
      const signed = dots.after(headerEnd + 1) < end;
      const unsigned = text.startsWith('eyJ', headerEnd + 1) && runEndsAt > end;
      if (signed || unsigned) out.put(at, end, MARK.jwt);
    }
    at = text.indexOf('eyJ', Math.max(runEndsAt, at + 3));
  }
  return out.toString();
}
