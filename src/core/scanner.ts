/**
 * The streaming heart of the analyzer: clean lines in, events and observations out. It holds only
 * what a report needs (capped), so a log of any size is read in bounded memory.
 */

import type { Said } from '../i18n/messages.ts';
import { CueMatcher, isRecord, isThrown } from './cues.ts';
import { cjkIn } from './language.ts';
import type { CleanLine } from './normalize.ts';
import { OrphanLeakReader } from './orphan-leak.ts';
import { CompanionReader } from './parse/companions.ts';
import { type EventLine, mayOpenEvent, parseEventLine } from './parse/exception.ts';
import { parseFrame, unshade } from './parse/frame.ts';
import { type Header, parseHeader } from './parse/header.ts';
import { ProductDetector } from './products.ts';
import { carryHead, type RecordHead, recordHead } from './record-head.ts';
import type { AnalyzerKnowledge, TraceEvent } from './types.ts';

export const MAX_EVENTS = 500;
const MAX_FRAMES = 256;
const MAX_OTHER_ERRORS = 5;
const MAX_NOTES = 20;

export interface LeakRecord {
  created: boolean;
  frames: string[];
}

export interface ScannedEvent extends TraceEvent {
  /** Netty's package root as printed (`io.netty.`, or a relocation of it). */
  nettyPackage: string | null;
  /** LEAK reports: their `Created at:` and `#N:` records. */
  records: LeakRecord[];
  quoted: boolean;
  /** Printed as `Exception in thread "…"`: nothing caught it, and its thread ended. */
  uncaught: boolean;
}

export interface ScanResult {
  events: ScannedEvent[];
  eventsOmitted: number;
  /** Occurrences of events, counted even beyond the cap. */
  occurrences: number;
  frameworks: ReturnType<ProductDetector['result']>;
  /** The first Netty relocation prefix seen in any frame or class name. */
  relocation: string | null;
  cues: Map<string, string>;
  companions: CompanionReader['found'];
  otherErrors: string[];
  notes: Said[];
  cjkChars: number;
  lines: number;
}

// `... 42 more`, `... 42 common frames omitted`
const ELLIPSIS = /^\.\.\. ?\d{1,9} (?:more|common frames omitted)/;
// `"WorkerPetalGroup-9-5" #236 prio=5 os_prio=0 tid=0x… nid=0x6529 runnable`
const JSTACK_THREAD = /^"([^"]{1,160})" (?:#\d|daemon|prio=)/;
// `java.lang.OutOfMemoryError: Java heap space`, `Caused by: java.lang.NullPointerException: …`
const OTHER_ERROR =
  /(?:^|Caused by: |Exception in thread "[^"]{0,160}" |\s)((?:[a-z][\w$]{0,60}\.){1,12}[A-Z][\w$]{0,80}(?:Exception|Error))(?::\s?([^\n]{0,100}))?$/;

export class Scanner {
  private readonly events: ScannedEvent[] = [];
  private readonly byKey = new Map<string, ScannedEvent>();
  private current: ScannedEvent | null = null;
  /** The last log record's header: an exception printed right after it belongs to it. */
  private prevHeader: RecordHead | null = null;
  private readonly frameworks: ProductDetector;
  private readonly cues: CueMatcher;
  private readonly companions = new CompanionReader();
  private readonly orphans = new OrphanLeakReader();
  private readonly otherErrors = new Set<string>();
  private readonly notes: Said[] = [];
  private eventsOmitted = 0;
  private occurrences = 0;
  private cjkChars = 0;
  private lines = 0;
  /** The last line read was a frame or an exception's heading: a trace, of any error, goes on. */
  private tracing = false;

  constructor(knowledge: AnalyzerKnowledge) {
    this.frameworks = new ProductDetector(knowledge.frameworks);
    this.cues = new CueMatcher(knowledge.signals);
  }

