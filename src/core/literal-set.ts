/**
 * Find which of many literal strings occur in a line, in one pass over it: an Aho–Corasick automaton
 * over UTF-16 code units, with a full transition table for ASCII and a map per state for the rest.
 * A regular expression alternating the same hundreds of literals tries each of them at every
 * position. Matches are the ones that alternation (longest literal first) would give: leftmost,
 * longest at the same start, never overlapping.
 */

/** Code units below this have a column in the transition table. */
const ASCII = 128;

export class LiteralSet<T> {
  /**
   * (state × ASCII + code unit) → next state × ASCII, plus 1 when a literal ends in it (the scan
   * clears that bit before indexing), fallbacks folded in.
   */
  private readonly next: Int32Array;
  /** Per state: its own transitions on code units past ASCII (the trie's, not folded). */
  private readonly wide: (Map<number, number> | undefined)[];
  private readonly fail: Int32Array;
  /** Per state: the lengths of the literals that end in it, its own and its suffixes'. */
  private readonly ends: (readonly number[])[];
  /** 1 for each code unit past ASCII that some literal holds: any other one leads back to the root. */
  private readonly wideUnits = new Uint8Array(0x10000);
  private readonly owners = new Map<string, T>();

  /** `literals` are matched as given: lower-case them and the input for case-insensitive matching. */
  constructor(entries: [literal: string, owner: T][]) {
    for (const [lit, owner] of entries) if (lit !== '' && !this.owners.has(lit)) this.owners.set(lit, owner);
    // The trie.
    const children: Map<number, number>[] = [new Map()];
    const own: number[] = [0];
    for (const lit of this.owners.keys()) {
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        if (c >= ASCII) this.wideUnits[c] = 1;
        let t = (children[s] as Map<number, number>).get(c);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          own.push(0);
          (children[s] as Map<number, number>).set(c, t);
        }
        s = t;
      }
      own[s] = lit.length;
    }
    const n = children.length;
    const next = new Int32Array(n * ASCII);
    this.next = next;
    this.fail = new Int32Array(n);
    this.wide = new Array(n);
    this.ends = new Array(n);
    this.ends[0] = [];
    // Breadth first, so a state's fallback is done before it: its ASCII row is its fallback's (a
    // native copy) with its own edges written over it, and only the trie's edges are visited.
    const order = [0];
    for (let q = 0; q < order.length; q++) {
      const s = order[q] as number;
      const f = this.fail[s] as number;
      if (s !== 0) next.copyWithin(s * ASCII, f * ASCII, f * ASCII + ASCII);
      for (const [c, t] of children[s] as Map<number, number>) {
        const tf = s === 0 ? 0 : this.step(f, c);
        this.fail[t] = tf;
        const mine = own[t] as number;
        const inherited = this.ends[tf] as readonly number[];
        this.ends[t] = mine > 0 ? [mine, ...inherited] : inherited;
        if (c < ASCII)
          next[s * ASCII + c] = t * ASCII + ((this.ends[t] as readonly number[]).length > 0 ? 1 : 0);
        else this.wide[s] = (this.wide[s] ?? new Map<number, number>()).set(c, t);
        order.push(t);
      }
    }
  }

  /** The state after `s` reads the code unit `c`. */
  private step(s: number, c: number): number {
    if (c < ASCII) return (this.next[s * ASCII + c] as number) >> 7;
    if (this.wideUnits[c] === 0) return 0;
    for (let q = s; ; q = this.fail[q] as number) {
      const t = this.wide[q]?.get(c);
      if (t !== undefined) return t;
      if (q === 0) return 0;
    }
  }

  /** Every match in `text`: the literal, its owner and where it starts. */
  matches(text: string): { literal: string; owner: T; at: number }[] {
    // Every occurrence, as (start, length), in the order they end.
    let found: number[] | null = null;
    const { next, wideUnits, ends } = this;
    // The state × ASCII, with the bit that says a literal ends in it.
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < ASCII) s = next[(s & -2) + c] as number;
      else if (wideUnits[c] === 0) s = 0;
      else {
        const t = this.step(s >> 7, c);
        s = t * ASCII + ((ends[t] as readonly number[]).length > 0 ? 1 : 0);
      }
      if ((s & 1) === 0) continue;
      found ??= [];
      for (const len of ends[s >> 7] as readonly number[]) found.push(i + 1 - len, len);
    }
    if (found === null) return NONE;
    // Leftmost first, the longest of those that start together, none overlapping the one taken.
    const order = Array.from({ length: found.length / 2 }, (_, k) => k * 2);
    order.sort(
      (a, b) =>
        (found[a] as number) - (found[b] as number) || (found[b + 1] as number) - (found[a + 1] as number),
    );
    const out: { literal: string; owner: T; at: number }[] = [];
    let from = 0;
    for (const k of order) {
      const at = found[k] as number;
      if (at < from) continue;
      const len = found[k + 1] as number;
      const literal = text.slice(at, at + len);
      from = at + len;
      out.push({ literal, owner: this.owners.get(literal) as T, at });
    }
    return out;
  }
}

const NONE: never[] = [];
