/**
 * Personal numbers: Chinese mobile numbers (`13812345678`, `138 1234 5678`, `+86 138-1234-5678`),
 * landlines (`010-12345678`), international numbers (`+44 20 7946 0958`), US numbers
 * (`415-555-0100`), Chinese resident ID numbers (18 digits, the last may be X, with a province and a
 * birth date), US social security numbers, and payment card numbers (13–19 digits of a card
 * network, with or without spaces or dashes, and a valid Luhn checksum). A number that is a
 * quantity (`used: 13421772800`, `16777216 bytes`, `MaxHeapSize = 15032385536`) is left alone.
 */
import { MARK } from './kinds.ts';
import { eachAnchor, isAlnum, isDigit, isWord, Masked, RUN, runEnd } from './scan.ts';

const ANCHOR = /\+\d|\d{3}/g;

// Province codes of the resident identity number (GB 11643).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);
/** A unit after a number makes it a quantity: `13421772800 bytes`, `…B`, `…K`, ` MB`, `…ms` (a lone ` K` does not). */
const UNIT = /^(?:[KMGTkmgt]i?[Bb]?\b|B\b|[mnu]s\b)|^ (?:[KMGT]i?B\b|bytes?\b|byte\(s\)|[mnu]s\b)/;
/** …and so does the key before it: `used: `, `max=`, `MaxDirectMemorySize=`, `allocate `. */
const QUANTITY =
  /used|max|limit|alloc|reserv|capacit|size|total|free|commit|count|memory|heap|direct|byte|length|offset|time|nanos|millis|epoch|duration|elapsed|pid|tid|seq/i;
/**
 * `ts` and `id` as a key or its last part (`ts`, `event_ts`, `requestId`, `THREAD_ID`), not the end
 * of a word: `contacts 13812345678` and `paid 13812345678` hold a phone number.
 */
const SHORT_KEY = /(?:^|_)(?:[Tt][Ss]|[Ii][Dd])$|[a-z](?:Ts|TS|Id|ID)$/;

type Hit = { kind: 'phone' | 'idNumber' | 'card'; end: number } | null;

/** Mask personal numbers. */
export function maskNumbers(text: string): string {
  const out = new Masked(text);
  groups = 0;
  eachAnchor(text, ANCHOR, (at, found) => {
    const intl = found.charCodeAt(0) === 43;
    const first = intl ? at + 1 : at;
    const headEnd = runEnd(text, first, RUN.digits);
    const n = headEnd - first;
    // What can start a number worth masking: a group of 3 or 4 digits, or 11 to 19 digits in one.
    if (!intl && n !== 3 && n !== 4 && (n < 11 || n > 19)) return headEnd;
    if (!startsNumber(text, at)) return headEnd;
    let hit: Hit;
    if (intl) hit = international(text, first, headEnd);
    else hit = n >= 11 ? whole(text, first, headEnd) : grouped(text, first, headEnd);
    if (!hit) return headEnd;
    out.put(at, hit.end, MARK[hit.kind]);
    return hit.end;
  });
  return out.toString();
}

/** Not inside a word, a decimal, a version, a date or an address. */
function startsNumber(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (isWord(before)) return false;
  return !(
    (before === 46 || before === 45 || before === 58 || before === 47) &&
    isDigit(text.charCodeAt(at - 2))
  );
}

const endsNumber = (text: string, end: number) =>
  !isWord(text.charCodeAt(end)) && !(text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1)));
const mobile = (text: string, at: number) =>
  text.charCodeAt(at) === 49 && text.charCodeAt(at + 1) >= 51 && text.charCodeAt(at + 1) <= 57;

/** `502075248919552-api_code-status-3114`, `order_13812345678`: a part of a name, not a number of its own. */
function inIdentifier(text: string, from: number, end: number): boolean {
  const after = text.charCodeAt(end);
  const before = text.charCodeAt(from - 1);
  return (
    ((after === 45 || after === 95) && isAlnum(text.charCodeAt(end + 1))) ||
    ((before === 45 || before === 95) && isAlnum(text.charCodeAt(from - 2)))
  );
}

/** 11 to 19 digits in one run: a mobile number, an ID number, a card number. */
function whole(text: string, from: number, end: number): Hit {
  const n = end - from;
  const x = text.charCodeAt(end);
  if (n === 17 && (x === 88 || x === 120) && endsNumber(text, end + 1))
    return idNumber(text, from) ? { kind: 'idNumber', end: end + 1 } : null;
  if (!endsNumber(text, end) || inIdentifier(text, from, end)) return null;
  if (n === 18 && idNumber(text, from)) return { kind: 'idNumber', end };
  // A byte count has 11 digits from 10 GB on (`used: 13421772800`); 13 to 19 digits that start
  // with a card network's 2 to 6 would be terabytes: those are cards, whatever follows them.
  if (n <= 13 && quantity(text, from, end)) return null;
  if (n === 11 && mobile(text, from)) return { kind: 'phone', end };
  if (n === 13 && text.startsWith('86', from) && mobile(text, from + 2)) return { kind: 'phone', end };
  if (n >= 13 && card(text, [from], [end], 1)) return { kind: 'card', end };
  return null;
}

// The groups of the number being read. When a head fails, the next head is its second group:
// the groups already read are kept, so a long run of `4111 4111 …` reads each group once.
const starts: number[] = [];
const ends: number[] = [];
let groups = 0;

/** Groups joined by one separator, ` ` or `-`: `138 1234 5678`, `010-12345678`, `4111-1111-1111-1111`. */
function lengthOf(i: number): number {
  return i < groups ? (ends[i] as number) - (starts[i] as number) : 0;
}

function endOf(i: number): number {
  return ends[i] as number;
}

