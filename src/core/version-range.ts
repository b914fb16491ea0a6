/**
 * Version ranges as the product catalogue writes them (`affects: ">=4.16.0 <4.16.4 || 4.17.0"`): a
 * small grammar of its own, because the versions Java projects publish (4.1.25.Final, 2.2.6.RELEASE,
 * 2.7.0.2) are not semver.
 *
 *   range       = alternative *( "||" alternative )
 *   alternative = comparator *( " " comparator )      every comparator must hold
 *   comparator  = [ "<" | "<=" | ">" | ">=" | "=" ] version
 *   version     = 1*digit 0*3( "." 1*digit ) [ ( "." | "-" ) qualifier ]
 *
 * Versions compare by their numbers, a missing number counting as 0 (4.1 = 4.1.0). The qualifier
 * (Final, RELEASE, M1, SNAPSHOT) is ignored, so a pre-release of a fixed version counts as fixed:
 * the range never claims more than it knows.
 */

export type Op = '<' | '<=' | '>' | '>=' | '=';

export interface Comparator {
  op: Op;
  numbers: number[];
}

/** Alternatives, each a list of comparators that must all hold. */
export type Range = Comparator[][];

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; at: number };

// `4.1.25.Final`, `2.2.6.RELEASE`, `1.26.0-SNAPSHOT`, `2.7.0.2`, `3.0.0-M1`, `4.0.18.Final-redhat-1`
const VERSION = /^(\d{1,6}(?:\.\d{1,6}){0,3})(?:[.-][A-Za-z][A-Za-z0-9]{1,19}(?:[.-]\d{1,6})?){0,3}$/;
const OP = /^(<=|>=|<|>|=)?/;

/** The numbers of a version (`4.1.25.Final` → [4, 1, 25]), or null when it is not one. */
export function versionNumbers(version: string): number[] | null {
  const m = VERSION.exec(version.trim());
  return m?.[1] ? m[1].split('.').map(Number) : null;
}

/** Compare two versions' numbers, a missing number counting as 0. */
export function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Parse a range; a mistake names the offset of the comparator it is in. */
export function parseRange(text: string): Parsed<Range> {
  const range: Range = [];
  let offset = 0;
  for (const part of text.split('||')) {
    const alternative: Comparator[] = [];
    const re = /\S+/g;
    for (let m = re.exec(part); m; m = re.exec(part)) {
      const at = offset + m.index;
      const token = m[0];
      const op = (OP.exec(token)?.[1] ?? '=') as Op;
      const version = token.slice(OP.exec(token)?.[0].length ?? 0);
      const numbers = versionNumbers(version);
      if (!numbers) {
        const message = version
          ? `"${version}" is not a version (digits and dots, then an optional qualifier: 4.1.25.Final)`
          : `"${token}" has no version after its operator`;
        return { ok: false, message, at };
      }
      alternative.push({ op, numbers });
    }
    if (alternative.length === 0)
      return { ok: false, message: 'empty alternative: write comparators between the ||', at: offset };
    range.push(alternative);
    offset += part.length + 2;
  }
  return { ok: true, value: range };
}

const cache = new Map<string, Parsed<Range>>();
const CACHED = 1000;

/** Whether a version falls in the range; false when either cannot be read. */
export function satisfies(version: string, range: Range | string): boolean {
  const numbers = versionNumbers(version);
  let parsed: Parsed<Range> | undefined =
    typeof range === 'string' ? cache.get(range) : { ok: true, value: range };
  if (!parsed && typeof range === 'string') {
    parsed = parseRange(range);
    // The catalogue's ranges are few: remembering them spares a parse per rule and release.
    if (cache.size < CACHED) cache.set(range, parsed);
  }
  if (!numbers || !parsed?.ok) return false;
  return parsed.value.some((alternative) => alternative.every((c) => holds(numbers, c)));
}

function holds(numbers: number[], c: Comparator): boolean {
  const d = compareNumbers(numbers, c.numbers);
  switch (c.op) {
    case '<':
      return d < 0;
    case '<=':
      return d <= 0;
    case '>':
      return d > 0;
    case '>=':
      return d >= 0;
    case '=':
      return d === 0;
  }
}

/** Versions, known to be consecutive releases, as a range: `4.1.31 || >=4.1.33 <=4.1.34`. */
export function rangeOfRuns(runs: [first: string, last: string][]): string {
  return runs.map(([a, b]) => (a === b ? a : `>=${a} <=${b}`)).join(' || ');
}

/** A range as people read it: `>=4.1.16 <=4.1.29 || 4.1.34` → `4.1.16–4.1.29, 4.1.34`. */
export function describeRange(range: string): string {
  return range
    .split('||')
    .map((alt) => alt.trim().replace(/^>=(\S+) <=(\S+)$/, '$1–$2'))
    .join(', ');
}
