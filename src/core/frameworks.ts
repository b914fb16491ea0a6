/** Which frameworks a paste shows, from frames, thread names, relocation prefixes and words. */
import type { Said } from '../i18n/messages.ts';
import { LiteralSet } from './literal-set.ts';
import type { FrameworkDef, FrameworkHit } from './types.ts';

/** A framework seen, with its evidence not yet worded (the reply's language comes later). */
export type FrameworkSighting = Omit<FrameworkHit, 'evidence'> & { evidence: Said };

interface Compiled {
  def: FrameworkDef;
  depth: number;
  threads: RegExp[];
}

const WORD = 0;
const THREAD = 1;
const FRAME = 2;
const SHADED = 3;

const compiledCache = new WeakMap<FrameworkDef[], Compiled[]>();
const keywordCache = new WeakMap<FrameworkDef[], LiteralSet<string>>();

function keywordsOf(defs: FrameworkDef[]): LiteralSet<string> {
  let set = keywordCache.get(defs);
  if (!set) {
    set = new LiteralSet(
      defs.flatMap((d) => (d.keywords ?? []).map((k): [string, string] => [k.toLowerCase(), d.id])),
    );
    keywordCache.set(defs, set);
  }
  return set;
}

function compile(defs: FrameworkDef[]): Compiled[] {
  const cached = compiledCache.get(defs);
  if (cached) return cached;
  const byId = new Map(defs.map((d) => [d.id, d]));
  const depthOf = (d: FrameworkDef): number => {
    let depth = 0;
    let p = d.parent ? byId.get(d.parent) : undefined;
    while (p && depth < 20) {
      depth++;
      p = p.parent ? byId.get(p.parent) : undefined;
    }
    return depth;
  };
  const compiled = defs.map((def) => ({
    def,
    depth: depthOf(def),
    threads: (def.threads ?? []).map((t) => new RegExp(t)),
  }));
  compiledCache.set(defs, compiled);
  return compiled;
}

/** Collects framework evidence as lines go by; `result()` lists the most specific first. */
export class FrameworkDetector {
  private readonly compiled: Compiled[];
  private readonly hits = new Map<string, { evidence: Said; order: number; strength: number }>();

  private readonly keywords: LiteralSet<string>;

  constructor(defs: FrameworkDef[]) {
    this.compiled = compile(defs);
    this.keywords = keywordsOf(defs);
  }

  /** Keep the strongest evidence (relocation > frame > thread > word), in order of first sighting. */
  private hit(id: string, evidence: Said, strength: number): void {
    const old = this.hits.get(id);
    if (!old) this.hits.set(id, { evidence, order: this.hits.size, strength });
    else if (strength > old.strength) this.hits.set(id, { evidence, order: old.order, strength });
  }

  private has(id: string, strength: number): boolean {
    return (this.hits.get(id)?.strength ?? -1) >= strength;
  }

  /** A stack frame as printed (possibly relocated) and with Netty's own package restored. */
  observeFrame(frame: string, unshaded: string): void {
    for (const c of this.compiled) {
      if (this.has(c.def.id, FRAME)) continue;
      for (const s of c.def.shaded ?? []) {
        if (frame.startsWith(s)) {
          this.hit(c.def.id, { key: 'framework.relocated', values: { prefix: s } }, SHADED);
          break;
        }
      }
      for (const p of c.def.packages ?? []) {
        if (frame.startsWith(p) || unshaded.startsWith(p)) {
          const shown = shorten(frame.startsWith(p) ? frame : unshaded);
          this.hit(c.def.id, { key: 'framework.frame', values: { frame: shown } }, FRAME);
          break;
        }
      }
    }
  }

  /** Netty's package root from an exception class (`io.grpc.netty.shaded.io.netty.`). */
  observeNettyPackage(root: string, exceptionClass: string): void {
    for (const c of this.compiled) {
      if (this.has(c.def.id, SHADED)) continue;
      const shaded = (c.def.shaded ?? []).find((s) => root.startsWith(s));
      if (shaded) this.hit(c.def.id, { key: 'framework.relocated', values: { prefix: shaded } }, SHADED);
      else if (
        (c.def.packages ?? []).some(
          (p) => root === p || root.endsWith(`.${p}`) || exceptionClass.startsWith(p),
        )
      ) {
        this.hit(c.def.id, { key: 'framework.exception', values: { class: exceptionClass } }, FRAME);
      }
    }
  }

  observeThread(thread: string): void {
    for (const c of this.compiled) {
      if (this.has(c.def.id, THREAD)) continue;
      if (c.threads.some((re) => re.test(thread)))
        this.hit(c.def.id, { key: 'framework.thread', values: { thread } }, THREAD);
    }
  }

  /** A line of prose or log text, already lower-cased. */
  observeText(lower: string): void {
    for (const m of this.keywords.matches(lower)) {
      if (!this.hits.has(m.owner) && isWordAt(lower, m.at, m.literal.length))
        this.hit(m.owner, { key: 'framework.word', values: { word: m.literal } }, WORD);
    }
  }

  result(): FrameworkSighting[] {
    return this.compiled
      .filter((c) => this.hits.has(c.def.id))
      .map((c) => ({
        c,
        h: this.hits.get(c.def.id) as { evidence: Said; order: number; strength: number },
      }))
      .sort((a, b) => b.c.depth - a.c.depth || a.h.order - b.h.order)
      .map(({ c, h }) => ({ id: c.def.id, evidence: h.evidence }));
  }
}

function isWordAt(s: string, at: number, len: number): boolean {
  const before = at === 0 ? '' : s.charAt(at - 1);
  const after = s.charAt(at + len);
  return !/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after);
}

function shorten(frame: string): string {
  const open = frame.indexOf('(');
  return open > 0 ? frame.slice(0, open) : frame;
}
