/**
 * A trace whose newlines were lost (a scraped repost, a chat client that joined the lines, frames
 * copied side by side) split back into its lines: before each `at` frame, each chained cause and the
 * exception that heads it; a leak record's, before each of its marks (`#1:`, `Created at:`) and frames.
 * Only a line that holds frames is split, so prose that says "at" stays whole.
 */

// ` at io.netty.buffer.PoolArena.allocate(PoolArena.java:214)`, `…2097152)at io.netty…`: a frame inside a line
const FRAME_START =
  /(?<=^|[\s)\]`])at (?=[\w$./<>-]{3,300}\((?:[\w$.-]{1,200}\.(?:java|kt|scala|groovy)(?::\d{1,7})? {0,4}|Native Method|Unknown Source)\))/g;
// ` Caused by: java.lang…`, ` Suppressed: reactor.core…`
const CHAIN_START = /(?<=\s)(?:Caused by|Suppressed): (?=[a-z][\w$]{0,60}\.)/g;
// `…Actual behavior io.netty.util.internal.OutOfDirectMemoryError: failed…`: the exception that heads the
// trace, after the prose or record it followed; not one its message names (`…Exception: io.netty…`).
const EXCEPTION_START =
  /(?<=(?:^|[^:])\s)(?:[a-z][\w$]{0,60}\.){1,12}[A-Z][\w$]{0,80}(?:Exception|Error|Throwable)(?=:)/g;

// A leak record's marks and its frames, printed without `at `
// (`#1: io.grpc…write(NettyWritableBuffer.java:35)`)
const LEAK_MARK = /(?<=\s)(?:#\d{1,4}:|Created at:|Recent access records:)/g;
const BARE_FRAME =
  /(?<=\s)(?:[\w$]{1,80}\.){2,16}[\w$<>-]{1,80}\((?:[\w$.-]{1,200}\.(?:java|kt|scala|groovy)(?::\d{1,7})?|Native Method|Unknown Source)\)/g;

/** Where each of a pattern's matches starts. */
function startsOf(re: RegExp, text: string): number[] {
  const at: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at.push(m.index);
  return at;
}

/**
 * The lines a collapsed trace or leak record was made of; the line itself when it holds fewer than
 * two frames.
 */
export function splitCollapsed(text: string): string[] {
  if (!text.includes('at ') && !text.includes('(')) return [text];
  let starts = startsOf(FRAME_START, text);
  if (starts.length >= 2) starts.push(...startsOf(CHAIN_START, text), ...startsOf(EXCEPTION_START, text));
  else {
    // Frames without `at `: a leak record's, with its marks, or three at least.
    const marks = text.includes('#') || text.includes('Created at:') ? startsOf(LEAK_MARK, text) : [];
    const frames = text.includes('(') ? startsOf(BARE_FRAME, text) : [];
    if (frames.length < (marks.length > 0 ? 2 : 3)) return [text];
    starts = [...marks, ...frames];
  }
  starts.sort((a, b) => a - b);
  const lines: string[] = [];
  let from = 0;
  for (const at of starts) {
    if (at > from && text.slice(from, at).trim() !== '') lines.push(text.slice(from, at).trimEnd());
    from = at;
  }
  lines.push(text.slice(from));
  // A frame of a collapsed trace reads as one printed in order: indented.
  return lines.map((l) => (l.startsWith('at ') || BARE_START.test(l) ? `\t${l}` : l));
}

const BARE_START = /^(?:[\w$]{1,80}\.){2,16}[\w$<>-]{1,80}\(/;
