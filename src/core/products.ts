/**
 * Which product above Netty a paste comes from, with the catalogue as data: the packages of its
 * frames, logger and class names on log lines, thread names, Netty relocation prefixes and, weakest,
 * the words of the prose. Code the catalogue does not know is named after its package.
 */
import type { Said } from '../i18n/messages.ts';
import { idOfPackage, isPlumbing, packageName } from './package-name.ts';
import { indexOf, type ProductIndex, productOfAbbreviated, productsOfName } from './product-index.ts';
import type { FrameworkDef, FrameworkHit } from './types.ts';

/** A product seen, with its evidence not yet worded (the reply's language comes later). */
export type ProductSighting = Omit<FrameworkHit, 'evidence'> & { evidence: Said };

const WORD = 0;
const THREAD = 1;
const LOGGER = 2;
const FRAME = 3;
const SHADED = 4;

interface Seen {
  evidence: Said;
  order: number;
  strength: number;
}

// `org.springframework.cloud.gateway.filter.NettyRoutingFilter`, `c.g.l.simplerpc.core.RpcServerHandler`:
// dotted names in log lines (loggers, exception classes, Reactor checkpoints); the line is lower-cased.
// Tried only where a word starts: from inside a word that has no dot, every start would fail again.
const DOTTED = /(?<![a-z_$])[a-z_$][\w$]{0,80}(?:\.[\w$]{1,80}){1,20}/g;
// `[reactor-http-epoll-2]`: a bracketed thread name in a layout the header reader does not know.
const BRACKETED = /\[([^[\]\s]{3,120})\]/g;
// `io.grpc.netty.shaded.`: what may stand before `io.netty.` in a relocated class name.
const RELOCATION = /^[a-z][\w$]{0,60}(?:\.[a-z][\w$]{0,60}){0,10}\.$/;
// Frames that allocate direct memory outside Netty: the frame below them called for the memory.
const DIRECT_ALLOCATION = [
  'java.nio.Bits.',
  'java.nio.DirectByteBuffer.',
  'java.nio.ByteBuffer.allocateDirect',
];
// `"thread_name":"reactor-http-epoll-1"` (logstash JSON), `"thread":"main"`
const JSON_THREAD = /"thread(?:_name|Name)?"\s{0,3}:\s{0,3}"([^"\\]{3,120})"/g;
// Names remembered as already looked at; a log of any size stays within this.
const MAX_TRIED = 4096;
// Longest part of a line searched for dotted names and brackets: loggers and threads sit at its head.
const HEAD = 2000;

/** Collects product evidence as lines go by; `result()` lists the most specific product first. */
export class ProductDetector {
  private readonly index: ProductIndex;
  private readonly seen = new Map<string, Seen>();
  /** Words that name a product only beside its parent: checked once all evidence is in. */
  private readonly parentWords = new Map<string, string>();
  private relocated: string | null = null;
  private afterNetty = false;
  private caller: { name: string; frame: string } | null = null;
  private readonly tried = new Set<string>();

  constructor(defs: FrameworkDef[]) {
    this.index = indexOf(defs);
  }

  /** Keep the strongest evidence (relocation > frame > logger > thread > word), in order of first sighting. */
  private hit(id: string, evidence: Said, strength: number): void {
    const old = this.seen.get(id);
    if (!old) this.seen.set(id, { evidence, order: this.seen.size, strength });
    else if (strength > old.strength) this.seen.set(id, { evidence, order: old.order, strength });
  }

  /** A stack frame as printed (possibly relocated) and with Netty's own package restored. */
  observeFrame(frame: string, unshaded: string): void {
    if (unshaded !== frame) this.observeRelocation(frame.slice(0, frame.length - unshaded.length));
    let own = productsOfName(this.index, frame);
    if (own.length === 0 && unshaded !== frame) own = productsOfName(this.index, unshaded);
    for (const id of own) this.hit(id, { key: 'framework.frame', values: { frame: shorten(frame) } }, FRAME);
    if (unshaded.startsWith('io.netty.') || DIRECT_ALLOCATION.some((a) => frame.startsWith(a))) {
      this.afterNetty = true;
      return;
    }
    // The first frame below Netty's that is neither plumbing nor catalogued: the code that called it.
    if (this.caller || own.length > 0 || !this.afterNetty || isPlumbing(unshaded)) return;
    const name = packageName(frame);
    if (name) this.caller = { name, frame: shorten(frame) };
  }

  /** Netty's package root from an exception class (`io.grpc.netty.shaded.io.netty.`). */
  observeNettyPackage(root: string, exceptionClass: string): void {
    const relocation = root !== 'io.netty.' && root.endsWith('.io.netty.') ? root.slice(0, -9) : null;
    if (relocation) this.observeRelocation(relocation);
    const unshaded =
      relocation && exceptionClass.startsWith(relocation) ? exceptionClass.slice(relocation.length) : null;
    for (const name of unshaded ? [exceptionClass, unshaded] : [exceptionClass]) {
      for (const id of productsOfName(this.index, name))
        this.hit(id, { key: 'framework.exception', values: { class: exceptionClass } }, FRAME);
    }
  }

  observeThread(thread: string): void {
    for (const p of this.index.products.values()) {
      if ((this.seen.get(p.def.id)?.strength ?? -1) >= THREAD) continue;
      if (p.threads.some((re) => re.test(thread)))
        this.hit(p.def.id, { key: 'framework.thread', values: { thread } }, THREAD);
    }
  }

