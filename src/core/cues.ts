/** Signals found in what people write around a trace ("压测", "keeps growing", "SimpleChannelInboundHandler"). */
import { LiteralSet } from './literal-set.ts';
import type { Header } from './parse/header.ts';
import type { SignalDef } from './types.ts';

const EXCERPT = 100;

// Advice, not testimony: "consider upgrading to…", "建议升级到…" says nothing about what happened.
const ADVICE =
  /建议|考虑|可以尝试|不妨|\bconsider |you should|you could|you can try|(?:we|i) (?:recommend|suggest)|is recommended/;

const cache = new WeakMap<
  SignalDef[],
  { set: LiteralSet<string>; count: number; testimony: ReadonlySet<string> }
>();

function compile(signals: SignalDef[]) {
  let c = cache.get(signals);
  if (!c) {
    const text = signals.filter((s) => s.source === 'text');
    const entries = text.flatMap((s) =>
      (s.patterns ?? []).map((p): [string, string] => [p.toLowerCase(), s.id]),
    );
    const testimony = new Set(text.filter((s) => s.testimony).map((s) => s.id));
    c = { set: new LiteralSet(entries), count: text.length, testimony };
    cache.set(signals, c);
  }
  return c;
}

export class CueMatcher {
  private readonly set: LiteralSet<string>;
  private readonly count: number;
  private readonly testimony: ReadonlySet<string>;
  readonly found = new Map<string, string>();

  constructor(signals: SignalDef[]) {
    ({ set: this.set, count: this.count, testimony: this.testimony } = compile(signals));
  }

  /**
   * `lower` is `line` lower-cased; `record` says the line is a log record or an exception message.
   * Testimony signals (what people say happened) count only in what a person wrote, and not in advice.
   */
  observe(line: string, lower: string, record = false): void {
    if (this.found.size === this.count) return;
    let advice: boolean | null = null;
    for (const m of this.set.matches(lower)) {
      if (this.found.has(m.owner)) continue;
      if (this.testimony.has(m.owner)) {
        if (record) continue;
        advice ??= ADVICE.test(lower);
        if (advice) continue;
      }
      this.found.set(m.owner, excerpt(line, m.at, m.literal.length));
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

// `java.lang.OutOfMemoryError: …`, `Caused by: …`, `Exception in thread "main" …`
const THROWN =
  /^(?:Caused by: |Suppressed: |Exception in thread |[\w$.]{1,200}(?:Exception|Error|Throwable)\b)/;

/** An exception's own line: its class and message, a cause, a suppressed one. */
export function isThrown(line: string): boolean {
  return THROWN.test(line);
}

/** A log record or an exception's own text, as opposed to what a person wrote around it. */
export function isRecord(line: string, header: Header): boolean {
  return header.timestamp !== null || isThrown(line);
}
