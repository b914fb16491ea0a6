/**
 * Undo what pasting does to a log, in one place, so the parsers see clean Java: Slack entities,
 * quotes and code fences, container log prefixes, syslog `#011`/`#012` escapes, JSON-logged lines,
 * escaped `\n\tat`, CRLF. Over-long lines are cut here, before any regular expression sees them.
 */

import { splitCollapsed } from './collapsed.ts';
import { brokenJsonRecord, jsonField, jsonRecord } from './json-record.ts';
import { SYSLOG, splitPlatformPrefix } from './prefixes.ts';
import { Rejoiner } from './rejoin.ts';

/** Longest raw line read whole; longer ones keep their head and the parts around event signatures. */
export const MAX_RAW_LINE = 256 * 1024;
/** Longest line a parser sees. */
export const MAX_PARSE_LINE = 8 * 1024;
const SIGNATURES = ['OutOfDirectMemoryError', 'OutOfMemoryError', 'LEAK: '];
/** Room an event's message takes after its signature (numbers and all). */
const MESSAGE = 256;
/** Distinct platform prefixes kept: a log shows one per service or container. */
const MAX_SOURCES = 16;

export interface CleanLine {
  text: string;
  /** 1-based line number in the input. */
  line: number;
}

// `2024-05-17T10:00:00.123456789Z stderr F ` (containerd / CRI)
const CRI =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2}) (?:stdout|stderr) ([FP]) ?/;
// Slack links: `<https://netty.io/wiki/reference-counted-objects.html|netty.io/…>`
const SLACK_LINK = /<((?:https?|mailto):[^|>\s]{1,2000})(?:\|[^>]{0,2000})?>/g;
const ENTITY = /&(gt|lt|amp);/g;
// What begins a record of its own: a date or time, a tab or indented `at`, a bracket, a known keyword.
const LINE_START =
  /^(?:$|\t|\s{2,}at |\d{4}-\d{2}-\d{2}|\d{2}:\d{2}:\d{2}|\[|at |Caused by|Suppressed|Exception|\.\.\. \d|[A-Z][a-z]{2} {1,2}\d|\{|[a-z][\w$]*(?:\.[a-z][\w$]*)+\.[A-Z])/;
const ENTITIES: Record<string, string> = { gt: '>', lt: '<', amp: '&' };
// `\tat io.netty…`, ` \tSuppressed: …`: a JSON string's escaped tab left in when it was half unescaped
const ESCAPED_TAB = /^ {0,4}(?:\\t){1,4}/;

/**
 * Zero-width and bidi controls split words (`OutOf\u200bDirect…`); a web page's non-breaking and
 * other Unicode spaces are spaces; full-width digits (`１６７７７２１６`) are digits. Full-width
 * punctuation stays: it is Chinese prose's, quoted back as written (the messages' parsers read it).
 */
export const INVISIBLE_OR_WIDE =
  /[\u00a0\u2000-\u200f\u202a-\u202f\u205f-\u2064\u2066-\u2069\u3000\ufeff\uff10-\uff19]/;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
const WIDE_DIGIT = /[\uff10-\uff19]/g;

/** The text without those controls, its spaces plain, its full-width digits in ASCII. */
export function plainUnicode(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(SPACE, ' ')
    .replace(WIDE_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

export interface NormalizerStats {
  cutLines: number;
}

/** Streaming normalizer: feed raw lines in order, receive clean lines. */
export class Normalizer {
  readonly stats: NormalizerStats = { cutLines: 0 };
  /**
   * The platform prefixes taken off the lines, each layout once (`linkerd[2410]: `, `gateway-1  | `):
   * the service they name may be the only sign of the product that failed.
   */
  readonly sources: string[] = [];
  private readonly sourceShapes = new Set<string>();
  private partial: string | null = null;
  private partialLine = 0;
  /** The last input line that was cut: each is counted once. */
  private lastCut = 0;
  private readonly rejoin = new Rejoiner((text, line) => this.expand(text, line));

  constructor(private readonly emit: (line: CleanLine) => void) {}

  push(raw: string, line: number): void {
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (INVISIBLE_OR_WIDE.test(text)) text = plainUnicode(text);
    if (text.length > MAX_RAW_LINE) {
      text = cutAroundSignatures(text, MAX_RAW_LINE);
      this.stats.cutLines++;
      this.lastCut = line;
    }
    text = this.unframe(text);
    const cri = CRI.exec(text);
    if (cri) {
      text = text.slice(cri[0].length);
      // What the container printed may carry a prefix of its own (a journald or CI time), at the
      // start of a line only: a partial line's rest is not one.
      if (this.partial === null) text = this.unframe(text);
      if (cri[1] === 'P') {
        // A partial line: the rest follows on the next physical line.
        if (this.partial === null) this.partialLine = line;
        this.partial = (this.partial ?? '') + text;
        if (this.partial.length > MAX_RAW_LINE) this.partial = this.partial.slice(0, MAX_RAW_LINE);
        return;
      }
    }
    let at = line;
    if (this.partial !== null) {
      text = this.partial + text;
      at = this.partialLine;
      this.partial = null;
    }
    this.rejoin.push(this.unslack(text), at);
  }

  /** Emit anything held back (a partial line at the end of input). */
  end(): void {
    if (this.partial !== null) {
      this.rejoin.push(this.unslack(this.partial), this.partialLine);
      this.partial = null;
    }
    this.rejoin.end();
  }

  /** Container and log-shipper wrappers around each physical line. */
  private unframe(text: string): string {
    if (text.startsWith('{"log":"')) {
      const log = jsonField(text, ['log']);
      if (log !== null) return log.endsWith('\n') ? log.slice(0, -1) : log;
    }
    const { prefix, text: rest } = splitPlatformPrefix(text);
    if (prefix !== '') this.keepSource(prefix);
    return rest;
  }

  /** A prefix whose shape is new: the same one with other times and pids is the same source. */
  private keepSource(prefix: string): void {
    if (this.sources.length >= MAX_SOURCES) return;
    const shape = prefix.replace(/\d+/g, '0');
    if (this.sourceShapes.has(shape)) return;
    this.sourceShapes.add(shape);
    this.sources.push(prefix);
  }

  /** Slack's entities, quotes, fences and links. */
  private unslack(input: string): string {
    let text = input;
    if (text.includes('&')) text = text.replace(ENTITY, (_, e: string) => ENTITIES[e] ?? _);
    if (text.startsWith('>')) {
      for (let i = 0; i < 3 && text.startsWith('>'); i++) text = text.slice(text.startsWith('> ') ? 2 : 1);
      // A quoted log line keeps its platform's prefix inside the quote.
      text = this.unframe(text);
    }
    if (text.includes('```')) {
      const t = text.trim();
      if (/^```[\w+-]{0,20}$/.test(t)) return '';
      text = text.replace(/^(\s*)```/, '$1').replace(/```\s*$/, '');
    }
    if (text.includes('<')) text = text.replace(SLACK_LINK, '$1');
    // Markdown inline code around a pasted line: `` `2023-11-25T14:29:27,343+0800 [main] ERROR …` ``
    if (text.startsWith('`') && !text.startsWith('``')) text = text.slice(1);
    if (text.endsWith('`') && !text.endsWith('``')) text = text.slice(0, -1);
    if (text.includes('\\t')) text = text.replace(ESCAPED_TAB, (m) => '\t'.repeat(m.trim().length / 2));
    return text;
  }

  /** One physical line may hold many: JSON log records, syslog escapes, escaped newlines. */
  private expand(text: string, line: number): void {
    const t = text.trimStart();
    if (t.startsWith('{')) {
      const lines = t.trimEnd().endsWith('}')
        ? jsonRecord(t)
        : t.startsWith('{"')
          ? brokenJsonRecord(t)
          : null;
      if (lines) {
        for (const l of lines) this.out(l, line);
        return;
      }
    }
    if (text.includes('#01')) {
      const body = text.replace(SYSLOG, '');
      if (body.includes('#012') || body.includes('#011')) {
        for (const l of body.split('#012')) this.out(l.replaceAll('#011', '\t'), line);
        return;
      }
    }
    if (text.includes('\\n\\tat ') || text.includes('\\n\tat ') || text.includes('\\r\\n\\tat ')) {
      for (const l of text.split(/\\r\\n|\\n/)) this.out(l.replaceAll('\\t', '\t'), line);
      return;
    }
    if (text.includes('\n')) {
      for (const l of text.split('\n')) this.out(l, line);
      return;
    }
    this.out(text, line);
  }

  private out(text: string, line: number): void {
    const full = text.endsWith('\r') ? text.slice(0, -1) : text;
    for (const t of splitCollapsed(full)) this.outOne(t, line);
  }

  private outOne(text: string, line: number): void {
    let t = text;
    if (t.length > MAX_PARSE_LINE) {
      t = cutAroundSignatures(t, MAX_PARSE_LINE);
      if (line !== this.lastCut) this.stats.cutLines++;
      this.lastCut = line;
    }
    if (MEMORY_ERROR.test(t)) t = t.replace(MISTYPED_CLASS, canonicalClass);
    this.emit({ text: t, line });
  }
}

const MEMORY_ERROR = /memoryerror/i;
// `0utOfMemoryError` retyped by hand, `java.lang.outofmemoryerror` lower-cased by a translation.
const MISTYPED_CLASS = /[0o]ut[0o]f(direct)?memoryerror/gi;

function canonicalClass(_: string, direct: string | undefined): string {
  return direct ? 'OutOfDirectMemoryError' : 'OutOfMemoryError';
}

/**
 * Keep the head of an over-long line and the text after each event signature in it, so an error
 * buried in a huge line is still read, and nothing is parsed past `limit` characters.
 */
export function cutAroundSignatures(text: string, limit: number): string {
  const part = Math.floor(limit / 4);
  const pieces = [text.slice(0, part)];
  let budget = limit - part;
  for (const sig of SIGNATURES) {
    // A message that starts near the end of the head would be cut there: it is read again, whole.
    let from = Math.max(0, part - MESSAGE);
    while (budget > 0) {
      const at = text.indexOf(sig, from);
      if (at < 0) break;
      const start = Math.max(from, at - 200);
      const take = Math.min(budget, part);
      pieces.push(text.slice(start, start + take));
      budget -= take;
      from = start + take;
    }
  }
  return pieces.join(' … ');
}

/** Columns a line takes in a terminal: tabs stop every 8 columns. */
function displayWidth(line: string): number {
  if (!line.includes('\t')) return line.length;
  let w = 0;
  for (const ch of line) w = ch === '\t' ? (Math.floor(w / 8) + 1) * 8 : w + 1;
  return w;
}

/**
 * Lines hard-wrapped at a fixed width (a terminal or e-mail copy) joined back, each with the number
 * of its first physical line. Only when the paste clearly is wrapped: several lines of exactly the
 * widest length, none longer; `null` otherwise.
 */
export function unwrapHardWrapped(lines: string[]): CleanLine[] | null {
  if (lines.length < 4 || lines.length > 200_000) return null;
  const widths = lines.map(displayWidth);
  let width = 0;
  for (const w of widths) if (w > width) width = w;
  if (width < 60 || width > 400) return null;
  let atWidth = 0;
  let continued = 0;
  let nearWidth = 0;
  widths.forEach((w, i) => {
    if (w >= width - 8) nearWidth++;
    if (w !== width) return;
    atWidth++;
    const next = lines[i + 1];
    if (next !== undefined && !LINE_START.test(next)) continued++;
  });
  // Wrapped: most full-width lines go on in a line that does not start a record of its own.
  if (atWidth < 3 || atWidth < nearWidth * 0.6 || continued < atWidth * 0.6) return null;
  const out: CleanLine[] = [];
  let acc: CleanLine | null = null;
  lines.forEach((l, i) => {
    if (acc === null) acc = { text: l, line: i + 1 };
    else acc.text += l;
    const next = lines[i + 1];
    if (widths[i] !== width || next === undefined || LINE_START.test(next)) {
      out.push(acc);
      acc = null;
    }
  });
  if (acc !== null) out.push(acc);
  return out;
}