  /** A line of prose or log text, lower-cased, and as written (thread names keep their case). */
  observeText(lower: string, text: string = lower): void {
    this.afterNetty = false;
    // Evidence quotes the line as written, where lower-casing kept every offset.
    const written = text.length === lower.length ? text : lower;
    this.observeWords(lower, written);
    const head = lower.length > HEAD ? lower.slice(0, HEAD) : lower;
    if (head.includes('.')) this.observeNames(head, written);
    if (head.includes('[') || head.includes('"thread')) this.observeThreadNames(text.slice(0, HEAD));
  }

  /**
   * What a log platform put before the lines (`linkerd[2410]: `): the service's name, and no more.
   * Its brackets hold a pid or an instance, never a thread.
   */
  observeSource(source: string): void {
    const lower = source.toLowerCase();
    this.observeWords(lower, source.length === lower.length ? source : lower);
  }

  /** The catalogue's words and logger names in a line (`lower`, and `written` as written). */
  private observeWords(lower: string, written: string): void {
    for (const m of this.index.words.matches(lower)) {
      if (!isWordAt(lower, m.at, m.literal.length)) continue;
      for (const { id, kind } of m.owner) {
        if (kind === 'logger') {
          const logger = written.substr(m.at, m.literal.length);
          this.hit(id, { key: 'framework.logger', values: { logger } }, LOGGER);
        } else if (kind === 'word') {
          if (!this.seen.has(id)) this.hit(id, { key: 'framework.word', values: { word: m.literal } }, WORD);
        } else if (!this.parentWords.has(id)) this.parentWords.set(id, m.literal);
      }
    }
  }

  /** Relocation prefixes in the order seen: the first is the paste's own. */
  relocation(): string | null {
    return this.relocated;
  }

  result(): ProductSighting[] {
    const structural = new Set([...this.seen].filter(([, s]) => s.strength > WORD).map(([id]) => id));
    for (const [id, word] of this.parentWords) {
      const parent = this.index.products.get(id)?.def.parent;
      if (parent && structural.has(parent))
        this.hit(id, { key: 'framework.wordBeside', values: { word, parent: this.nameOf(parent) } }, WORD);
    }
    const hits = [...this.seen]
      .filter(([id, s]) => s.strength > WORD || this.fits(id, structural))
      .map(([id, s]) => ({ id, s, depth: this.index.products.get(id)?.depth ?? 0 }))
      .sort((a, b) => b.depth - a.depth || a.s.order - b.s.order)
      .map(({ id, s }): ProductSighting => ({ id, name: this.nameOf(id), evidence: s.evidence }));
    // Netty alone (a root that products run on) does not name the product; anything above it does.
    const above = [...structural].some((id) => {
      const p = this.index.products.get(id);
      return p !== undefined && (p.depth > 0 || !p.platform);
    });
    if (this.caller && !above) {
      const { name, frame } = this.caller;
      const evidence: Said = { key: 'framework.frame', values: { frame } };
      hits.unshift({ id: idOfPackage(name), name, evidence, fromPackage: true });
    }
    return hits;
  }

  /**
   * A product named only in prose stands unless the code shows another, unrelated one: an
   * application's name may ride on any platform's frames, but not on another application's, and a
   * platform's name (gRPC) never overrides another platform's frames (Reactor Netty).
   */
  private fits(id: string, structural: Set<string>): boolean {
    const p = this.index.products.get(id);
    if (!p) return false;
    for (const other of structural) {
      const q = this.index.products.get(other);
      if (!q || q.ancestors.has(id) || p.ancestors.has(other)) continue;
      if (!q.platform || p.platform) return false;
    }
    return true;
  }

  /**
   * Whether a logger or bracketed name is new: a log repeats the same few on every line, and what
   * one of them shows is known after the first look. Past the cap every name is looked at again.
   */
  private firstTime(token: string): boolean {
    if (this.tried.has(token)) return false;
    if (this.tried.size < MAX_TRIED) this.tried.add(token);
    return true;
  }

  private nameOf(id: string): string {
    return this.index.products.get(id)?.def.name ?? id;
  }

  private observeRelocation(prefix: string): void {
    if (!RELOCATION.test(prefix)) return;
    this.relocated ??= prefix;
    const owner = this.index.shaded.find(([s]) => prefix === s || prefix.startsWith(s));
    if (owner) this.hit(owner[1], { key: 'framework.relocated', values: { prefix: owner[0] } }, SHADED);
  }

  /** Thread names in log layouts the header reader does not know: `[reactor-http-epoll-2]`, JSON fields. */
  private observeThreadNames(head: string): void {
    for (const re of [BRACKETED, JSON_THREAD]) {
      re.lastIndex = 0;
      for (let m = re.exec(head); m; m = re.exec(head))
        if (this.firstTime(`[${m[1]}`)) this.observeThread(m[1] as string);
    }
  }

  /** Logger, exception and class names on a log line (`head` lower-cased, `written` as written). */
  private observeNames(head: string, written: string): void {
    DOTTED.lastIndex = 0;
    for (let m = DOTTED.exec(head); m; m = DOTTED.exec(head)) {
      const name = m[0];
      if (!this.firstTime(name)) continue;
      const own = productsOfName(this.index, name);
      const abbreviated = own.length === 0 ? productOfAbbreviated(this.index, name) : null;
      const evidence: Said = {
        key: 'framework.logger',
        values: { logger: written.substr(m.index, name.length) },
      };
      for (const id of abbreviated ? [abbreviated] : own) this.hit(id, evidence, LOGGER);
    }
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