  push({ text, line }: CleanLine): void {
    this.lines++;
    const trimmed = text.trim();
    if (trimmed === '') {
      this.close();
      // Spring Boot prints a blank line between a record and its exception: keep the header over one.
      if (this.prevHeader && !this.prevHeader.blank) this.prevHeader.blank = true;
      else this.prevHeader = null;
      return;
    }
    // `etty`: jar names (`netty-common-…`) and a version stated in prose (`Netty version: …`).
    if (trimmed.includes('etty')) this.companions.readVersionsOnly(trimmed);
    const frame = trimmed.includes('(') ? parseFrame(trimmed) : null;
    this.tracing = frame !== null || ELLIPSIS.test(trimmed) || isThrown(trimmed);
    if (frame) {
      this.current ??= this.orphans.frame(frame, !trimmed.startsWith('at '), line);
      this.onFrame(frame);
      return;
    }
    if (this.current && this.onTraceStructure(trimmed)) return;
    if (!this.current && this.orphans.heading(trimmed, line)) return;

    const ev = mayOpenEvent(trimmed) ? parseEventLine(trimmed) : null;
    const header = parseHeader(trimmed);
    if (ev) {
      this.onEventLine(ev, header, line, trimmed.includes('Exception in thread "'));
      this.observeText(trimmed, isRecord(trimmed, header));
      this.companions.readRequirement(trimmed);
      return;
    }
    this.observeText(trimmed, isRecord(trimmed, header));
    this.close();
    const jstack = JSTACK_THREAD.exec(trimmed);
    if (jstack?.[1]) this.frameworks.observeThread(jstack[1]);
    this.companions.read(trimmed, header.timestamp);
    if (trimmed.includes('Exception') || trimmed.includes('Error')) this.observeOtherError(trimmed);
    this.prevHeader = recordHead(header, trimmed, line) ?? carryHead(this.prevHeader, trimmed);
  }

  /** An event is open, or a trace goes on: following lines may be its frames. */
  busy(): boolean {
    return this.current !== null || this.tracing;
  }

  /** The input skipped lines here (a large file read around its error signatures). */
  gap(): void {
    this.close();
    this.orphans.reset();
    this.prevHeader = null;
  }

  /** The scan's result; `sources` are the platform prefixes taken off its lines (they may name the service). */
  finish(sources: readonly string[] = []): ScanResult {
    this.close();
    for (const s of sources) this.frameworks.observeSource(s);
    return {
      events: this.events,
      eventsOmitted: this.eventsOmitted,
      occurrences: this.occurrences,
      frameworks: this.frameworks.result(),
      relocation: this.frameworks.relocation(),
      cues: this.cues.found,
      companions: this.companions.found,
      otherErrors: [...this.otherErrors],
      notes: this.notes,
      cjkChars: this.cjkChars,
      lines: this.lines,
    };
  }

  private onFrame(frame: string): void {
    const unshaded = unshade(frame);
    this.frameworks.observeFrame(frame, unshaded);
    const ev = this.current;
    if (!ev) return;
    if (ev.frames.length < MAX_FRAMES) ev.frames.push(frame);
    const record = ev.records.at(-1);
    if (record && record.frames.length < MAX_FRAMES) record.frames.push(frame);
  }

  /** Lines inside an open trace that are neither frames nor a new event. */
  private onTraceStructure(t: string): boolean {
    const ev = this.current as ScannedEvent;
    if (ELLIPSIS.test(t) || t.startsWith('Hint: ') || t.startsWith('- locked ') || t.startsWith('- waiting '))
      return true;
    // `[enable DEBUG level for full stacktrace] was thrown by a user handler's exceptionCaught() method…`
    if (ev.quoted && ev.frames.length === 0 && t.includes('was thrown by a user handler')) return true;
    if (ev.kind === 'leak_report') {
      if (t.startsWith('Created at:')) {
        ev.records.push({ created: true, frames: [] });
        return true;
      }
      if (/^#\d{1,4}:/.test(t)) {
        ev.records.push({ created: false, frames: [] });
        return true;
      }
      if (t.startsWith('Recent access records:') || /^WARNING: \d+ leak records were discarded/.test(t))
        return true;
    }
    if ((t.startsWith('Caused by: ') || t.startsWith('Suppressed: ')) && !mayOpenEvent(t)) return true;
    return false;
  }

