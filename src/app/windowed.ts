/**
 * Large inputs: find the lines worth parsing with `Buffer.indexOf` (memchr speed) and decode only
 * windows of lines around them; everything else is counted, never decoded. Pure: buffers in, lines
 * out to an `Analysis`.
 */
import type { Analysis } from '../core/analyze.ts';

interface Needle {
  bytes: Buffer;
  /** Lines to read after the line that holds the needle (a stack trace, a jmap section). */
  after: number;
  /** A trace: stop reading once the analysis has closed it, even before `after` lines. */
  trace?: boolean;
}

/** A line to read: where in the region it is found, and how many lines around it to read too. */
export interface Hit {
  at: number;
  before: number;
  after: number;
  trace: boolean;
}

/** Lines worth reading that no needle finds (a large paste's prose: prose.ts), region by region. */
export interface MoreHits {
  find(region: Buffer): Hit[];
}

/**
 * Error signatures: each opens a window, searched for in the whole input, a pass each (jmap, NMT
 * and strace markers are read with the prose, in an input's first 32 MiB: prose.ts). Buffer.indexOf
 * looks for a needle's first byte with memchr, then compares: `MemoryError` (in both OutOfMemoryError
 * and OutOfDirectMemoryError) rather than `OutOf`, whose `O` is on nearly every line of a log (INFO,
 * ERROR, class names): three times faster on 1 GiB.
 */
const NEEDLES: Needle[] = [
  { bytes: Buffer.from('MemoryError'), after: 2000, trace: true },
  { bytes: Buffer.from('LEAK:'), after: 2000, trace: true },
];
/** Lines read before a needle's line: the log record's header may precede the exception line. */
export const BEFORE = 3;
/** A run this long without a newline is read as a line of its own. */
const MAX_LINE_BYTES = 1024 * 1024;
const NL = 10;

export class WindowedFeeder {
  private carry: Buffer | null = null;
  /** Number of the line that starts the next region. */
  private nextLine = 1;
  /** Last line number pushed to the analysis (0: none yet). */
  private emitted = 0;
  /** Push every line up to this number. */
  private emitUntil = 0;
  /** The last line holding a trace signature, and how far fixed-size windows reach. */
  private traceLine = 0;
  private fixedUntil = 0;
  /** The previous region's last lines that were not pushed: a window may start among them. */
  private tail: { text: string; line: number }[] = [];
  bytes = 0;

