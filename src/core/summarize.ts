/** From what the scanner saw to the report's summary and the signals that findings are scored on. */
import { type MessageKey, type Said, say, t } from '../i18n/messages.ts';
import {
  allocationPathOf,
  frameWith,
  ioDirectionOf,
  isOutsideNetty,
  leakSiteOf,
  transportOf,
  userCopySite,
} from './frames.ts';
import { limitOriginOf } from './limit.ts';
import type { ScannedEvent, ScanResult } from './scanner.ts';
import type { Language, Sample, Summary } from './types.ts';
import { formatBytes, formatDuration, parseTimestamp, SIZES } from './units.ts';

export type Signals = Record<string, Record<string, string>>;

const MAX_SAMPLES = 200;
const MAX_LEAK_SITES = 10;

/** The event a person reads first: the first that carries numbers. */
export function primaryEvent(events: ScannedEvent[]): ScannedEvent | null {
  return (
    events.find(
      (e) =>
        e.kind !== 'leak_report' &&
        (e.usedBytes !== null || e.maxBytes !== null || e.requestedBytes !== null),
    ) ??
    events.find((e) => e.kind !== 'leak_report') ??
    events[0] ??
    null
  );
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

export function versionCompare(a: string, b: string): number {
  const pa = a.split('.').map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split('.').map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

interface Chunk {
  size: number;
  rule: MessageKey;
}

const CHUNKS = {
  grpc: { size: 2 * SIZES.MiB, rule: 'chunkRule.grpc' },
  old: { size: 16 * SIZES.MiB, rule: 'chunkRule.old' },
  new: { size: 4 * SIZES.MiB, rule: 'chunkRule.new' },
} satisfies Record<string, Chunk>;

function chunkFor(version: string | null, requested: number | null, grpc: boolean): Chunk {
  if (grpc && requested === CHUNKS.grpc.size) return CHUNKS.grpc;
  if (version) return versionCompare(version, '4.1.75') < 0 ? CHUNKS.old : CHUNKS.new;
  if (requested === CHUNKS.new.size) return CHUNKS.new;
  return CHUNKS.old;
}

export function summarize(
  scan: ScanResult,
  lang: Language,
  frameworkPackages: string[] = [],
): { summary: Summary; signals: Signals; notes: Said[] } {
  const { events, companions } = scan;
  const notes = [...scan.notes];
  const signals: Signals = {};
  const primary = primaryEvent(events);
  const oomEvents = events.filter((e) => e.kind !== 'leak_report');
  const leakEvents = events.filter((e) => e.kind === 'leak_report');
  const frames = framesFor(primary, events);
  const allFrames = events.flatMap((e) => e.frames);

  const requested = primary?.requestedBytes ?? null;
  const used = primary?.usedBytes ?? null;
  const max = primary?.maxBytes ?? null;

  const nettyPackage =
    primary?.nettyPackage ?? events.find((e) => e.nettyPackage)?.nettyPackage ?? shadedFromFrames(allFrames);
  const nettyPropertyPrefix = nettyPackage ?? 'io.netty.';
  const shadedPrefix =
    nettyPropertyPrefix === 'io.netty.'
      ? null
      : nettyPropertyPrefix.endsWith('.io.netty.')
        ? nettyPropertyPrefix.slice(0, -'io.netty.'.length)
        : nettyPropertyPrefix;

  const versions = [...companions.versions.entries()].sort((a, b) => b[1] - a[1]);
  const nettyVersion = versions[0]?.[0] ?? null;
  if (versions.length > 1) {
    signals['mixed-netty-versions'] = { versions: versions.map((v) => v[0]).join(', ') };
  }

  const threads = [...new Set(events.map((e) => e.thread).filter((t): t is string => t !== null))];
  const path =
    primary && primary.kind !== 'leak_report'
      ? allocationPathOf(frames)
      : { path: 'unknown' as const, frame: null };
  const direction =
    primary && primary.kind !== 'leak_report'
      ? ioDirectionOf(frames, frameworkPackages)
      : { direction: 'unknown' as const, frame: null };
  const limitOrigin = limitOriginOf(max, companions, lang);
  const frameworks = scan.frameworks.map((f) => ({ id: f.id, evidence: say(f.evidence, lang) }));
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

  // What the primary event is.
  if (primary?.kind === 'oodm') signals.oodm = { class: primary.exceptionClass };
  if (primary?.kind === 'direct_buffer_oom') {
    signals['jdk-direct-limit'] = { message: `${primary.exceptionClass}: Direct buffer memory` };
  }
  if (primary?.kind === 'cannot_reserve') {
    signals['jdk-direct-limit'] = {
      message: `${primary.exceptionClass}: Cannot reserve ${bytesOrQ(requested)} (allocated ${bytesOrQ(used)}, limit ${bytesOrQ(max)})`,
    };
  }
  const leakCount = leakEvents.reduce((n, e) => n + e.occurrences, 0);
  if (leakCount > 0) signals['leak-report'] = { count: String(leakCount) };
  const topSite = leakSites[0];
  if (topSite) signals['leak-sites'] = { site: topSite.frame, count: String(topSite.count) };
  if (copy) signals['user-copy'] = { call: copy.call, frame: copy.frame };

  // The requested size and the allocation path.
  if (
    requested !== null &&
    requested === chunk.size &&
    path.path !== 'pooled-huge' &&
    !path.path.startsWith('unpooled')
  ) {
    signals['chunk-request'] = { requested: formatBytes(requested), chunkRule: t(chunk.rule, lang) };
  }
  if (requested !== null && (path.path === 'pooled-huge' || requested > chunk.size)) {
    signals['huge-request'] = { requested: formatBytes(requested) };
  }
  const pathFrame = path.frame ?? '';
  if (path.path === 'pooled-chunk') signals['pooled-chunk-path'] = { frame: pathFrame };
  if (path.path === 'pooled-huge') signals['pooled-huge-path'] = { frame: pathFrame };
  if (path.path === 'unpooled-nocleaner') signals['unpooled-nocleaner-path'] = { frame: pathFrame };
  if (
    path.path === 'nio-bits' ||
    path.path === 'unpooled-cleaner' ||
    frameWith(frames, ['java.nio.Bits.reserveMemory'])
  ) {
    signals['nio-bits-path'] = { frame: pathFrame };
  }
  if (direction.direction === 'inbound-read') signals['read-path'] = { frame: direction.frame ?? '' };
  if (direction.direction === 'outbound-write') signals['write-path'] = { frame: direction.frame ?? '' };
  if (direction.direction === 'user-code') signals['user-alloc-path'] = { frame: direction.frame ?? '' };

  // The limit.
  if (max !== null) {
    const limitValues = { max: formatBytes(max), evidence: limitOrigin.evidence };
    if (limitOrigin.guess === 'explicit-max-direct-memory-size') signals['limit-explicit'] = limitValues;
    if (limitOrigin.guess === 'defaults-to-heap-max') signals['limit-defaults-to-heap'] = limitValues;
    if (limitOrigin.guess === 'io-netty-max-direct-memory') signals['limit-netty-property'] = limitValues;
    if (max < 64 * SIZES.MiB) signals['limit-tiny'] = { max: formatBytes(max) };
    else if (max < SIZES.GiB) {
      signals['limit-small'] = {
        max: formatBytes(max),
        chunks: String(Math.floor(max / chunk.size)),
        chunk: formatBytes(chunk.size),
      };
    }
    if (max >= 4 * SIZES.GiB) signals['limit-large'] = { max: formatBytes(max) };
  }
  if (used !== null && max !== null && used > max) {
    signals['numbers-contradict'] = { used: formatBytes(used), max: formatBytes(max) };
    notes.push({ key: 'note.usedOverMax', values: { used, max } });
  }

  // Companion evidence.
  const { heapUsedBytes, heapMaxBytes } = companions;
  if (
    heapUsedBytes !== null &&
    heapMaxBytes !== null &&
    heapMaxBytes > 0 &&
    heapUsedBytes / heapMaxBytes < 0.6
  ) {
    signals['heap-fine'] = {
      heapUsed: formatBytes(heapUsedBytes),
      heapMax: formatBytes(heapMaxBytes),
      percent: `${((heapUsedBytes / heapMaxBytes) * 100).toFixed(1)} %`,
    };
  }
  const nmtBig = companions.nmt
    .filter((s) => s.section === 'Internal' || s.section === 'Other')
    .sort((a, b) => b.committedBytes - a.committedBytes)[0];
  if (
    nmtBig &&
    (nmtBig.committedBytes >= SIZES.GiB ||
      (companions.nmtTotalCommitted !== null && nmtBig.committedBytes >= companions.nmtTotalCommitted * 0.25))
  ) {
    signals['nmt-internal-large'] = {
      section: nmtBig.section,
      committed: formatBytes(nmtBig.committedBytes),
    };
  }
  for (const size of [16, 4, 2].map((m) => m * SIZES.MiB + 4096)) {
    const count = companions.mmaps.get(size) ?? 0;
    if (count >= 2) {
      signals['chunk-maps'] = {
        count: String(count),
        size: `${formatBytes(size - 4096)} + 4 KiB`,
        bytes: String(size),
        total: formatBytes(count * size),
      };
      break;
    }
  }
  if (companions.anonRegion && companions.anonRegion.bytes >= 256 * SIZES.MiB) {
    signals['anon-region'] = {
      size: formatBytes(companions.anonRegion.bytes),
      address: companions.anonRegion.address,
    };
  }
  const growth = growthOf(samples, lang);
  if (growth) signals['samples-growing'] = growth;

  // Netty itself.
  if (shadedPrefix) signals['shaded-netty'] = { prefix: shadedPrefix };
  if (nettyVersion && versionCompare(nettyVersion, '4.1.75') < 0 && nettyVersion.startsWith('4.')) {
    signals['netty-before-4-1-75'] = { version: nettyVersion };
  }
  if (nettyVersion && versionCompare(nettyVersion, '4.2.0') >= 0)
    signals['netty-4-2'] = { version: nettyVersion };
  const frameSignals: [string, string[]][] = [
    ['adaptive-allocator', ['AdaptivePoolingAllocator', 'AdaptiveByteBufAllocator']],
    [
      'aggregator',
      ['HttpObjectAggregator', 'MessageAggregator', 'DataBufferUtils.join', 'ByteBufFlux.aggregate'],
    ],
    ['outbound-buffer', ['ChannelOutboundBuffer', 'PendingWriteQueue']],
    ['thread-cache', ['PoolThreadCache']],
    [
      'body-rewrite-filter',
      [
        'ModifyRequestBodyGatewayFilterFactory',
        'ModifyResponseBodyGatewayFilterFactory',
        'ReadBodyRoutePredicateFactory',
        'CacheRequestBody',
      ],
    ],
  ];
  for (const [id, needles] of frameSignals) {
    const f = frameWith(allFrames, needles);
    if (f) signals[id] = { frame: f };
  }
  const oomCount = oomEvents.reduce((n, e) => n + e.occurrences, 0) + Math.max(0, scan.eventsOmitted);
  if (oomCount >= 3) signals['repeated-events'] = { count: String(oomCount) };

  for (const [id, excerpt] of scan.cues) signals[id] = { excerpt };

  return { summary, signals, notes };
}

function bytesOrQ(n: number | null): string {
  return n === null ? '?' : formatBytes(n);
}

/** `io.grpc.netty.shaded.io.netty.buffer.PoolArena.allocate(…)` → `io.grpc.netty.shaded.io.netty.` */
function shadedFromFrames(frames: string[]): string | null {
  for (const f of frames) {
    const at = f.indexOf('.io.netty.');
    if (at > 0 && isOutsideNetty(f)) return f.slice(0, at + 10);
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

function growthOf(samples: Sample[], lang: Language): Record<string, string> | null {
  if (samples.length < 2) return null;
  const first = samples[0] as Sample;
  const last = samples[samples.length - 1] as Sample;
  if (last.usedBytes <= first.usedBytes) return null;
  const t0 = parseTimestamp(first.timestamp);
  const t1 = parseTimestamp(last.timestamp);
  return {
    first: formatBytes(first.usedBytes),
    last: formatBytes(last.usedBytes),
    count: String(samples.length),
    span:
      t0 !== null && t1 !== null && t1 > t0
        ? formatDuration(t1 - t0, lang)
        : `${first.timestamp} → ${last.timestamp}`,
  };
}
