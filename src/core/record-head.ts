/**
 * The log record a trace belongs to: its header (time, thread) and whether the exceptions printed
 * after it are its own, so an error further down the trace, a `Caused by:` of a wrapper, is read
 * with the record's thread and with whether nothing caught it.
 */
import type { Header } from './parse/header.ts';

export interface RecordHead extends Header {
  line: number;
  /** The exceptions printed after it belong to it. */
  owns: boolean;
  /** A blank line followed it (Spring Boot prints one before the exception). */
  blank?: boolean;
  /** Its trace has begun (a wrapper exception, frames, causes): a `Caused by:` is still its own. */
  trace?: boolean;
  /** `Exception in thread "…"`: nothing caught it, and its thread ended. */
  uncaught?: boolean;
}

// `java.lang.RuntimeException: boom`, `reactor.core.Exceptions$ErrorCallbackNotImplemented: …` (a wrapper)
const EXCEPTION_LINE = /^(?:[a-z_][\w$]{0,60}\.){1,12}[A-Z][\w$]{0,80}(?::|$)/;
// `Caused by: …`, `Suppressed: …`, `... 42 more`, `... 42 common frames omitted`
const TRACE_LINE = /^(?:Caused by: |Suppressed: |\.\.\. ?\d{1,9} (?:more|common frames omitted))/;

/** The head a line makes when it shows a header; `null` when it shows none. */
export function recordHead(header: Header, t: string, line: number): RecordHead | null {
  if (header.timestamp === null && header.thread === null) return null;
  const uncaught = t.includes('Exception in thread "');
  return { ...header, line, owns: ownsNextException(header, t), trace: uncaught, uncaught };
}

/** The head after a line without a header: kept while the line goes on with its trace. */
export function carryHead(head: RecordHead | null, t: string): RecordHead | null {
  if (!head?.owns) return null;
  return TRACE_LINE.test(t) || EXCEPTION_LINE.test(t) ? { ...head, trace: true } : null;
}

/**
 * Whether an exception printed on the next line belongs to this record: warnings and errors do, and
 * so does an INFO or DEBUG record that reports a failure (gRPC logs "Transport failed" at INFO).
 */
function ownsNextException(header: Header, line: string): boolean {
  const quiet = header.level === 'INFO' || header.level === 'DEBUG' || header.level === 'TRACE';
  return !quiet || /fail|error|exception|caught|unexpected|refused/i.test(line);
}
