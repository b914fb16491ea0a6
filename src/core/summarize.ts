/** From what the scanner saw to the report's summary and the signals that findings are scored on. */
import type { Said } from '../i18n/messages.ts';
import type { ScanResult } from './scanner.ts';
import { type Signals, signalsOf } from './signals.ts';
import { summaryOf } from './summary.ts';
import type { Language, ProductVersion, Summary } from './types.ts';

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
  return { summary, signals, notes: [...scan.notes, ...notes] };
}
