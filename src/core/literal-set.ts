/** Find which of many literal strings occur in a line, with one native regex pass instead of many `indexOf`s. */

const SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

export class LiteralSet<T> {
  private readonly re: RegExp | null;
  private readonly owners = new Map<string, T>();

  /** `literals` are matched as given: lower-case them and the input for case-insensitive matching. */
  constructor(entries: [literal: string, owner: T][]) {
    // Longest first, so that a literal that contains another wins at the same position.
    const sorted = [...entries].sort((a, b) => b[0].length - a[0].length);
    for (const [lit, owner] of sorted) if (!this.owners.has(lit)) this.owners.set(lit, owner);
    this.re =
      sorted.length > 0 ? new RegExp(sorted.map(([l]) => l.replace(SPECIAL, '\\$&')).join('|'), 'g') : null;
  }

  /** Every match in `text`: the literal, its owner and where it starts. */
  *matches(text: string): Generator<{ literal: string; owner: T; at: number }> {
    if (!this.re) return;
    this.re.lastIndex = 0;
    for (let m = this.re.exec(text); m; m = this.re.exec(text)) {
      const owner = this.owners.get(m[0]) as T;
      yield { literal: m[0], owner, at: m.index };
      if (m[0].length === 0) this.re.lastIndex++;
    }
  }
}
