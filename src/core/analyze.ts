/**
 * `analyze(text, knowledge)`: the pure core. Text in, report out: no I/O, no clock, no environment.
 * Large inputs use `createAnalysis()` and feed lines as they stream.
 */
import { say } from '../i18n/messages.ts';
import { singleSpaced } from './double-spaced.ts';
import { detectLanguage } from './language.ts';
import { newestFirst } from './line-order.ts';
import { lineMasker, mask } from './mask/index.ts';
import { type CleanLine, Normalizer, unwrapHardWrapped } from './normalize.ts';
import { type ScannedEvent, Scanner, type ScanResult } from './scanner.ts';
import { summarize } from './summarize.ts';
import type { AnalyzerKnowledge, Language, Report, TraceEvent } from './types.ts';
import { utf8Length } from './units.ts';
import { VersionReader } from './versions.ts';

export interface AnalyzeOptions {
  /** Reply language; by default, the language of the input. */
  language?: Language;
}

/** An analysis fed line by line (raw lines, as read), finished into a report. */
export interface Analysis {
  push(rawLine: string, lineNumber: number): void;
  /** Lines were skipped before the next one pushed. */
  gap(): void;
  /** A trace is open: the lines that follow may still belong to it. */
  busy(): boolean;
  finish(stats: { bytes: number; lines: number; windowed: boolean }): Report;
}

export function createAnalysis(knowledge: AnalyzerKnowledge, options: AnalyzeOptions = {}): Analysis {
  const scanner = new Scanner(knowledge);
  const versions = new VersionReader(knowledge.frameworks);
  const normalizer = new Normalizer(
    masked((l) => {
      scanner.push(l);
      versions.observe(l.text);
    }),
  );
  return {
    push: (raw, n) => normalizer.push(raw, n),
    gap: () => {
      normalizer.end();
      scanner.gap();
    },
    busy: () => scanner.busy(),
    finish(stats) {
      normalizer.end();
      return buildReport(scanner.finish(maskedSources(normalizer.sources)), versions, knowledge, options, {
        ...stats,
        cutLines: normalizer.stats.cutLines,
      });
    },
  };
}

/** Analyze a whole pasted text. */
export function analyze(text: string, knowledge: AnalyzerKnowledge, options: AnalyzeOptions = {}): Report {
  const scanner = new Scanner(knowledge);
  const clean: CleanLine[] = [];
  const normalizer = new Normalizer(masked((l) => clean.push(l)));
  const raw = text.split('\n');
  if (raw.length > 0 && raw[raw.length - 1] === '' && text.length > 0) raw.pop();
  const lines = raw.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const rejoined = unwrapHardWrapped(lines) ?? singleSpaced(lines);
  if (rejoined) for (const l of rejoined) normalizer.push(l.text, l.line);
  else
    raw.forEach((l, i) => {
      normalizer.push(l, i + 1);
    });
  normalizer.end();
  if (newestFirst(clean)) clean.reverse();
  const versions = new VersionReader(knowledge.frameworks);
  for (const l of clean) {
    scanner.push(l);
    versions.observe(l.text);
  }
  return buildReport(scanner.finish(maskedSources(normalizer.sources)), versions, knowledge, options, {
    bytes: utf8Length(text),
    lines: text === '' ? 0 : raw.length,
    windowed: false,
    cutLines: normalizer.stats.cutLines,
  });
}

/**
 * Clean lines are masked before the scanner and the version reader see them: no secret reaches the
 * report, so none reaches a reply, the store or a log. After normalizing, the invisible characters
 * are gone and over-long lines are cut, so masking reads at most MAX_PARSE_LINE characters of any
 * line. Lines are masked as pasted, before a newest-first paste is turned round, so a private key's
 * body still follows its header.
 */
function masked(into: (line: CleanLine) => void): (line: CleanLine) => void {
  const maskLine = lineMasker();
  return (l) => into({ text: maskLine(l.text), line: l.line });
}

/** The platform prefixes, masked too: a host or user name in one is no business of the scanner. */
function maskedSources(sources: readonly string[]): string[] {
  return sources.map(mask);
}

function buildReport(
  scan: ScanResult,
  versions: VersionReader,
  knowledge: AnalyzerKnowledge,
  options: AnalyzeOptions,
  stats: { bytes: number; lines: number; windowed: boolean; cutLines: number },
): Report {
  const language = options.language ?? detectLanguage(scan.cjkChars);
  const packages = knowledge.frameworks
    .filter((f) => f.id !== 'netty')
    .flatMap((f) => [...(f.packages ?? []), ...(f.shaded ?? [])]);
  const { summary, signals, notes } = summarize(scan, language, packages, versions.result());
  const detected = scan.events.length > 0;
  // Notes are kept as keys until here: the scanner meets them before the language is known.
  if (stats.cutLines > 0) notes.push({ key: 'note.cutLines', values: { n: stats.cutLines } });
  if (scan.eventsOmitted > 0) notes.push({ key: 'note.eventsOmitted', values: { n: scan.eventsOmitted } });
  if (stats.windowed) notes.push({ key: 'note.windowed' });
  return {
    schemaVersion: 1,
    detected,
    events: scan.events.map(publicEvent),
    summary,
    // Diagnosed above the core (src/diagnosis/), once the report is read.
    findings: [],
    playbook: null,
    knowledge: [],
    language,
    signals: detected ? signals : {},
    otherErrors: scan.otherErrors,
    notes: notes.map((n) => say(n, language)),
    input: {
      bytes: stats.bytes,
      lines: stats.lines,
      cutLines: stats.cutLines,
      eventsOmitted: scan.eventsOmitted,
      windowed: stats.windowed,
    },
  };
}

function publicEvent(e: ScannedEvent): TraceEvent {
  return {
    kind: e.kind,
    exceptionClass: e.exceptionClass,
    requestedBytes: e.requestedBytes,
    usedBytes: e.usedBytes,
    maxBytes: e.maxBytes,
    thread: e.thread,
    timestamp: e.timestamp,
    line: e.line,
    frames: e.frames,
    occurrences: e.occurrences,
  };
}
