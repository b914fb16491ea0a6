/**
 * Version intervals for the knowledge base's own facts and playbook steps (versions.yml, `requires`),
 * where ranges are compared with each other; src/core/version-range.ts matches one version against
 * the catalogue's bug ranges.
 *
 * Version ranges as the knowledge base writes them: `>=4.1.7 <4.1.75`, `=4.1.0`, clauses joined by
 * `||`. A version is compared by its first three numbers (`4.1.75.Final`, `0.7.12.RELEASE`, `17`),
 * so qualifiers such as `Final` or `Alpha5` never decide.
 */

export type Version = readonly [number, number, number];

/** One side of an interval: a version as written and as numbers, and whether the interval takes it in. */
interface Bound {
  at: Version;
  text: string;
  inclusive: boolean;
}

/** A run of versions; a missing bound is open-ended. */
export interface Interval {
  lo: Bound | null;
  hi: Bound | null;
}

/** A union of intervals, merged and sorted; empty holds no version. */
export type Range = Interval[];

/** The first three numbers of a version (`4.1.75.Final` → 4, 1, 75), or null when it has none. */
export function versionOf(text: string): Version | null {
  const m = /^(\d{1,6})(?:\.(\d{1,6}))?(?:\.(\d{1,6}))?/.exec(text.trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function cmp(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The versions a range text holds, or a message saying what is wrong with it. */
export function parseRange(text: string): Range | { error: string } {
  const intervals: Interval[] = [];
  for (const clause of text.split('||')) {
    const parts = clause.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) return { error: `empty clause in "${text}"` };
    // A clause whose comparisons contradict each other (`>=5 <4`) holds nothing.
    let interval: Interval | null = { lo: null, hi: null };
    for (const part of parts) {
      // `>=4.1.7`, `<4.1.75`, `=4.1.0`
      const m = /^(>=|<=|>|<|=)(\d[\w.-]*)$/.exec(part);
      const at = m?.[2] ? versionOf(m[2]) : null;
      if (!m || !at) return { error: `"${part}" is not a comparison such as >=4.1.7 or <4.1.75` };
      const op = m[1] ?? '=';
      const bound = { at, text: m[2] ?? '', inclusive: op !== '>' && op !== '<' };
      const only: Interval =
        op === '='
          ? { lo: bound, hi: bound }
          : op.startsWith('>')
            ? { lo: bound, hi: null }
            : { lo: null, hi: bound };
      interval = interval && intersectInterval(interval, only);
    }
    if (interval) intervals.push(interval);
  }
  return merge(intervals);
}

/** A range the knowledge base knows is well formed; a malformed one holds nothing. */
export function rangeOf(text: string): Range {
  const r = parseRange(text);
  return Array.isArray(r) ? r : [];
}

function isEmpty(i: Interval): boolean {
  if (!i.lo || !i.hi) return false;
  const c = cmp(i.lo.at, i.hi.at);
  return c > 0 || (c === 0 && !(i.lo.inclusive && i.hi.inclusive));
}

function higherLo(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = cmp(a.at, b.at);
  return c > 0 || (c === 0 && !a.inclusive) ? a : b;
}

function lowerHi(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = cmp(a.at, b.at);
  return c < 0 || (c === 0 && !a.inclusive) ? a : b;
}

function intersectInterval(a: Interval, b: Interval): Interval | null {
  const i = { lo: higherLo(a.lo, b.lo), hi: lowerHi(a.hi, b.hi) };
  return isEmpty(i) ? null : i;
}

/** Sorted, with overlapping or touching intervals joined. */
function merge(intervals: Interval[]): Range {
  const sorted = [...intervals].sort((a, b) => {
    if (!a.lo) return b.lo ? -1 : 0;
    if (!b.lo) return 1;
    return cmp(a.lo.at, b.lo.at) || (a.lo.inclusive === b.lo.inclusive ? 0 : a.lo.inclusive ? -1 : 1);
  });
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && touches(last, i)) last.hi = last.hi && i.hi ? higherHi(last.hi, i.hi) : null;
    else out.push({ ...i });
  }
  return out;
}

function higherHi(a: Bound, b: Bound): Bound {
  const c = cmp(a.at, b.at);
  return c > 0 || (c === 0 && a.inclusive) ? a : b;
}

/** `b` starts inside `a` or right where it ends (`<4.1.75` and `>=4.1.75`). */
function touches(a: Interval, b: Interval): boolean {
  if (!a.hi || !b.lo) return true;
  const c = cmp(b.lo.at, a.hi.at);
  return c < 0 || (c === 0 && (a.hi.inclusive || b.lo.inclusive));
}

/** The versions both ranges hold. */
export function intersect(a: Range, b: Range): Range {
  const out: Interval[] = [];
  for (const x of a)
    for (const y of b) {
      const i = intersectInterval(x, y);
      if (i) out.push(i);
    }
  return merge(out);
}

/** Every version `a` holds, `b` holds too. */
export function within(a: Range, b: Range): boolean {
  return a.every((x) =>
    b.some((y) => {
      const i = intersectInterval(x, y);
      return i !== null && sameBound(i.lo, x.lo) && sameBound(i.hi, x.hi);
    }),
  );
}

function sameBound(a: Bound | null, b: Bound | null): boolean {
  if (!a || !b) return a === b;
  return cmp(a.at, b.at) === 0 && a.inclusive === b.inclusive;
}

/** No version is in both. */
export function disjoint(a: Range, b: Range): boolean {
  return intersect(a, b).length === 0;
}

/** Whether `version` is in the range. */
export function holds(range: Range, version: string): boolean {
  return within(exactly(version), range);
}

/** The range of exactly one version. */
export function exactly(version: string): Range {
  const v = versionOf(version);
  const bound = v && { at: v, text: version, inclusive: true };
  return bound ? [{ lo: bound, hi: bound }] : [];
}

/** How each interval reads: its bounds as they were written (`4.1.7`, `9`), for the words around them. */
export function boundsOf(
  range: Range,
): { from: string | null; fromIncl: boolean; to: string | null; toIncl: boolean }[] {
  return range.map((i) => ({
    from: i.lo ? i.lo.text : null,
    fromIncl: i.lo?.inclusive ?? true,
    to: i.hi ? i.hi.text : null,
    toIncl: i.hi?.inclusive ?? false,
  }));
}
