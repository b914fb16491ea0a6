/**
 * Evidence people paste next to the trace: `jmap -heap`, NMT summaries, strace/pmap lines,
 * direct-memory reporter readings, JVM flags and Netty versions.
 */
import { parseByteCount, parseJvmSize, parseUnitSize } from '../units.ts';

// `(required (Mb): 5120, allocated (Mb): 1965, missing (Mb): 3155)`
const REQUIREMENT = /required \(Mb\): (\d{1,9}), allocated \(Mb\): (\d{1,9})/;

export interface Companions {
  heapMaxBytes: number | null;
  heapUsedBytes: number | null;
  nmt: { section: string; committedBytes: number }[];
  nmtTotalCommitted: number | null;
  /** mmap sizes seen (strace), by size. */
  mmaps: Map<number, number>;
  munmaps: number;
  /** Largest anonymous rw region in `pmap -X` output. */
  anonRegion: { address: string; bytes: number } | null;
  samples: { timestamp: string; usedBytes: number }[];
  flags: {
    maxDirectMemorySize: { bytes: number; text: string } | null;
    xmx: { bytes: number; text: string } | null;
    nettyMaxDirectMemory: { bytes: number; text: string } | null;
  };
  /** Netty versions from jar names and Maven paths, with how often each was seen. */
  versions: Map<string, number>;
  /** A fixed requirement an error states against what it could allocate (Flink's network buffer pool). */
  requirement: { requiredBytes: number; allocatedBytes: number } | null;
}

export function emptyCompanions(): Companions {
  return {
    heapMaxBytes: null,
    heapUsedBytes: null,
    nmt: [],
    nmtTotalCommitted: null,
    mmaps: new Map(),
    munmaps: 0,
    anonRegion: null,
    samples: [],
    flags: { maxDirectMemorySize: null, xmx: null, nettyMaxDirectMemory: null },
    requirement: null,
    versions: new Map(),
  };
}

// `   MaxHeapSize              = 8589934592 (8192.0MB)`
const MAX_HEAP = /MaxHeapSize\s*=\s*(\d{1,20})/;
// `   used     = 1001361104 (954.9723663330078MB)`
const USED_EQ = /^\s*used\s*=\s*(\d{1,20})/;
// `-                  Internal (reserved=4778MB, committed=4778MB)`
const NMT_SECTION =
  /^-\s*([A-Za-z][A-Za-z ]{0,40}?)\s*\(reserved=(\d{1,15})(KB|MB|GB)?, committed=(\d{1,15})(KB|MB|GB)?\)/;
