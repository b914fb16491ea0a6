/**
 * The product catalogue compiled for lookups: package prefixes by exact segment prefix, thread
 * patterns, words, and each product's lineage (depth, ancestors), built once per catalogue.
 */
import { LiteralSet } from './literal-set.ts';
import type { FrameworkDef } from './types.ts';

export interface IndexedProduct {
  def: FrameworkDef;
  /** How many parents it stands on (netty 0, reactor-netty 1, spring-cloud-gateway 2). */
  depth: number;
  /** Its parent, its parent's parent… */
  ancestors: Set<string>;
  /** Another product names it as parent: it is something products run on (gRPC, Reactor Netty). */
  platform: boolean;
  threads: RegExp[];
}

/** A product a literal names, and how: a word of prose, a word needing its parent, a logger class. */
export interface WordOwner {
  id: string;
  kind: 'word' | 'parent-word' | 'logger';
}

/** A package prefix, split at its dots, for matching logback-abbreviated logger names. */
interface Prefix {
  id: string;
  segments: string[];
}

export interface ProductIndex {
  products: Map<string, IndexedProduct>;
  /** `io.seata.` → `[seata]`, lower-cased; a prefix two products share (BookKeeper in Pulsar) names both. */
  packages: Map<string, string[]>;
  shaded: [prefix: string, id: string][];
  prefixes: Prefix[];
  /** Longest package, in segments: no longer prefix needs to be looked up. */
  maxSegments: number;
  /**
   * Keywords, parent keywords and bare logger class names (dotted abbreviated loggers such as
   * `r.n.http.` are packages), in one set so that a line is searched once. A literal names every
   * product that lists it (`bookie`: BookKeeper and Pulsar).
   */
  words: LiteralSet<WordOwner[]>;
}

const cache = new WeakMap<FrameworkDef[], ProductIndex>();

/** The index of a catalogue, built on first use. */
export function indexOf(defs: FrameworkDef[]): ProductIndex {
  const hit = cache.get(defs);
  if (hit) return hit;
  const byId = new Map(defs.map((d) => [d.id, d]));
  const parents = new Set(defs.map((d) => d.parent).filter((p): p is string => p !== undefined));
  const products = new Map<string, IndexedProduct>();
  const packages = new Map<string, string[]>();
  const prefixes: Prefix[] = [];
  let maxSegments = 1;
  const words: [string, WordOwner][] = [];
  for (const def of defs) {
    const ancestors = new Set<string>();
    for (let p = def.parent ? byId.get(def.parent) : undefined; p && !ancestors.has(p.id); ) {
      ancestors.add(p.id);
      p = p.parent ? byId.get(p.parent) : undefined;
    }
    products.set(def.id, {
      def,
      depth: ancestors.size,
      ancestors,
      platform: parents.has(def.id),
      threads: (def.threads ?? []).map((t) => new RegExp(t)),
    });
    const dotted = [...(def.packages ?? []), ...(def.loggers ?? []).filter((l) => l.endsWith('.'))];
    for (const p of dotted) {
      const lower = p.toLowerCase();
      const owners = packages.get(lower) ?? [];
      if (!owners.includes(def.id)) packages.set(lower, [...owners, def.id]);
      const segments = lower.slice(0, -1).split('.');
      maxSegments = Math.max(maxSegments, segments.length);
      prefixes.push({ id: def.id, segments });
    }
    const id = def.id;
    for (const k of def.keywords ?? []) words.push([k.toLowerCase(), { id, kind: 'word' }]);
    for (const k of def.parentKeywords ?? []) words.push([k.toLowerCase(), { id, kind: 'parent-word' }]);
    for (const l of def.loggers ?? [])
      if (!l.endsWith('.')) words.push([l.toLowerCase(), { id, kind: 'logger' }]);
  }
  const index: ProductIndex = {
    products,
    packages,
    shaded: defs.flatMap((d) => (d.shaded ?? []).map((s): [string, string] => [s, d.id])),
    prefixes,
    maxSegments,
    words: literalSet(words),
  };
  cache.set(defs, index);
  return index;
}

/** Literals and what they name, a literal listed more than once naming every product that lists it. */
function literalSet(entries: [literal: string, owner: WordOwner][]): LiteralSet<WordOwner[]> {
  const owners = new Map<string, WordOwner[]>();
  for (const [literal, owner] of entries) owners.set(literal, [...(owners.get(literal) ?? []), owner]);
  return new LiteralSet([...owners]);
}

/**
 * The products whose package starts a dotted name (`io.seata.core.rpc.netty.RpcServer`), trying the
 * longest prefix first so that a product's sub-package wins over its parent's package.
 */
export function productsOfName(index: ProductIndex, name: string): string[] {
  const lower = name.toLowerCase();
  let end = -1;
  const ends: number[] = [];
  for (let i = 0; i < index.maxSegments; i++) {
    end = lower.indexOf('.', end + 1);
    if (end < 0) break;
    ends.push(end);
  }
  // A name without a trailing dot may itself be a listed prefix (`com.acme.Handler` listed as such).
  if (ends.length < index.maxSegments) ends.push(lower.length);
  for (let i = ends.length - 1; i >= 0; i--) {
    const prefix = `${lower.slice(0, ends[i])}.`;
    const ids = index.packages.get(prefix);
    if (ids) return ids;
  }
  return [];
}

/**
 * A logback-abbreviated logger (`c.g.l.simplerpc.core.RpcServerHandler`) against the packages: every
 * segment is the package's or its initial, and at least one segment after the first is spelled out,
 * so that `o.s.c.g` alone never claims a product.
 */
export function productOfAbbreviated(index: ProductIndex, name: string): string | null {
  const segments = name.toLowerCase().split('.');
  if (!segments.some((s) => s.length === 1)) return null;
  for (const p of index.prefixes) {
    if (segments.length <= p.segments.length) continue;
    let spelled = false;
    let ok = true;
    for (let i = 0; i < p.segments.length && ok; i++) {
      const t = segments[i] as string;
      const full = p.segments[i] as string;
      if (t === full) spelled ||= i > 0 && t.length > 1;
      else ok = t.length === 1 && full.startsWith(t);
    }
    if (ok && spelled) return p.id;
  }
  return null;
}
