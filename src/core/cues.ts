/** Signals found in what people write around a trace ("压测", "keeps growing", "SimpleChannelInboundHandler"). */
import type { SignalDef } from './types.ts';

const EXCERPT = 100;

export class CueMatcher {
  private readonly pending: { id: string; patterns: string[] }[];
  readonly found = new Map<string, string>();

  constructor(signals: SignalDef[]) {
    this.pending = signals
      .filter((s) => s.source === 'text' && s.patterns && s.patterns.length > 0)
      .map((s) => ({ id: s.id, patterns: (s.patterns ?? []).map((p) => p.toLowerCase()) }));
  }

  /** `lower` is `line` lower-cased. */
  observe(line: string, lower: string): void {
    if (this.found.size === this.pending.length) return;
    for (const cue of this.pending) {
      if (this.found.has(cue.id)) continue;
      for (const p of cue.patterns) {
        const at = lower.indexOf(p);
        if (at >= 0) {
          this.found.set(cue.id, excerpt(line, at, p.length));
          break;
        }
      }
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
