/** The lines that open an event: Netty's OutOfDirectMemoryError, the JDK's limits, Netty's LEAK report. */
import type { Said } from '../../i18n/messages.ts';
import type { EventKind } from '../types.ts';
import { parseByteCount } from '../units.ts';

export interface EventLine {
  kind: EventKind;
  exceptionClass: string;
  requestedBytes: number | null;
  usedBytes: number | null;
  maxBytes: number | null;
  /** Netty's package root as it appears (`io.netty.`, `io.grpc.netty.shaded.io.netty.`, …). */
  nettyPackage: string | null;
  /** `Caused by: …` or `Suppressed: …`: part of the trace already open. */
  chained: boolean;
  /** Reactor/Netty wrappers that quote the exception before it is printed again (seed 000). */
  quoted: boolean;
  /** Problems with the numbers, for the report's notes (worded once the reply's language is known). */
  problems: Said[];
}

/** Literal substrings that any event line contains: cheap to test before parsing. */
export const EVENT_NEEDLES = [
  'OutOfDirectMemoryError',
  'OutOfMemoryError: ',
  'LEAK: ',
  'failed to allocate ',
  'annot reserve ',
] as const;

/** Whether a line may be an event's: it holds one of the needles. */
export function mayOpenEvent(t: string): boolean {
  return EVENT_NEEDLES.some((n) => t.includes(n));
}

const OODM = 'OutOfDirectMemoryError';
// `Caused by: io.netty…`, `\tSuppressed: …`
const CHAINED = /^\s*(?:Caused by|Suppressed): /;
const CLASS_CHAR = /[\w$.]/;

