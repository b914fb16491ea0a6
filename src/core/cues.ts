/** Signals found in what people write around a trace ("压测", "keeps growing", "SimpleChannelInboundHandler"). */
import { LiteralSet } from './literal-set.ts';
import type { SignalDef } from './types.ts';

const EXCERPT = 100;

const cache = new WeakMap<SignalDef[], { set: LiteralSet<string>; count: number }>();

function compile(signals: SignalDef[]) {
  let c = cache.get(signals);
  if (!c) {
    const text = signals.filter((s) => s.source === 'text');
    const entries = text.flatMap((s) =>
      (s.patterns ?? []).map((p): [string, string] => [p.toLowerCase(), s.id]),
    );
    c = { set: new LiteralSet(entries), count: text.length };
    cache.set(signals, c);
  }
  return c;
}

export class CueMatcher {
  private readonly set: LiteralSet<string>;
  private readonly count: number;
  readonly found = new Map<string, string>();

  constructor(signals: SignalDef[]) {
    ({ set: this.set, count: this.count } = compile(signals));
  }

  /** `lower` is `line` lower-cased. */
  observe(line: string, lower: string): void {
    if (this.found.size === this.count) return;
    for (const m of this.set.matches(lower)) {
      if (!this.found.has(m.owner)) this.found.set(m.owner, excerpt(line, m.at, m.literal.length));
    }
  }
}

/** The words around a match, trimmed to a readable length. */
function excerpt(line: string, at: number, len: number): string {
  const t = line.trim();
  if (t.length <= EXCERPT) return t;
  const offset = line.length - line.trimStart().length;
  const start = Math.max(0, Math.min(at - offset - 40, t.length - EXCERPT));
  const piece = t.slice(start, start + EXCERPT).trim();
  return (
    `${start > 0 ? '…' : ''}${piece}${start + EXCERPT < t.length ? '…' : ''}`.replace(/\s+/g, ' ') ||
    t.slice(0, len)
  );
}
