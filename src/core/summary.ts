/** The facts of a report's summary: the primary event, its numbers, Netty, threads, paths and leak sites. */
import { say } from '../i18n/messages.ts';
import { type Chunk, chunkFor } from './chunks.ts';
import {
  allocationPathOf,
  ioDirectionOf,
  leakSiteOf,
  nettyRootOfFrames,
  relocationOf,
  transportOf,
  userCopySite,
} from './frames.ts';
import { limitOriginOf } from './limit.ts';
import { nettyReleasesOf } from './netty-lines.ts';
import { unshade } from './parse/frame.ts';
import type { ScannedEvent, ScanResult } from './scanner.ts';
import type { AllocationPath, IoDirection, Language, ProductVersion, Sample, Summary } from './types.ts';
import { parseTimestamp } from './units.ts';

const MAX_SAMPLES = 200;
const MAX_LEAK_SITES = 10;

/** What the signals read beside the summary: the events and frames it was made from. */
export interface SummaryContext {
  primary: ScannedEvent | null;
  oomEvents: ScannedEvent[];
  leakEvents: ScannedEvent[];
  frames: string[];
  allFrames: string[];
  path: { path: AllocationPath; frame: string | null };
  direction: { direction: IoDirection; frame: string | null };
  chunk: Chunk;
  /** The first user frame that copies or retains a buffer in an OOM trace. */
  copy: { call: string; frame: string } | null;
}

/**
 * The event a person reads first: the one that ended the service. An uncaught error (its thread
 * died) before one that was logged and survived; one whose numbers are all whole before one cut
 * short (a paste limit cuts the last trace); then the latest: by timestamp when both show one, else
 * by its place in the log. Leak reports only when no out-of-memory error is there.
 */
export function primaryEvent(events: ScannedEvent[]): ScannedEvent | null {
  const ooms = events.filter((e) => e.kind !== 'leak_report');
  let best: ScannedEvent | null = null;
  for (const e of ooms.length > 0 ? ooms : events) if (!best || endedLater(e, best)) best = e;
  return best;
}

const whole = (e: ScannedEvent) => e.requestedBytes !== null && e.usedBytes !== null && e.maxBytes !== null;

function endedLater(a: ScannedEvent, b: ScannedEvent): boolean {
  if (a.uncaught !== b.uncaught) return a.uncaught;
  if (whole(a) !== whole(b)) return whole(a);
  const ta = a.timestamp === null ? null : parseTimestamp(a.timestamp);
  const tb = b.timestamp === null ? null : parseTimestamp(b.timestamp);
  if (ta !== null && tb !== null && ta !== tb) return ta > tb;
  return a.line > b.line;
}

/** The frames that describe the primary event: its own, or those of the same error printed elsewhere. */
function framesFor(primary: ScannedEvent | null, events: ScannedEvent[]): string[] {
  if (!primary) return [];
  if (primary.frames.length > 0) return primary.frames;
  const same = events.find(
    (e) => e.kind === primary.kind && e.requestedBytes === primary.requestedBytes && e.frames.length > 0,
  );
  return same?.frames ?? events.find((e) => e.kind !== 'leak_report' && e.frames.length > 0)?.frames ?? [];
}

