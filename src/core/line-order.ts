/**
 * Pastes from log viewers that list the newest line first (Kibana, Grafana, a web console's table)
 * print a trace upside down: its frames first, outermost on top, then the exception line, then the
 * log record's header. Such a paste is told by the frame next to an event's heading: in order, the
 * heading is followed by its frames; upside down, it follows the frame that threw it (Netty's
 * counter, the JDK's `Bits.reserveMemory`, the buffer allocation of a leak record), and a run of
 * frames starts with the thread's outermost frame.
 */
import type { CleanLine } from './normalize.ts';
import { parseFrame } from './parse/frame.ts';

// The lines that head a trace or a record: an event's exception line, a chained cause, a leak record heading.
const HEADING =
  /^(?:Caused by: |Created at:|#\d{1,4}:|Recent access records:)|OutOfDirectMemoryError|OutOfMemoryError: |failed to allocate \d|LEAK: /;
// The frame each heading's trace starts with, where the error was thrown or the buffer made.
const THROW_SITE = [
  'PlatformDependent.incrementMemoryCounter(',
  'java.nio.Bits.reserveMemory(',
  'ByteBufAllocator.',
  'io.netty.buffer.Unpooled.',
];
// The outermost frames of a thread: the bottom of a trace printed in order.
const ROOT_FRAME = [
  'java.lang.Thread.run(',
  'FastThreadLocalRunnable.run(',
  'ThreadPoolExecutor$Worker.run(',
];

function frameOf(line: CleanLine | undefined): string | null {
  const t = line?.text.trim() ?? '';
  return t.includes('(') ? parseFrame(t) : null;
}

/** Whether the lines read newest first: more of them say so than say otherwise. */
export function newestFirst(lines: CleanLine[]): boolean {
  let reversed = 0;
  let inOrder = 0;
  let run: string[] = [];
  lines.forEach((line, i) => {
    const frame = frameOf(line);
    if (frame) {
      run.push(frame);
      return;
    }
    if (run.length >= 2) {
      if (ROOT_FRAME.some((r) => run.at(-1)?.includes(r))) inOrder++;
      else if (ROOT_FRAME.some((r) => run[0]?.includes(r))) reversed++;
    }
    run = [];
    const t = line.text.trim();
    if (t.length > 2000 || !HEADING.test(t)) return;
    if (frameOf(lines[i + 1]) || frameOf(lines[i + 2])) inOrder++;
    else if (THROW_SITE.some((s) => frameOf(lines[i - 1])?.includes(s))) reversed++;
  });
  return reversed > inOrder;
}
