/** The signals a report shows, read off its summary, its frames and the evidence pasted beside it. */
import { type Said, t } from '../i18n/messages.ts';
import { versionCompare } from './chunks.ts';
import { frameWith } from './frames.ts';
import type { ScanResult } from './scanner.ts';
import type { SummaryContext } from './summary.ts';
import type { Language, Sample, Summary } from './types.ts';
import { formatBytes, formatDuration, parseTimestamp, SIZES } from './units.ts';

export type Signals = Record<string, Record<string, string>>;

/** Every signal the analyzer computes: knowledge/signals.yml lists the same ids (a test holds them together). */
export const ANALYZER_SIGNALS = [
  'oodm',
  'jdk-direct-limit',
  'leak-report',
  'leak-sites',
  'user-copy',
  'chunk-request',
  'huge-request',
  'pooled-chunk-path',
  'pooled-huge-path',
  'unpooled-nocleaner-path',
  'nio-bits-path',
  'read-path',
  'write-path',
  'user-alloc-path',
  'limit-explicit',
  'limit-defaults-to-heap',
  'limit-netty-property',
  'limit-tiny',
  'limit-small',
  'limit-large',
  'numbers-contradict',
  'heap-fine',
  'nmt-internal-large',
  'chunk-maps',
  'anon-region',
  'required-over-allocated',
  'samples-growing',
  'shaded-netty',
  'netty-before-4-1-75',
  'netty-4-2',
  'adaptive-allocator',
  'aggregator',
  'outbound-buffer',
  'thread-cache',
  'body-rewrite-filter',
  'repeated-events',
  'mixed-netty-versions',
] as const;
export type AnalyzerSignal = (typeof ANALYZER_SIGNALS)[number];

/** What the analyzer itself found: only ids from ANALYZER_SIGNALS compile here. */
type Computed = Partial<Record<AnalyzerSignal, Record<string, string>>>;

/** Every signal present, with the values its evidence template names; notes on contradicting numbers. */
export function signalsOf(
  scan: ScanResult,
  summary: Summary,
  ctx: SummaryContext,
  lang: Language,
): { signals: Signals; notes: Said[] } {
  const { companions } = scan;
  const signals: Computed = {};
  const notes: Said[] = [];
  if (companions.versions.size > 1) {
    signals['mixed-netty-versions'] = { versions: mixedVersions(companions.versions) };
  }
  const input = { scan, summary, ctx, lang, signals, notes };
  eventSignals(input);
  pathSignals(input);
  limitSignals(input);
  companionSignals(input);
  nettySignals(input);
  const oomCount = ctx.oomEvents.reduce((n, e) => n + e.occurrences, 0) + Math.max(0, scan.eventsOmitted);
  if (oomCount >= 3) signals['repeated-events'] = { count: String(oomCount) };

  // What people wrote (text signals, defined in knowledge/signals.yml) joins what the analyzer found.
  const all: Signals = { ...signals };
  for (const [id, excerpt] of scan.cues) all[id] = { excerpt };
  return { signals: all, notes };
}

/** The Netty versions seen, most mentioned first. */
function mixedVersions(versions: Map<string, number>): string {
  return [...versions.entries()]
    .sort((a, b) => b[1] - a[1])
    .map((v) => v[0])
    .join(', ');
}

function bytesOrQ(n: number | null): string {
  return n === null ? '?' : formatBytes(n);
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

interface SignalInput {
  scan: ScanResult;
  summary: Summary;
  ctx: SummaryContext;
  lang: Language;
  signals: Computed;
  notes: Said[];
}

/** What the primary event is. */
function eventSignals({ summary, ctx, signals }: SignalInput): void {
  const { primary, leakEvents, copy } = ctx;
  const { requestedBytes: requested, usedBytes: used, maxBytes: max, leakSites } = summary;
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
}

/** The requested size and the allocation path. */
function pathSignals({ summary, ctx, lang, signals }: SignalInput): void {
  const { frames, path, direction, chunk } = ctx;
  const requested = summary.requestedBytes;
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
}

/** The limit. */
function limitSignals({ summary, ctx, signals, notes }: SignalInput): void {
  const { chunk } = ctx;
  const { usedBytes: used, maxBytes: max, limitOrigin } = summary;
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
}

/** Companion evidence. */
function companionSignals({ scan, summary, lang, signals }: SignalInput): void {
  const { companions } = scan;
  const { samples } = summary;
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
  if (companions.requirement) {
    signals['required-over-allocated'] = {
      required: formatBytes(companions.requirement.requiredBytes),
      allocated: formatBytes(companions.requirement.allocatedBytes),
    };
  }
  const growth = growthOf(samples, lang);
  if (growth) signals['samples-growing'] = growth;
}

/** Netty itself. */
function nettySignals({ summary, ctx, signals }: SignalInput): void {
  const { allFrames } = ctx;
  const { shadedPrefix, nettyVersion } = summary;
  if (shadedPrefix) signals['shaded-netty'] = { prefix: shadedPrefix };
  if (nettyVersion && versionCompare(nettyVersion, '4.1.75') < 0 && nettyVersion.startsWith('4.')) {
    signals['netty-before-4-1-75'] = { version: nettyVersion };
  }
  if (nettyVersion && versionCompare(nettyVersion, '4.2.0') >= 0)
    signals['netty-4-2'] = { version: nettyVersion };
  const frameSignals: [AnalyzerSignal, string[]][] = [
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
}
