/**
 * A trace whose newlines were lost (a scraped repost, a chat client that joined the lines, frames
 * copied side by side) split back into its lines: before each `at` frame and each chained cause.
 * Only a line that holds frames is split, so prose that says "at" stays whole.
 */

// ` at io.netty.buffer.PoolArena.allocate(PoolArena.java:214)`, `…2097152)at io.netty…`: a frame inside a line
const FRAME_START =
  /(?<=^|[\s)\]`])at (?=[\w$./<>-]{3,300}\((?:[\w$.-]{1,200}\.(?:java|kt|scala|groovy)(?::\d{1,7})? {0,4}|Native Method|Unknown Source)\))/g;
// ` Caused by: java.lang…`, ` Suppressed: reactor.core…`
const CHAIN_START = /(?<=\s)(?:Caused by|Suppressed): (?=[a-z][\w$]{0,60}\.)/g;

/** The lines a collapsed trace was made of; the line itself when it holds fewer than two frames. */
export function splitCollapsed(text: string): string[] {
  if (!text.includes('at ')) return [text];
  const starts: number[] = [];
  FRAME_START.lastIndex = 0;
  for (let m = FRAME_START.exec(text); m; m = FRAME_START.exec(text)) starts.push(m.index);
  if (starts.length < 2) return [text];
  CHAIN_START.lastIndex = 0;
  for (let m = CHAIN_START.exec(text); m; m = CHAIN_START.exec(text)) starts.push(m.index);
  starts.sort((a, b) => a - b);
  const lines: string[] = [];
  let from = 0;
  for (const at of starts) {
    if (at > from && text.slice(from, at).trim() !== '') lines.push(text.slice(from, at).trimEnd());
    from = at;
  }
  lines.push(text.slice(from));
  // A frame of a collapsed trace reads as one printed in order: indented.
  return lines.map((l) => (l.startsWith('at ') ? `\t${l}` : l));
}
