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
  /** (state × ASCII + code unit) → next state, fallbacks folded in. */
  private readonly next: Int32Array;
  /** Per state: its own transitions on code units past ASCII (the trie's, not folded). */
  private readonly wide: (Map<number, number> | undefined)[];
  private readonly fail: Int32Array;
  /** Per state: the lengths of the literals that end in it, its own and its suffixes'. */
  private readonly ends: (readonly number[])[];
  /** 1 for each code unit past ASCII that some literal holds: any other one leads back to the root. */
  private readonly wideUnits = new Uint8Array(0x10000);
  /** Per state: 1 when some literal ends in it. */
  private readonly matching: Uint8Array;
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
    this.next = new Int32Array(n * ASCII);
    this.fail = new Int32Array(n);
    this.wide = new Array(n);
    this.ends = new Array(n);
    this.matching = new Uint8Array(n);
    // Breadth first: each state's fallback, the literal lengths ending in it, its ASCII row.
    const order = [0];
    for (let q = 0; q < order.length; q++) {
      const s = order[q] as number;
      const f = this.fail[s] as number;
      const mine = own[s] as number;
      const inherited = s === 0 ? [] : (this.ends[f] as readonly number[]);
      this.ends[s] = mine > 0 ? [mine, ...inherited] : inherited;
      this.matching[s] = (this.ends[s] as readonly number[]).length > 0 ? 1 : 0;
      for (let c = 0; c < ASCII; c++) {
        const t = (children[s] as Map<number, number>).get(c);
        if (t === undefined) this.next[s * ASCII + c] = s === 0 ? 0 : (this.next[f * ASCII + c] as number);
        else {
          this.next[s * ASCII + c] = t;
          this.fail[t] = s === 0 ? 0 : (this.next[f * ASCII + c] as number);
          order.push(t);
        }
      }
      for (const [c, t] of children[s] as Map<number, number>) {
        if (c < ASCII) continue;
        const wide = this.wide[s] ?? new Map<number, number>();
        this.wide[s] = wide.set(c, t);
        this.fail[t] = s === 0 ? 0 : this.step(f, c);
        order.push(t);
      }
    }
  }

  /** The state after `s` reads the code unit `c`. */
  private step(s: number, c: number): number {
    if (c < ASCII) return this.next[s * ASCII + c] as number;
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
    const { next, matching, wideUnits } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < ASCII) s = next[s * ASCII + c] as number;
      else s = wideUnits[c] === 0 ? 0 : this.step(s, c);
      if (matching[s] === 0) continue;
      found ??= [];
      for (const len of this.ends[s] as readonly number[]) found.push(i + 1 - len, len);
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
