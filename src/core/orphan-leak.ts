/**
 * A leak record pasted without its `LEAK:` header: its `Recent access records:`, `Created at:` or
 * `#N:` lines, or only the bare frames Netty's ResourceLeakDetector prints (no `at `, first the
 * allocation). It becomes a leak report once its frames show a buffer: the detector tracks other
 * resources too (SSL engines, timers), and their leaks are not direct memory.
 */
import { nettyRootOfFrames } from './frames.ts';
import type { LeakRecord, ScannedEvent } from './scanner.ts';

/** Bare frames that make a record of their own, with no marker line before them. */
const BARE_FRAMES = 3;

// `#1:`, `Created at:`, `Recent access records:` (ResourceLeakDetector's record headings)
const MARKER = /^(?:#\d{1,4}:|Created at:|Recent access records:)\s*$/;

interface Pending {
  line: number;
  /** Opened by a heading line, not by bare frames alone. */
  marked: boolean;
  records: LeakRecord[];
  frames: string[];
}

export class OrphanLeakReader {
  private pending: Pending | null = null;

  /** A line that is not a frame, read while no event is open: true when it is a record heading. */
  heading(t: string, line: number): boolean {
    if (!MARKER.test(t)) {
      this.pending = null;
      return false;
    }
    const p = this.pending ?? { line, marked: true, records: [], frames: [] };
    p.marked = true;
    if (t.startsWith('Created at:')) p.records.push({ created: true, frames: [] });
    else if (t.startsWith('#')) p.records.push({ created: false, frames: [] });
    this.pending = p;
    return true;
  }

  /**
   * A frame read while no event is open (`bare`: printed without `at `). The leak event to open once
   * the record is shown to be a buffer's, with the frames before this one (the caller adds this one);
   * null until then.
   */
  frame(frame: string, bare: boolean, line: number): ScannedEvent | null {
    const p = this.pending;
    if (p?.marked) {
      this.pending = null;
      if (!isBufferFrame(frame)) return null;
      if (p.records.length === 0) p.records.push({ created: false, frames: [] });
      return leakEvent(p, frame);
    }
    if (!bare || (!p && !isAllocation(frame))) {
      this.pending = null;
      return null;
    }
    // Bare frames with no heading: the detector's record starts at the allocation.
    const q = p ?? { line, marked: false, records: [{ created: true, frames: [] }], frames: [] };
    if (q.frames.length + 1 >= BARE_FRAMES) {
      this.pending = null;
      return leakEvent(q, frame);
    }
    q.frames.push(frame);
    q.records[0]?.frames.push(frame);
    this.pending = q;
    return null;
  }

  /** The input skipped lines, or an event opened: nothing pending goes on. */
  reset(): void {
    this.pending = null;
  }
}

/** The event of a confirmed record; `next` is the frame that confirmed it, still to be added. */
function leakEvent(p: Pending, next: string): ScannedEvent {
  const root = nettyRootOfFrames([...p.frames, next]) ?? 'io.netty.';
  return {
    kind: 'leak_report',
    exceptionClass: `${root}util.ResourceLeakDetector`,
    requestedBytes: null,
    usedBytes: null,
    maxBytes: null,
    thread: null,
    timestamp: null,
    line: p.line,
    frames: p.frames,
    occurrences: 1,
    nettyPackage: root,
    records: p.records,
    quoted: false,
    uncaught: false,
  };
}

function bufferPart(frame: string): string | null {
  const at = frame.indexOf('io.netty.buffer.');
  return at >= 0 ? frame.slice(at + 'io.netty.buffer.'.length) : null;
}

/** `io.netty.buffer.AdvancedLeakAwareByteBuf.writeBytes(…)`, relocated or not. */
function isBufferFrame(frame: string): boolean {
  return bufferPart(frame) !== null;
}

/** `io.netty.buffer.PooledByteBufAllocator.newDirectBuffer(…)`, `io.netty.buffer.Unpooled.buffer(…)`. */
function isAllocation(frame: string): boolean {
  const part = bufferPart(frame);
  return part !== null && /^(?:\w{0,40}ByteBufAllocator|Unpooled)\./.test(part);
}