  constructor(
    private readonly analysis: Analysis,
    private readonly more: MoreHits | null = null,
  ) {}

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    let start = 0;
    if (this.carry) {
      // Finish the line the last chunk left open; the chunk itself is read in place, never copied.
      const nl = chunk.indexOf(NL);
      if (nl < 0) {
        const joined = Buffer.concat([this.carry, chunk]);
        this.carry = null;
        if (joined.length < MAX_LINE_BYTES) this.carry = joined;
        else this.region(joined); // an over-long line: read this much of it as one line
        return;
      }
      const line = Buffer.concat([this.carry, chunk.subarray(0, nl + 1)]);
      this.carry = null;
      this.region(line);
      start = nl + 1;
    }
    const last = chunk.lastIndexOf(NL);
    if (last < start) {
      const rest = chunk.subarray(start);
      if (rest.length >= MAX_LINE_BYTES) this.region(rest);
      else if (rest.length > 0) this.carry = Buffer.from(rest);
      return;
    }
    this.region(chunk.subarray(start, last + 1));
    if (last + 1 < chunk.length) this.carry = Buffer.from(chunk.subarray(last + 1));
  }

  /** The input ended: read what is left. Returns the number of lines. */
  end(): number {
    const last = this.carry;
    this.carry = null;
    if (last && last.length > 0) {
      this.region(last);
      return this.nextLine;
    }
    return this.nextLine - 1;
  }

  /** Whole lines (the last may lack its newline: end of input, or a forced break). */
  private region(buf: Buffer): void {
    const hits = findHits(buf, this.more);
    let h = 0;
    let pos = 0;
    let line = this.nextLine;
    const first = line;
    while (pos < buf.length) {
      if (line <= this.emitUntil) {
        const nl = buf.indexOf(NL, pos);
        const lineEnd = nl < 0 ? buf.length : nl;
        for (; h < hits.length && (hits[h] as Hit).at <= lineEnd; h++) this.extend(hits[h] as Hit, line);
        this.pushLine(buf.toString('utf8', pos, lineEnd), line);
        // A trace window ends with the trace: the scanner knows when it is closed.
        if (line > this.traceLine + 1 && line >= this.fixedUntil && !this.analysis.busy())
          this.emitUntil = line;
        pos = lineEnd + 1;
        if (nl >= 0) line++;
        continue;
      }
      while (h < hits.length && (hits[h] as Hit).at < pos) h++;
      const hit = hits[h];
      if (!hit) {
        const count = countNewlines(buf, pos, buf.length);
        this.keepTail(buf, pos, line, count);
        line += count;
        pos = buf.length;
        break;
      }
      const hitStart = Math.max(pos, hit.at === 0 ? 0 : buf.lastIndexOf(NL, hit.at - 1) + 1);
      const hitLine = line + countNewlines(buf, pos, hitStart);
      const from = Math.max(hitLine - widestBefore(buf, hits, h, hitStart), this.emitted + 1);
      // Walk back to the first line of the window that lies in this region.
      let start = hitStart;
      let startLine = hitLine;
      while (startLine > Math.max(from, line) && start > pos) {
        start = start < 2 ? 0 : buf.lastIndexOf(NL, start - 2) + 1;
        startLine--;
      }
      const fromTail = this.tail.filter((t) => t.line >= from && t.line < first && t.line > this.emitted);
      const firstPushed = fromTail[0]?.line ?? startLine;
      if (firstPushed > this.emitted + 1) this.analysis.gap();
      for (const t of fromTail) this.pushLine(t.text, t.line);
      pos = start;
      line = startLine;
      this.extend(hit, hitLine);
    }
    this.nextLine = line;
  }

  private extend(hit: Hit, line: number): void {
    this.emitUntil = Math.max(this.emitUntil, line + hit.after);
    if (hit.trace) this.traceLine = line;
    else this.fixedUntil = Math.max(this.fixedUntil, line + hit.after);
  }

  private pushLine(text: string, line: number): void {
    if (line <= this.emitted) return;
    this.analysis.push(text, line);
    this.emitted = line;
  }

  /** Keep the last lines from `from` to the end of `buf` (numbered from `fromLine`, `count` newlines). */
  private keepTail(buf: Buffer, from: number, fromLine: number, count: number): void {
    const lines: { text: string; line: number }[] = [];
    let end = buf.length;
    let last = fromLine + count;
    if (buf[end - 1] === NL) {
      end--;
      last--;
    }
    while (lines.length < BEFORE && end > from) {
      const start = Math.max(from, end === 0 ? 0 : buf.lastIndexOf(NL, end - 1) + 1);
      lines.unshift({ text: buf.toString('utf8', start, Math.min(end, start + 4096)), line: last });
      end = start - 1;
      last--;
    }
    // A short region (one finished line) keeps the older lines too.
    const older = this.tail.filter(
      (t) => t.line < (lines[0]?.line ?? Number.POSITIVE_INFINITY) && t.line > this.emitted,
    );
    this.tail = [...older, ...lines].slice(-BEFORE);
  }
}

function findHits(buf: Buffer, more: MoreHits | null): Hit[] {
  const hits: Hit[] = more ? more.find(buf) : [];
  for (const n of NEEDLES) {
    for (let i = buf.indexOf(n.bytes); i >= 0; i = buf.indexOf(n.bytes, i + n.bytes.length)) {
      hits.push({ at: i, before: BEFORE, after: n.after, trace: n.trace === true });
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

/**
 * How many lines before the line of hit `h` (which starts at `lineStart`) its window starts: the most
 * that hit, or any hit on the next BEFORE lines, asks for, counted from that line. A prose line just
 * above an error's line must not start the window after the error's own header.
 */
function widestBefore(buf: Buffer, hits: Hit[], h: number, lineStart: number): number {
  let before = 0;
  let lines = 0;
  let pos = lineStart;
  for (let k = h; k < hits.length; k++) {
    const at = Math.max(pos, (hits[k] as Hit).at);
    // The next hit may lie megabytes further: count no more lines than can matter.
    lines += countNewlines(buf, pos, at, BEFORE + 1 - lines);
    pos = at;
    if (lines > BEFORE) break;
    before = Math.max(before, (hits[k] as Hit).before - lines);
  }
  return before;
}

/** Newlines in `buf` from `from` to `to`, counted up to `most`. */
function countNewlines(buf: Buffer, from: number, to: number, most = Number.POSITIVE_INFINITY): number {
  let n = 0;
  for (let i = buf.indexOf(NL, from); i >= 0 && i < to && n < most; i = buf.indexOf(NL, i + 1)) n++;
  return n;
}