// `Total: reserved=15306MB, committed=11529MB`
const NMT_TOTAL = /^Total: reserved=(\d{1,15})(KB|MB|GB)?, committed=(\d{1,15})(KB|MB|GB)?/;
// `25897 08:22:40.071076 mmap(NULL, 16781312, PROT_READ|PROT_WRITE, …`
const MMAP = /\bmmap\((?:NULL|0x[0-9a-f]{1,16}|0), (\d{1,15}),/;
const MUNMAP = /\bmunmap\(0x[0-9a-f]{1,16}, (\d{1,15})\)/;
// `7f4674483000 rw-p 00000000 00:00 0 1575296 1574868 …` (pmap -X, sizes in KiB)
const PMAP_ANON = /^([0-9a-f]{8,16})\s+rw-p\s+0{8}\s+00:00\s+0\s+(\d{1,12})\s/;
// `netty_direct_memory:2032MB(2130706439B)`, `netty_direct_memory:2081KB`
const REPORTER = /netty_direct_memory[:=]\s?(\d{1,15})(B|KB|MB|GB)?(?:\((\d{1,16})B\))?/;
// `usedDirectMemory=123456`, `used_direct_memory: 123456`
const USED_DIRECT = /used_?direct_?memory["']?\s?[:=]\s?(\d{1,16})\b/i;
// `-XX:MaxDirectMemorySize=512m`
const MAX_DIRECT = /-XX:MaxDirectMemorySize=(\d{1,15})([kKmMgGtT]?)\b/;
// `-Xmx8g`
const XMX = /-Xmx(\d{1,15})([kKmMgGtT]?)\b/;
// `-Dio.netty.maxDirectMemory=1073741824`, `-Dio.grpc.netty.shaded.io.netty.maxDirectMemory=…`
const NETTY_MAX = /-D[\w.]{0,80}netty\.maxDirectMemory=(-?\d{1,20})\b/;
// `netty-common-4.1.33.Final.jar`, `netty-transport-native-epoll-4.1.33.Final-linux-x86_64`, `io/netty/netty-common/4.1.6.Final/`,
// a vendor's rebuild `netty-all-4.0.18.Final-redhat-1.jar`, Netty 3's `netty-3.10.6.Final.jar`
const VERSION =
  /netty(?:-[a-z]{1,20}){0,5}[-/]([345]\.\d{1,2}\.\d{1,3}\.(?:Final|Beta\d{0,2}|Alpha\d{0,2}|CR\d{0,2})(?:-[a-z]{2,12}-\d{1,6}\b)?)/g;
// `Netty version: 3.10.6.Final`, `netty 4.1.68.Final` (the version as a person states it beside the trace)
const STATED_VERSION = /\bnetty(?: version)?(?::|：)? ?v?([345]\.\d{1,2}\.\d{1,3}\.Final)\b/gi;

/** Reads companion evidence line by line; `heapUsageLines` follows the jmap section it is in. */
export class CompanionReader {
  readonly found: Companions = emptyCompanions();
  private heapUsageLines = 0;

  /**
   * `Could not allocate enough memory segments for NetworkBufferPool (required (Mb): 5120, allocated
   * (Mb): 1965, missing (Mb): 3155)`: Flink says what it needs and what it got.
   */
  readRequirement(line: string): void {
    if (this.found.requirement || !line.includes('required (Mb)')) return;
    const m = REQUIREMENT.exec(line);
    if (m?.[1] && m[2]) {
      const mib = 1024 * 1024;
      this.found.requirement = { requiredBytes: Number(m[1]) * mib, allocatedBytes: Number(m[2]) * mib };
    }
  }

  read(line: string, timestamp: string | null): void {
    const t = line.trim();
    this.readRequirement(t);
    if (t === 'Heap Usage:') {
      this.heapUsageLines = 8;
      return;
    }
    if (this.heapUsageLines > 0) {
      this.heapUsageLines--;
      const used = USED_EQ.exec(t);
      if (used?.[1] && this.found.heapUsedBytes === null) {
        this.found.heapUsedBytes = parseByteCount(used[1]);
        this.heapUsageLines = 0;
      }
    }
    if (t.includes('MaxHeapSize')) {
      const m = MAX_HEAP.exec(t);
      if (m?.[1]) this.found.heapMaxBytes = parseByteCount(m[1]);
    }
    if (t.includes('committed=')) this.readNmt(t);
    // `munmap(` holds no `mmap(`: both are looked for.
    if (t.includes('mmap(') || t.includes('munmap(')) {
      const m = MMAP.exec(t);
      const size = m?.[1] ? parseByteCount(m[1]) : null;
      if (size !== null) this.found.mmaps.set(size, (this.found.mmaps.get(size) ?? 0) + 1);
      else if (MUNMAP.test(t)) this.found.munmaps++;
    }
    if (t.includes(' rw-p ')) this.readPmap(t);
    if (timestamp && (t.includes('direct_memory') || /directmemory/i.test(t))) this.readSample(t, timestamp);
    if (t.includes('-X') || t.includes('-D')) this.readFlags(t);
  }

  /** Netty versions from jar names (`netty-common-4.1.33.Final.jar`) and Maven paths. */
  readVersionsOnly(t: string): void {
    this.readVersions(t);
  }

  private readNmt(t: string): void {
    const total = NMT_TOTAL.exec(t);
    if (total?.[3]) {
      this.found.nmtTotalCommitted = parseUnitSize(total[3], total[4] ?? 'KB');
      return;
    }
    const m = NMT_SECTION.exec(t);
    if (!m?.[1] || !m[4]) return;
    const bytes = parseUnitSize(m[4], m[5] ?? 'KB');
    if (bytes !== null) this.found.nmt.push({ section: m[1].trim(), committedBytes: bytes });
  }

  private readPmap(t: string): void {
    const m = PMAP_ANON.exec(t);
    if (!m?.[1] || !m[2]) return;
    const kib = parseByteCount(m[2]);
    if (kib === null) return;
    const bytes = kib * 1024;
    if (!this.found.anonRegion || bytes > this.found.anonRegion.bytes) {
      this.found.anonRegion = { address: m[1], bytes };
    }
  }

  private readSample(t: string, timestamp: string): void {
    let used: number | null = null;
    const r = REPORTER.exec(t);
    if (r?.[1]) {
      used = r[3] ? parseByteCount(r[3]) : parseUnitSize(r[1], r[2] ?? 'B');
    } else {
      const u = USED_DIRECT.exec(t);
      if (u?.[1]) used = parseByteCount(u[1]);
    }
    if (used !== null) this.found.samples.push({ timestamp, usedBytes: used });
  }

  private readFlags(t: string): void {
    const flags = this.found.flags;
    const md = MAX_DIRECT.exec(t);
    if (md?.[1] !== undefined) {
      const bytes = parseJvmSize(md[1], md[2] ?? '');
      if (bytes !== null) flags.maxDirectMemorySize = { bytes, text: md[0] };
    }
    const x = XMX.exec(t);
    if (x?.[1] !== undefined) {
      const bytes = parseJvmSize(x[1], x[2] ?? '');
      if (bytes !== null) flags.xmx = { bytes, text: x[0] };
    }
    const n = NETTY_MAX.exec(t);
    if (n?.[1] !== undefined && !n[1].startsWith('-')) {
      const bytes = parseByteCount(n[1]);
      if (bytes !== null && bytes > 0) flags.nettyMaxDirectMemory = { bytes, text: n[0] };
    }
  }

  private readVersions(t: string): void {
    for (const re of [VERSION, STATED_VERSION]) {
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        const v = m[1];
        if (v) this.found.versions.set(v, (this.found.versions.get(v) ?? 0) + 1);
      }
    }
  }
}
