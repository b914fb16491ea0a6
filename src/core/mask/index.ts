/**
 * Masking: every secret and every piece of personal data a paste may hold, replaced by a marker
 * that names its kind (`password=‹password›`, `‹e-mail›`, `‹card›`), before anything is stored,
 * posted, logged or echoed. Pure and linear: each family scans for cheap anchors and reads bounded
 * runs from there, so a 20 MiB paste of hostile runs costs what a plain one does.
 */
import { INVISIBLE_OR_WIDE, plainUnicode } from '../normalize.ts';
import { maskAddresses } from './addresses.ts';
import { maskEmails } from './emails.ts';
import { maskHeaders } from './headers.ts';
import { maskJwts } from './jwt.ts';
import { maskNumbers } from './numbers.ts';
import { maskPairs } from './pairs.ts';
import { keyBodyIn, maskPrivateKeys, maskSshKeys } from './private-keys.ts';
import { maskTokens } from './tokens.ts';
import { maskUrls } from './urls.ts';

export { type Kind, MARK } from './kinds.ts';

/**
 * In order: whole structures first (a key block, a header, an address), then tokens that name
 * themselves, then keys and values, then personal data. A later family sees the markers of the
 * earlier ones, which no family reads as a value.
 */
const FAMILIES: ((text: string) => string)[] = [
  maskSshKeys,
  maskHeaders,
  maskUrls,
  maskJwts,
  maskTokens,
  maskPairs,
  maskEmails,
  maskNumbers,
  maskAddresses,
];

function maskAll(text: string): { text: string; open: boolean } {
  // A zero-width space inside a token would hide it from every family: remove them first.
  const plain = INVISIBLE_OR_WIDE.test(text) ? plainUnicode(text) : text;
  const keys = maskPrivateKeys(plain);
  let out = keys.text;
  for (const family of FAMILIES) out = family(out);
  return { text: out, open: keys.open };
}

/** The text with every secret and piece of personal data replaced by a marker of its kind. */
export function mask(text: string): string {
  return maskAll(text).text;
}

/** Lines remembered with their masked form: a log repeats the same frames and records. */
const REMEMBERED = 2048;

/**
 * Mask lines one at a time, as a stream reads them: a private key's body on the lines after its
 * header is masked too. A line seen before outside a key is masked as it was then: masking a line
 * depends on nothing else, and a large log's windows repeat the same trace hundreds of times.
 */
export function lineMasker(): (line: string) => string {
  let inKey = false;
  const seen = new Map<string, { text: string; open: boolean }>();
  return (line) => {
    if (!inKey) {
      const known = seen.get(line);
      if (known) {
        inKey = known.open;
        return known.text;
      }
    }
    if (inKey) {
      const plain = INVISIBLE_OR_WIDE.test(line) ? plainUnicode(line) : line;
      const body = keyBodyIn(plain);
      if (body < 0) return '';
      inKey = false;
      const footer = plain.indexOf('-----END ');
      if (footer >= 0 && keyBodyIn(plain.slice(0, footer)) < 0) {
        const close = plain.indexOf('-----', footer + 9);
        return mask(close >= 0 ? plain.slice(close + 5) : '');
      }
      if (body > 0) return mask(plain.slice(body));
    }
    const masked = maskAll(line);
    inKey = masked.open;
    if (seen.size >= REMEMBERED) seen.clear();
    seen.set(line, masked);
    return masked.text;
  };
}
