/**
 * Lines a wrap split, joined back before they are parsed: a JSON log record spread over several
 * physical lines by a terminal or an issue tracker, and an event message whose numbers went onto the
 * next line (`failed to allocate 16777216 byte(` / `s) of direct memory (used: …, max: …)`). A line is
 * held only while what it opened is unfinished, for a few lines at most; if the next lines do not
 * finish it, every line goes on as it came.
 */

/** Most physical lines one JSON record is joined from. */
const MAX_JSON_PARTS = 24;
/** Most physical lines one event message is joined from. */
const MAX_MESSAGE_PARTS = 3;
/** Longest text held. */
const MAX_HELD = 64 * 1024;

// `failed to allocate 16777216 byte(s) of direct memory (used: 1073741824, max: ` … `1073741824)`,
// `…OutOfDirectMemoryError: failed to allocate` … `16777216 byte(s) of direct memory (…)`
const OODM_OPEN = /failed to allocate(?: -?\d|\s*$)/;
const OODM_DONE = /failed to allocate [^)）]{0,200}[)）][^)）]{0,200}max[:：] {0,4}-?[\d ,.]{1,60}[)）]/;
// `Cannot reserve 16777216 bytes of direct buffer memory (allocated: 1057308680, limit: ` … `1073741824)`
const RESERVE_OPEN = /Cannot reserve(?: -?\d|\s*$)/;
// `java.lang.OutOfMemoryError:` … `Direct buffer memory`: the exception's message went onto the next line
const CLASS_OPEN = /(?:OutOfDirectMemoryError|OutOfMemoryError):\s*$/;
const JDK_DONE = /OutOfMemoryError: ?Direct buffer memory/i;
const RESERVE_DONE = /Cannot reserve [^)）]{0,200}limit[:：] {0,4}-?[\d ,.]{1,60}[)）]/;
// What starts a line of its own, never the rest of a wrapped message: a frame, a chained cause, a date.
const OWN_LINE = /^\s*(?:at |Caused by|Suppressed|\.\.\. \d|\d{4}-\d{2}-\d{2}|\{")/;

type Held = { kind: 'json' | 'message'; parts: { text: string; line: number }[]; text: string };

export class Rejoiner {
  private held: Held | null = null;

  constructor(private readonly emit: (text: string, line: number) => void) {}

  push(text: string, line: number): void {
    const held = this.held;
    if (held) {
      this.held = null;
      if (held.kind === 'json' ? !text.trimStart().startsWith('{"') : !OWN_LINE.test(text)) {
        const joined = held.kind === 'message' ? join(held.text, text) : held.text + text;
        const next: Held = { ...held, parts: [...held.parts, { text, line }], text: joined };
        if (finished(next)) {
          this.emit(next.text, held.parts[0]?.line ?? line);
          return;
        }
        const max = held.kind === 'json' ? MAX_JSON_PARTS : MAX_MESSAGE_PARTS;
        if (next.parts.length < max && next.text.length <= MAX_HELD) {
          this.held = next;
          return;
        }
      }
      for (const p of held.parts) this.emit(p.text, p.line);
    }
    const kind = opens(text);
    if (kind) this.held = { kind, parts: [{ text, line }], text };
    else this.emit(text, line);
  }

  /** Let go of a line still held: the input ended before it was finished. */
  end(): void {
    const held = this.held;
    this.held = null;
    if (held) for (const p of held.parts) this.emit(p.text, p.line);
  }
}

/**
 * A wrap cuts anywhere (`byte(` / `s)`). Where it cut at blanks, one space stands for them (an
 * editor pads the line, a viewer indents the next one: `max:   ` / `  1073741824)`); where a viewer
 * trimmed them, a colon and its value (`max:` / `1073741824)`), a word and a number (`allocate` /
 * `16777216`), never touch in these messages, so a space goes back between them.
 */
function join(before: string, after: string): string {
  const head = before.trimEnd();
  const tail = after.trimStart();
  if (head.length < before.length || tail.length < after.length) return `${head} ${tail}`;
  return head.endsWith(':') || (/[A-Za-z]$/.test(head) && /^\d/.test(tail)) ? `${head} ${tail}` : head + tail;
}

/** What an unfinished line opened, if anything. */
function opens(text: string): Held['kind'] | null {
  const t = text.trim();
  if (t.startsWith('{"') && !t.endsWith('}')) return 'json';
  if (t.length > MAX_HELD) return null;
  if (OODM_OPEN.test(t) && !OODM_DONE.test(t)) return 'message';
  if (RESERVE_OPEN.test(t) && !RESERVE_DONE.test(t)) return 'message';
  if (CLASS_OPEN.test(t) || cutInWords(t)) return 'message';
  return null;
}

/** What the messages begin with, and the classes that print them. */
const MESSAGE_WORDS = ['failed to allocate', 'Direct buffer memory', 'Cannot reserve'];
const CLASSES = ['OutOfDirectMemoryError', 'OutOfMemoryError'];
const CLASS_CUT = /\.(OutOf[A-Za-z]{0,20})$/;

/** A wrap cut a class name or its message's first words (`…internal.OutOfDirectMemo`, `…Error: failed to al`). */
function cutInWords(t: string): boolean {
  const cls = CLASS_CUT.exec(t)?.[1];
  if (cls && CLASSES.some((c) => c.length > cls.length && c.startsWith(cls))) return true;
  const at = t.lastIndexOf('Error:');
  if (at < 0) return false;
  const tail = t.slice(at + 6).trimStart();
  return tail !== '' && MESSAGE_WORDS.some((w) => w.length > tail.length && w.startsWith(tail));
}

function finished(held: Held): boolean {
  const t = held.text.trim();
  if (held.kind === 'message') return messageDone(t);
  if (!t.endsWith('}')) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/**
 * The last message a line opens is whole: a wrap may cut the next one too
 * (`…max: 181` / `6133632) io.netty…OutOfDirectMemoryError: failed to allocate 16777` / `216 byte(s)…`).
 */
function messageDone(t: string): boolean {
  if (CLASS_OPEN.test(t)) return false;
  const at = Math.max(t.lastIndexOf('failed to allocate'), t.lastIndexOf('Cannot reserve'));
  const last = at < 0 ? t : t.slice(at);
  return OODM_DONE.test(last) || RESERVE_DONE.test(last) || (at < 0 && JDK_DONE.test(t));
}
