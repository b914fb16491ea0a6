/**
 * The facts evidence rules read, derived once from a report: its numbers, the allocation path and
 * frames, the Netty version and relocation, the products, leak records, the evidence pasted beside
 * the trace and what people wrote around it.
 */
import { chunkFor, versionCompare } from '../core/chunks.ts';
import { unshade } from '../core/parse/frame.ts';
import type { AllocationPath, FrameworkDef, KnownBug, Report, Summary } from '../core/types.ts';

export interface Facts {
  report: Report;
  summary: Summary;
  requested: number | null;
  used: number | null;
  max: number | null;
  /** max − used, when both are known. */
  free: number | null;
  path: AllocationPath;
  /** The pooled chunk size this Netty (or gRPC's allocator) grows by. */
  chunk: number;
  /**
   * The request is a pool growing by one chunk: the frames say `newChunk`, or, with no frames, a
   * power-of-two request of which `used` is a whole multiple (plus the few bytes of Netty's static
   * buffers: +7 for HTTP/1, +287 for gRPC).
   */
  chunkRequest: boolean;
  /** The frames of the event that ended the service, relocation removed. */
  frames: string[];
  /** Every frame of every event, relocation removed. */
  allFrames: string[];
  /** Product ids detected, most specific first. */
  products: string[];
  /** The product catalogue, for names and packages. */
  catalogue: FrameworkDef[];
  /** Each product's known bugs with machine-readable ranges, by product id. */
  knownBugs: Record<string, KnownBug[]>;
  nettyVersion: string | null;
  /** The JDK is 9 or later: its wording (`Cannot reserve`) or module frames say so. */
  jdk9Plus: boolean;
  /** A signal the analyzer computed, or a cue found in the prose, with its values. */
  signal(id: string): Record<string, string> | null;
  /** A frame of the failing event containing `needle`, or null. */
  frame(needle: string): string | null;
  /** Product ids that own a frame (by package), for leak records and allocation sites. */
  ownerOf(frame: string): string | null;
  /** The Netty version is known and before `version`. */
  nettyBefore(version: string): boolean;
}

/** The facts of a report; `frameworks` is the catalogue, for whose package a frame is. */
export function factsOf(
  report: Report,
  frameworks: FrameworkDef[],
  knownBugs: Record<string, KnownBug[]> = {},
): Facts {
  const s = report.summary;
  const primary = report.events.find((e) => e.kind === s.kind && e.frames.length > 0) ?? report.events[0];
  const frames = (primary?.frames ?? []).map(unshade);
  const allFrames = report.events.flatMap((e) => e.frames.map(unshade));
  const grpc = s.frameworks.some((f) => f.id === 'grpc' || f.id === 'nacos');
  const packages = frameworks
    .filter((f) => f.id !== 'netty')
    .flatMap((f) => (f.packages ?? []).map((p) => [p, f.id] as const))
    .sort((a, b) => b[0].length - a[0].length);
  const version = s.nettyVersion;
  return {
    report,
    summary: s,
    requested: s.requestedBytes,
    used: s.usedBytes,
    max: s.maxBytes,
    free: s.usedBytes !== null && s.maxBytes !== null ? s.maxBytes - s.usedBytes : null,
    path: s.allocationPath,
    chunk: chunkFor(version, s.requestedBytes, grpc).size,
    chunkRequest:
      s.allocationPath === 'pooled-chunk' ||
      (frames.length === 0 && wholeChunks(s.requestedBytes, s.usedBytes)),
    frames,
    allFrames,
    products: s.frameworks.map((f) => f.id).filter((id) => id !== 'netty'),
    catalogue: frameworks,
    knownBugs,
    nettyVersion: version,
    jdk9Plus: report.events.some((e) => e.kind === 'cannot_reserve') || 'jdk-modules' in report.signals,
    signal: (id) => report.signals[id] ?? null,
    frame: (needle) => frames.find((f) => f.includes(needle)) ?? null,
    ownerOf(frame) {
      const name = unshade(frame).replace(/^[\w.]+\//, '');
      if (name.startsWith('io.netty.')) return 'netty';
      return packages.find(([p]) => name.startsWith(p))?.[1] ?? null;
    },
    nettyBefore: (v) => version !== null && versionCompare(version, v) < 0,
  };
}

const MIB = 1024 * 1024;

function wholeChunks(requested: number | null, used: number | null): boolean {
  if (requested === null || used === null || requested < MIB || used < requested) return false;
  const powerOfTwo = (requested & (requested - 1)) === 0;
  return powerOfTwo && used % requested < 64 * 1024;
}

/**
 * One request bigger than the room left while little of the limit was in use (under 60 %): the pool
 * was not full, a single allocation was absurd. Its numbers, or null.
 */
export function oversizedRequest({
  requested,
  used,
  max,
  free,
}: Facts): { requested: number; used: number; max: number } | null {
  return requested !== null &&
    used !== null &&
    max !== null &&
    free !== null &&
    requested > free &&
    used < max * 0.6
    ? { requested, used, max }
    : null;
}
