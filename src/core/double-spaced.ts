/**
 * A trace copied from a page or a chat client that set each line as a paragraph comes with a blank
 * line after every line, and blank lines end traces and records. When no two lines of text touch
 * and some line belongs to a trace, the inserted blanks are dropped: a run of 2k + 1 blank lines
 * stood for k. Prose alone is left as it is.
 */
import type { CleanLine } from './normalize.ts';

// A frame, a cause, the errors this reads: the paste holds a trace.
const TRACE = /^\s*at [\w$.<>/-]{3,300}\(|Caused by: |OutOfDirectMemoryError|OutOfMemoryError|LEAK: /;
/** Fewer lines of text than this are too few to tell a double-spaced trace from short paragraphs. */
const MIN_TEXT_LINES = 5;

const isBlank = (line: string) => line.trim() === '';

/** The lines without the inserted blanks, each with its number in the paste; `null` if not double-spaced. */
export function singleSpaced(lines: string[]): CleanLine[] | null {
  let text = 0;
  let traced = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (isBlank(line)) continue;
    const next = lines[i + 1];
    if (next !== undefined && !isBlank(next)) return null;
    text++;
    if (TRACE.test(line)) traced++;
  }
  if (text < MIN_TEXT_LINES || traced === 0) return null;
  const out: CleanLine[] = [];
  let blanks = 0;
  lines.forEach((line, i) => {
    if (isBlank(line)) {
      blanks++;
      // The first blank of a run was inserted, and then every other one.
      if (blanks % 2 === 0) out.push({ text: '', line: i + 1 });
      return;
    }
    blanks = 0;
    out.push({ text: line, line: i + 1 });
  });
  return out;
}