function grouped(text: string, from: number, headEnd: number): Hit {
  const sep = text.charCodeAt(headEnd);
  if (sep !== 32 && sep !== 45) return null;
  let k = 1;
  if (groups > 1 && starts[1] === from) {
    for (; k < groups; k++) {
      starts[k - 1] = starts[k] as number;
      ends[k - 1] = ends[k] as number;
    }
    k = groups - 1;
  } else {
    starts[0] = from;
    ends[0] = headEnd;
  }
  let digits = 0;
  for (let i = 0; i < k; i++) digits += (ends[i] as number) - (starts[i] as number);
  for (let p = ends[k - 1] as number; k < 6 && digits <= 19; k++) {
    if (text.charCodeAt(p) !== sep || !isDigit(text.charCodeAt(p + 1))) break;
    starts[k] = p + 1;
    p = runEnd(text, p + 1, RUN.digits);
    ends[k] = p;
    digits += p - (starts[k] as number);
  }
  groups = k;
  if (k === 1) return null;
  // Plain functions, not closures: this runs for every group of digits.
  const len = lengthOf;
  const end = endOf;
  const head = len(0);
  if (k >= 3 && head === 3 && len(1) === 4 && len(2) === 4 && mobile(text, from) && endsNumber(text, end(2)))
    return { kind: 'phone', end: end(2) };
  if (sep === 45) {
    const [b, c] = [len(1), len(2)];
    if (text.charCodeAt(from) === 48 && (b === 7 || b === 8) && endsNumber(text, end(1)))
      return { kind: 'phone', end: end(1) };
    if (head === 3 && b === 2 && c === 4 && ssn(text, from) && endsNumber(text, end(2)))
      return { kind: 'idNumber', end: end(2) };
    if (head === 3 && b === 3 && c === 4 && text.charCodeAt(from) >= 50 && endsNumber(text, end(2)))
      return { kind: 'phone', end: end(2) };
  }
  // Cards: 4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3.
  if (head !== 4) return null;
  for (let m = k; m >= 3; m--) {
    let total = 4;
    let fits = true;
    for (let i = 1; i < m && fits; i++) {
      total += len(i);
      fits = len(i) >= 3 && len(i) <= 6;
    }
    if (fits && total >= 13 && total <= 19 && endsNumber(text, end(m - 1)) && card(text, starts, ends, m))
      return { kind: 'card', end: end(m - 1) };
  }
  return null;
}

/** `+44 20 7946 0958`, `+1 (415) 555-0100`, `+8613812345678`: 8 to 15 digits after the `+`. */
function international(text: string, from: number, headEnd: number): Hit {
  let digits = headEnd - from;
  let end = headEnd;
  // The longest run of groups that makes a whole number: `+44 20 7946 0958 0A` ends before ` 0A`.
  let found = digits >= 8 && endsNumber(text, end) ? end : -1;
  for (;;) {
    let p = end;
    while (p < end + 2 && ' -.()'.includes(text[p] ?? 'x')) p++;
    if (p === end || !isDigit(text.charCodeAt(p))) break;
    const next = runEnd(text, p, RUN.digits);
    if (digits + next - p > 15) break;
    digits += next - p;
    end = next;
    if (digits >= 8 && endsNumber(text, end)) found = end;
  }
  return found >= 0 ? { kind: 'phone', end: found } : null;
}

/** 18 characters: a province, a birth date (19xx/20xx, a real month and day), a sequence, a check digit or X. */
function idNumber(text: string, at: number): boolean {
  const year = Number(text.slice(at + 6, at + 10));
  const month = Number(text.slice(at + 10, at + 12));
  const day = Number(text.slice(at + 12, at + 14));
  return (
    PROVINCES.has(Number(text.slice(at, at + 2))) &&
    year >= 1900 &&
    year <= 2099 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31
  );
}

/** The digits of `m` groups: a card network's first digit (2–6) and a valid Luhn checksum. */
function card(text: string, from: number[], to: number[], m: number): boolean {
  const lead = text.charCodeAt(from[0] as number);
  if (lead < 50 || lead > 54) return false;
  let sum = 0;
  let i = 0;
  for (let g = m - 1; g >= 0; g--) {
    for (let p = (to[g] as number) - 1; p >= (from[g] as number); p--, i++) {
      let d = text.charCodeAt(p) - 48;
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  }
  return sum % 10 === 0;
}

/** `123-45-6789`, but no area 000, 666 or 9xx, no group 00, no serial 0000. */
function ssn(text: string, at: number): boolean {
  const area = text.slice(at, at + 3);
  return (
    area !== '000' &&
    area !== '666' &&
    area[0] !== '9' &&
    !text.startsWith('00', at + 4) &&
    !text.startsWith('0000', at + 7)
  );
}

/** A number with a unit after it, or a memory or time key before it, counts something. */
function quantity(text: string, start: number, end: number): boolean {
  return UNIT.test(text.slice(end, end + 8)) || quantityKey(text, start);
}

/** A memory or time key right before a number: `used: `, `MaxHeapSize              = `, `allocate `. */
function quantityKey(text: string, start: number): boolean {
  // Back over blanks, quotes and one separator to the key.
  let p = start;
  const floor = Math.max(0, start - 40);
  while (p > floor && ' \t"\'(['.includes(text[p - 1] as string)) p--;
  // The separator as typed, or as a Chinese input method types it (`used：`).
  if (p > floor && ':=,：＝，'.includes(text[p - 1] as string)) p--;
  while (p > floor && ' \t"\''.includes(text[p - 1] as string)) p--;
  const keyEnd = p;
  while (p > floor && /[A-Za-z_]/.test(text[p - 1] as string)) p--;
  const key = text.slice(p, keyEnd);
  return keyEnd > p && (QUANTITY.test(key) || SHORT_KEY.test(key));
}
