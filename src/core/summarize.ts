/** From what the scanner saw to the report's summary and the signals that findings are scored on. */
import type { Said } from '../i18n/messages.ts';
import type { ScanResult } from './scanner.ts';
import { type Signals, signalsOf } from './signals.ts';
import { summaryOf } from './summary.ts';
import type { Language, ProductVersion, Summary } from './types.ts';
import { describeRange, satisfies } from './version-range.ts';

export { versionCompare } from './chunks.ts';
export type { Signals } from './signals.ts';
export { primaryEvent } from './summary.ts';

/** The summary, the signals present, and the notes about the input (the scanner's and the numbers'). */
export function summarize(
  scan: ScanResult,
  lang: Language,
  frameworkPackages: string[] = [],
  versions: Record<string, ProductVersion> = {},
): { summary: Summary; signals: Signals; notes: Said[] } {
  const { summary, context } = summaryOf(scan, lang, frameworkPackages, versions);
  const { signals, notes } = signalsOf(scan, summary, context, lang);
  return { summary, signals, notes: [...scan.notes, ...notes, ...versionNotes(summary)] };
}

/**
 * "After the update to 4.1.7 it dies" under a trace whose line numbers are 4.1.4's (netty#6221): the
 * trace may come from the build that worked, so the reader should know before trusting either.
 */
function versionNotes(summary: Summary): Said[] {
  const stated = summary.productVersions?.netty;
  const lines = summary.nettyVersionRange;
  if (!stated || !lines || satisfies(stated.version, lines.range)) return [];
  const values = {
    stated: stated.version,
    evidence: stated.evidence,
    lines: describeRange(lines.range),
    where: lines.evidence,
  };
  return [{ key: 'note.nettyVersionsDisagree', values }];
}