// A number as printed, with the digit groups a locale may add (`16 777 216`, `16,777,216`, `16.777.216`).
const N = "(-?\\d{1,40}(?:[ \\u00a0\\u202f,.']\\d{3}){0,6})";
// `failed to allocate 16777216 byte(s) of direct memory (used: 8220835847, max: 8232370176)`, and as
// retyped with a Chinese input method (`（used：8220835847，max：8232370176）`)
const REQUESTED = new RegExp(`failed to allocate ${N} byte`);
const USED = new RegExp(`[(（]used[:：] {0,4}${N}[,，]`);
const MAX = new RegExp(`[,，] ?max[:：] {0,4}${N}[)）]`);
// `Cannot reserve 16777216 bytes of direct buffer memory (allocated: 1065353216, limit: 1073741824)`
const RESERVE = new RegExp(`Cannot reserve ${N} bytes of direct buffer memory`, 'i');
const ALLOCATED = new RegExp(`[(（]allocated[:：] {0,4}${N}[,，]`, 'i');
const LIMIT = new RegExp(`[,，] ?limit[:：] {0,4}${N}[)）]`, 'i');
const GROUPING = /[ \u00a0\u202f,.']/g;
const OOM = 'OutOfMemoryError: ';
// The allocators' own messages, numbers and all, wherever they are quoted.
const NETTY_MESSAGE =
  /failed to allocate -?\d[\d ,.']{0,60} byte[(（]s[)）] of direct memory [(（]used[:：] {0,4}-?\d/;
const JDK_MESSAGE =
  /Cannot reserve -?\d[\d ,.']{0,60} bytes of direct buffer memory [(（]allocated[:：] {0,4}-?\d/i;
// `… NetworkBufferPool (required (Mb): 5120, allocated (Mb): 1965, missing (Mb): 3155). Cause: Direct buffer memory.`
const FRAMEWORK_CAUSE = /\bCause: Direct buffer memory\b/i;
// `LEAK: ByteBuf.release() was not called before it's garbage-collected.`, Netty 4.0's
// `LEAK: ByteBuf was GC'd before being released correctly.`; the detector names what leaked, and only
// a buffer (`ByteBuf`, `Buffer`, `DataBuffer`) is direct memory: an SSL engine's or a timer's leak is not.
const LEAK = /LEAK: [\w$.]{0,100}Buf\w{0,20}(?:\.release\(\) was not called| was GC'd before being released)/;

/** Parse a (normalized) line; `null` when it does not open or continue an event. */
export function parseEventLine(line: string): EventLine | null {
  // The first mention may be a sentence's (`Got exception OutOfDirectMemoryError : …`), the trace's follows.
  for (let at = line.indexOf(OODM), n = 0; at >= 0 && n < 4; at = line.indexOf(OODM, at + 1), n++) {
    const ev = parseOodm(line, at);
    if (ev) return ev;
    // Another library's class of that name (`com.acme.OutOfDirectMemoryError`): its message is not Netty's.
    if (classEndingAt(line, at + OODM.length).includes('.')) return null;
  }
  for (let at = line.indexOf(OOM), n = 0; at >= 0 && n < 4; at = line.indexOf(OOM, at + 1), n++) {
    const ev = parseJdk(line, at);
    if (ev) return ev;
  }
  const leak = line.indexOf('LEAK: ');
  if (leak >= 0 && LEAK.test(line.slice(leak, leak + 260))) {
    const detector = line.indexOf('util.ResourceLeakDetector');
    const cls = detector >= 0 ? classEndingAt(line, detector + 25) : 'io.netty.util.ResourceLeakDetector';
    return {
      kind: 'leak_report',
      exceptionClass: cls,
      requestedBytes: null,
      usedBytes: null,
      maxBytes: null,
      nettyPackage: nettyRootOf(cls, 'util.ResourceLeakDetector'),
      chained: false,
      quoted: false,
      problems: [],
    };
  }
  return messageOnly(line);
}

/** The JDK's limit: `Direct buffer memory`, `Cannot reserve …`, or a framework's error that names it as its cause. */
function parseJdk(line: string, oom: number): EventLine | null {
  const rest = line.slice(oom + OOM.length);
  const head = rest.slice(0, 20).toLowerCase();
  if (head.startsWith('direct buffer memory'))
    return jdkEvent(line, oom, 'direct_buffer_oom', null, null, null, []);
  if (head.startsWith('cannot reserve ')) {
    const problems: Said[] = [];
    return jdkEvent(
      line,
      oom,
      'cannot_reserve',
      readNumber(rest, RESERVE, 'requested', problems),
      readNumber(rest, ALLOCATED, 'allocated', problems),
      readNumber(rest, LIMIT, 'limit', problems),
      problems,
    );
  }
  // Flink: `OutOfMemoryError: Could not allocate enough memory segments for NetworkBufferPool (required (Mb): 5120, …).
  // Cause: Direct buffer memory.`: its figures are megabytes of its own pool, not the JDK's counter.
  if (FRAMEWORK_CAUSE.test(rest.slice(0, 400)))
    return jdkEvent(line, oom, 'direct_buffer_oom', null, null, null, []);
  return null;
}

/**
 * Netty's or the JDK's message without its exception class: wrapped in another exception's message
 * (Spark's `FetchFailedException: failed to allocate …`), relayed from another process (an HTTP/2
 * GOAWAY's debug data), or quoted by the log record that precedes the trace. The text is the
 * allocator's own, so it is the event; the class printed after it, if any, joins it.
 */
function messageOnly(line: string): EventLine | null {
  const problems: Said[] = [];
  const at = line.search(NETTY_MESSAGE);
  if (at >= 0) {
    const after = line.slice(at);
    return {
      kind: 'oodm',
      exceptionClass: `io.netty.util.internal.${OODM}`,
      requestedBytes: readNumber(after, REQUESTED, 'requested', problems),
      usedBytes: readNumber(after, USED, 'used', problems),
      maxBytes: readNumber(after, MAX, 'max', problems),
      nettyPackage: null,
      chained: CHAINED.test(line),
      quoted: true,
      problems,
    };
  }
  const reserve = line.search(JDK_MESSAGE);
  if (reserve < 0) return null;
  const after = line.slice(reserve);
  return {
    kind: 'cannot_reserve',
    exceptionClass: 'java.lang.OutOfMemoryError',
    requestedBytes: readNumber(after, RESERVE, 'requested', problems),
    usedBytes: readNumber(after, ALLOCATED, 'allocated', problems),
    maxBytes: readNumber(after, LIMIT, 'limit', problems),
    nettyPackage: null,
    chained: CHAINED.test(line),
    quoted: true,
    problems,
  };
}

function parseOodm(line: string, at: number): EventLine | null {
  const end = at + OODM.length;
  const cls = classEndingAt(line, end);
  if (!cls.endsWith(`util.internal.${OODM}`) && cls !== OODM) return null;
  const before = line.slice(0, end - cls.length);
  const after = line.slice(end);
  const chained = CHAINED.test(line);
  const quoted = before.includes("An exception '");
  if (!after.startsWith(':')) {
    // A bare class name counts only where a stack trace prints it, not inside a sentence.
    const head = before.trim();
    const atStart = head === '' || /(?:Caused by:|Suppressed:|Exception in thread "[^"]{0,160}")$/.test(head);
    if (!atStart || after.trim() !== '') return null;
  }
  const problems: Said[] = [];
  return {
    kind: 'oodm',
    exceptionClass: cls,
    requestedBytes: readNumber(after, REQUESTED, 'requested', problems),
    usedBytes: readNumber(after, USED, 'used', problems),
    maxBytes: readNumber(after, MAX, 'max', problems),
    nettyPackage: nettyRootOf(cls, `util.internal.${OODM}`),
    chained,
    quoted,
    problems,
  };
}

function jdkEvent(
  line: string,
  at: number,
  kind: EventKind,
  requestedBytes: number | null,
  usedBytes: number | null,
  maxBytes: number | null,
  problems: Said[],
): EventLine | null {
  const cls = classEndingAt(line, at + 16);
  if (!cls.endsWith('OutOfMemoryError')) return null;
  const before = line.slice(0, at + 16 - cls.length).trimEnd();
  return {
    kind,
    exceptionClass: cls.includes('.') ? cls : `java.lang.${cls}`,
    requestedBytes,
    usedBytes,
    maxBytes,
    nettyPackage: null,
    chained: CHAINED.test(line),
    quoted: before.includes("An exception '"),
    problems,
  };
}

/** The fully qualified class name that ends at `end`. */
function classEndingAt(line: string, end: number): string {
  let start = end;
  while (start > 0 && CLASS_CHAR.test(line.charAt(start - 1))) start--;
  let cls = line.slice(start, end);
  while (cls.startsWith('.')) cls = cls.slice(1);
  return cls;
}

/**
 * Netty's root before `tail`: `io.netty.`, or a relocation ending in `.io.netty.`. A root that lost its
 * head (`o.netty.`: a selection that clipped the first letter) is plain Netty, not a relocation.
 */
function nettyRootOf(cls: string, tail: string): string | null {
  if (!cls.endsWith(tail) || cls.length <= tail.length) return null;
  const root = cls.slice(0, cls.length - tail.length);
  if (root.endsWith('netty.') && root !== 'io.netty.' && !root.endsWith('.io.netty.')) return 'io.netty.';
  return root;
}

/** A number that the message shows whole; a cut or absurd one is dropped with a note, never guessed. */
function readNumber(text: string, pattern: RegExp, name: string, problems: Said[]): number | null {
  const m = pattern.exec(text);
  if (!m?.[1]) {
    // `(used: 82208`, `failed to allocate 1677` at the end of a cut line: the number may be cut too.
    const label = name === 'requested' ? '(?:allocate|reserve) ' : `${name}: ?`;
    const cut = new RegExp(`${label}(-?\\d{1,40})$`).exec(text.trimEnd());
    if (cut) problems.push({ key: 'note.numberCut', values: { name, digits: cut[1] ?? '' } });
    return null;
  }
  const digits = m[1].replace(GROUPING, '');
  if (digits.startsWith('-')) {
    problems.push({ key: 'note.numberNegative', values: { name, digits } });
    return null;
  }
  const n = parseByteCount(digits);
  if (n === null)
    problems.push({ key: 'note.numberTooLarge', values: { name, digits: digits.slice(0, 30) } });
  return n;
}