/** The summary of what the scanner saw, and the context the signals are computed from. */
export function summaryOf(
  scan: ScanResult,
  lang: Language,
  frameworkPackages: string[],
  productVersions: Record<string, ProductVersion> = {},
): { summary: Summary; context: SummaryContext } {
  const { events, companions } = scan;
  const primary = primaryEvent(events);
  const oomEvents = events.filter((e) => e.kind !== 'leak_report');
  const leakEvents = events.filter((e) => e.kind === 'leak_report');
  const frames = framesFor(primary, events);
  const allFrames = events.flatMap((e) => e.frames);

  const requested = primary?.requestedBytes ?? null;
  const used = primary?.usedBytes ?? null;
  const max = primary?.maxBytes ?? null;

  const nettyPackage =
    primary?.nettyPackage ??
    nettyRootOfFrames(frames) ??
    events.find((e) => e.nettyPackage)?.nettyPackage ??
    nettyRootOfFrames(allFrames) ??
    (scan.relocation ? `${scan.relocation}io.netty.` : null);
  const nettyPropertyPrefix = nettyPackage ?? 'io.netty.';
  const shadedPrefix = relocationOf(nettyPropertyPrefix);

  const versions = [...companions.versions.entries()].sort((a, b) => b[1] - a[1]);
  // A jar first; else a dependency or the prose naming Netty beside it ("Netty version: 3.10.6.Final"),
  // never a version inferred from an upgrade sentence or from line numbers.
  const stated = productVersions.netty;
  const nettyVersion = versions[0]?.[0] ?? (stated && stated.from !== 'upgrade' ? stated.version : null);

  // The headline's thread first: a reader takes the first thread for the one that failed.
  const threads = [
    ...new Set([primary, ...events].map((e) => e?.thread ?? null).filter((t): t is string => t !== null)),
  ];
  const path =
    primary && primary.kind !== 'leak_report'
      ? allocationPathOf(frames)
      : { path: 'unknown' as const, frame: null };
  const direction =
    primary && primary.kind !== 'leak_report'
      ? ioDirectionOf(frames, frameworkPackages)
      : { direction: 'unknown' as const, frame: null };
  const limitOrigin = limitOriginOf(max, companions, lang);
  const frameworks = scan.frameworks.map((f) => ({ ...f, evidence: say(f.evidence, lang) }));
  const grpc =
    frameworks.some((f) => f.id === 'grpc' || f.id === 'nacos') ||
    (shadedPrefix ?? '').startsWith('io.grpc.');
  const chunk = chunkFor(nettyVersion, requested, grpc);

  // Leak sites: LEAK `Created at:` records, and user frames that copy/retain buffers in OOM traces.
  const siteCounts = new Map<string, number>();
  const addSite = (frame: string, n: number) => siteCounts.set(frame, (siteCounts.get(frame) ?? 0) + n);
  for (const e of leakEvents) for (const s of leakSiteOf(e.records)) addSite(s, e.occurrences);
  let copy: { call: string; frame: string } | null = null;
  for (const e of oomEvents) {
    const site = userCopySite(e.frames);
    if (site) {
      copy ??= site;
      addSite(site.frame, e.occurrences);
    }
  }
  const leakSites = [...siteCounts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_LEAK_SITES)
    .map(([frame, count]) => ({ frame, count }));

  const samples = collectSamples(oomEvents, companions.samples);

  const summary: Summary = {
    kind: primary?.kind ?? null,
    requestedBytes: requested,
    usedBytes: used,
    maxBytes: max,
    headroomBytes: used !== null && max !== null ? max - used : null,
    utilization: used !== null && max !== null && max > 0 ? Math.round((used / max) * 10_000) / 10_000 : null,
    frameworks,
    shadedPrefix,
    nettyPropertyPrefix,
    nettyVersion,
    transport: transportOf([...frames, ...allFrames], threads),
    threads,
    allocationPath: path.path,
    limitOrigin,
    ioDirection: direction.direction,
    leakSites,
    samples,
    heap:
      companions.heapMaxBytes !== null || companions.heapUsedBytes !== null
        ? { usedBytes: companions.heapUsedBytes, maxBytes: companions.heapMaxBytes }
        : null,
  };
  // Present only when the paste shows them, so a report without versions reads as it always did.
  if (Object.keys(productVersions).length > 0) summary.productVersions = productVersions;
  // Line numbers count when no jar or dependency shows the release; prose may be wrong about the trace.
  const built = versions.length > 0 || stated?.from === 'build';
  const range = built ? null : rangeOfTraces([frames, ...events.map((e) => e.frames)]);
  if (range) summary.nettyVersionRange = range;

  return {
    summary,
    context: { primary, oomEvents, leakEvents, frames, allFrames, path, direction, chunk, copy },
  };
}

/** The Netty releases of the first trace whose line numbers say which (the failing one first). */
function rangeOfTraces(traces: string[][]): Summary['nettyVersionRange'] | null {
  for (const frames of traces) {
    const range = nettyReleasesOf(frames.map(unshade));
    if (range) return range;
  }
  return null;
}

function collectSamples(events: ScannedEvent[], readings: Sample[]): Sample[] {
  const seen = new Set<string>();
  const out: Sample[] = [];
  const add = (s: Sample) => {
    const key = `${s.timestamp}|${s.usedBytes}`;
    if (seen.has(key) || out.length >= MAX_SAMPLES) return;
    seen.add(key);
    out.push(s);
  };
  for (const e of events)
    if (e.timestamp !== null && e.usedBytes !== null) add({ timestamp: e.timestamp, usedBytes: e.usedBytes });
  for (const r of readings) add(r);
  const dated = out.map((s) => ({ s, t: parseTimestamp(s.timestamp) }));
  if (dated.every((d) => d.t !== null)) dated.sort((a, b) => (a.t as number) - (b.t as number));
  return dated.map((d) => d.s);
}