  private onEventLine(ev: EventLine, header: Header, line: number, uncaught: boolean): void {
    for (const p of ev.problems) this.note(p);
    const cur = this.current;
    if (
      cur &&
      cur.kind === ev.kind &&
      sameNumbers(cur, ev) &&
      (ev.chained || (cur.quoted && cur.frames.length === 0))
    ) {
      // The same error again inside one trace: a `Caused by:` of itself, or printed after a quote of it.
      if (cur.quoted && !ev.quoted) {
        cur.exceptionClass = ev.exceptionClass;
        cur.quoted = false;
      }
      cur.uncaught ||= uncaught;
      return;
    }
    this.close();
    let timestamp = header.timestamp;
    let thread = header.thread;
    let start = line;
    const prev = this.prevHeader;
    // The record's own exception, or a cause further down the trace it began.
    const own =
      timestamp === null && thread === null && prev?.owns === true && (!ev.chained || prev.trace === true);
    if (own) {
      timestamp = prev.timestamp;
      thread = prev.thread;
      start = prev.line;
    }
    if (thread) this.frameworks.observeThread(thread);
    if (ev.nettyPackage) this.frameworks.observeNettyPackage(ev.nettyPackage, ev.exceptionClass);
    this.current = {
      kind: ev.kind,
      exceptionClass: ev.exceptionClass,
      requestedBytes: ev.requestedBytes,
      usedBytes: ev.usedBytes,
      maxBytes: ev.maxBytes,
      thread,
      timestamp,
      line: start,
      frames: [],
      occurrences: 1,
      nettyPackage: ev.nettyPackage,
      records: [],
      quoted: ev.quoted,
      uncaught: uncaught || (own && prev.uncaught === true),
    };
    this.prevHeader = null;
  }

  /** End the open event: merge it with an identical earlier one, or keep it. */
  private close(): void {
    const ev = this.current;
    if (!ev) return;
    this.current = null;
    this.occurrences++;
    const key = eventKey(ev);
    const same = this.byKey.get(key);
    if (same) {
      same.occurrences++;
      if (same.frames.length === 0 && ev.frames.length > 0) {
        same.frames = ev.frames;
        same.records = ev.records;
      }
      return;
    }
    if (this.events.length >= MAX_EVENTS) {
      this.eventsOmitted++;
      return;
    }
    this.events.push(ev);
    this.byKey.set(key, ev);
  }

  /** `record`: the line is a log record or an exception's message, not what a person wrote. */
  private observeText(t: string, record: boolean): void {
    const lower = t.toLowerCase();
    this.frameworks.observeText(lower, t);
    this.cues.observe(t, lower, record);
    if (this.cjkChars < 10_000) this.cjkChars += cjkIn(t);
  }

  private observeOtherError(t: string): void {
    if (this.otherErrors.size >= MAX_OTHER_ERRORS) return;
    const m = OTHER_ERROR.exec(t.length > 600 ? t.slice(0, 600) : t);
    if (!m?.[1]) return;
    const message = m[2]?.replace(/\]? with root cause$/, '').trim();
    this.otherErrors.add(message ? `${m[1]}: ${message}` : m[1]);
  }

  private note(note: Said): void {
    const same = (n: Said) => n.key === note.key && JSON.stringify(n.values) === JSON.stringify(note.values);
    if (this.notes.length < MAX_NOTES && !this.notes.some(same)) this.notes.push(note);
  }
}

function sameNumbers(a: ScannedEvent, b: EventLine): boolean {
  return a.requestedBytes === b.requestedBytes && a.usedBytes === b.usedBytes && a.maxBytes === b.maxBytes;
}

/** Identical events are one event seen several times; a different timestamp makes a new one. */
function eventKey(e: ScannedEvent): string {
  return [e.kind, e.exceptionClass, e.requestedBytes, e.usedBytes, e.maxBytes, e.thread, e.timestamp].join(
    '|',
  );
}
