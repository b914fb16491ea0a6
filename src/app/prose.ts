/**
 * The prose of a large paste. Windows around error signatures hold the trace, but a whole read also
 * takes from the lines around it what people wrote and pasted beside it: Chinese (the reply's
 * language), text cues ("压测", "keeps growing": signals.yml), frameworks (named, or in frames of
 * other traces), JVM flags, Netty versions, direct-memory readings, strace/pmap and jstack lines.
 * This finds those lines so they are read, each as a window of its own, by the same analysis.
 *
 * One pass per region over its bytes for every literal at once (literal-scan.ts; ASCII case folds
 * as in a lower-cased line, and a match is only a line to read, which the analysis then judges). What is enough once (a cue, a framework, Chinese)
 * stops being looked for after two lines that show it (a frame for a framework's package, prose for
 * the rest) or after CAP lines that do not, so a log that says it on every line is not read whole;
 * evidence that counts every time (versions, readings) is always read.
 */
import { isAscii } from 'node:buffer';
import { parseFrame } from '../core/parse/frame.ts';
import type { AnalyzerKnowledge } from '../core/types.ts';
import { LiteralScanner } from './literal-scan.ts';
import { BEFORE, type Hit, type MoreHits } from './windowed.ts';

/** Lines showing a cue, a framework or Chinese after which it is taken as read… */
const ENOUGH = 2;
/** …or lines holding its words without showing it (a logger named after a package, a frame for a cue). */
const CAP = 64;
/** Lines of one Netty version read: they are counted, and the most frequent version is the one named. */
const VERSION_LINES = 256;
/**
 * jmap, NMT and strace output, read with the lines around it as the companion reader
 * (core/parse/companions.ts) reads them: `Heap Usage:` and the eight lines of its section, an NMT
 * section and the two lines after it.
 */
const SECTIONS: { text: string; after: number }[] = [
  { text: 'Heap Usage', after: 10 },
  { text: 'MaxHeapSize', after: 0 },
  { text: '(reserved=', after: 2 },
  { text: 'mmap(', after: 0 },
];
/** What the companion reader and the scanner read on a line of its own. */
const EVIDENCE = [
  'directmemory',
  'direct_memory',
  '-xmx',
  'committed=',
  'munmap(',
  ' rw-p ',
  '" #',
  '" daemon',
  '" prio=',
];
/** Other errors: the scanner lists the first five, and names the first when there is no OOM. */
const OTHER_ERRORS = ['Exception', 'Error'];
// `netty-common-4.1.33.Final.jar`, `io/netty/netty-common/4.1.6.Final/`: what counts Netty versions,
// looked for where `netty-` or `netty/` is.
const VERSION_AT = /netty(?:-[a-z]{1,20}){0,5}[-/]([45]\.\d{1,2}\.\d{1,3}\.(?:final|beta|alpha|cr))/iy;
// CJK Unified Ideographs and Extension A (U+3400–U+9FFF, what the scanner counts) as UTF-8 bytes,
// read as Latin-1: looked for only in regions with bytes beyond ASCII, until Chinese is read.
const CJK_BYTES = /\xe3[\x90-\xbf][\x80-\xbf]|[\xe4-\xe9][\x80-\xbf][\x80-\xbf]/g;
const NL = 10;

/** What a literal stands for: what it is counted as, which lines show it, and how many are enough. */
interface Mark {
  /** `cue:ID`, `word:ID`, `frame:ID`, `cjk`, `other`, `version:V`; null: evidence read every time. */
  key: string | null;
  /**
   * `word`: a framework name, only as a word (as the scanner takes it); `frame`: a framework's
   * package, shown by a stack frame; `prose`: shown by a line that is not a frame; `any`: any line.
   */
  shownBy: 'word' | 'frame' | 'prose' | 'any';
  enough: number;
  /** A literal matched in this case only (the search itself ignores case). */
  exact?: Buffer;
  /** Lines to read around the line (evidence sections), as the windowed reader's needles do. */
  window?: { before: number; after: number };
}

type Special = 'version';

interface Compiled {
  literals: { bytes: Buffer; mark: Mark | Special }[];
  scanner: LiteralScanner;
}

const compiled = new WeakMap<AnalyzerKnowledge, Compiled>();

function compile(kb: AnalyzerKnowledge): Compiled {
  let c = compiled.get(kb);
  if (c) return c;
  const literals: Compiled['literals'] = [];
  const seen = new Set<string>();
  const add = (text: string, mark: Mark | Special) => {
    const bytes = Buffer.from(text.toLowerCase());
    if (seen.has(bytes.toString('latin1'))) return;
    seen.add(bytes.toString('latin1'));
    literals.push({ bytes, mark });
  };
  for (const s of kb.signals)
    if (s.source === 'text')
      for (const p of s.patterns ?? []) add(p, { key: `cue:${s.id}`, shownBy: 'prose', enough: ENOUGH });
  for (const f of kb.frameworks) {
    for (const k of f.keywords ?? []) add(k, { key: `word:${f.id}`, shownBy: 'word', enough: ENOUGH });
    for (const p of [...(f.packages ?? []), ...(f.shaded ?? [])])
      add(p, { key: `frame:${f.id}`, shownBy: 'frame', enough: ENOUGH });
  }
  for (const e of EVIDENCE) add(e, { key: null, shownBy: 'any', enough: 0 });
  for (const { text, after } of SECTIONS)
    add(text, { key: null, shownBy: 'any', enough: 0, window: { before: BEFORE, after } });
  for (const e of OTHER_ERRORS) add(e, { key: 'other', shownBy: 'prose', enough: 5, exact: Buffer.from(e) });
  add('netty-', 'version');
  add('netty/', 'version');
  c = { literals, scanner: new LiteralScanner(literals.map((l) => l.bytes)) };
  compiled.set(kb, c);
  return c;
}

const CJK_MARK: Mark = { key: 'cjk', shownBy: 'prose', enough: ENOUGH };

/** The prose lines of a large input's regions, as more hits for the windowed reader. */
export class ProseMarkers implements MoreHits {
  private readonly compiled: Compiled;
  private readonly seen = new Map<string, { shown: number; lines: number }>();
  /** Literals whose count is read enough, by id. */
  private readonly dead: Uint8Array;
  private bytes = 0;

  /** Reads the first `limit` bytes of the input for prose; beyond, nothing. */
  constructor(
    kb: AnalyzerKnowledge,
    private readonly limit: number,
  ) {
    this.compiled = compile(kb);
    this.dead = new Uint8Array(this.compiled.literals.length);
  }

  find(region: Buffer): Hit[] {
    if (this.bytes >= this.limit) return [];
    this.bytes += region.length;
    const hits: Hit[] = [];
    const { scanner } = this.compiled;
    const found = scanner.matches(new Uint8Array(region.buffer, region.byteOffset, region.byteLength));
    // One hit reads a line: what else ends on it is passed over.
    let lineEnd = -1;
    for (let k = 0; k < found.length; k += 2) {
      const end = found[k] as number;
      if (end <= lineEnd) continue;
      const mark = this.accepted(scanner.endingIn(found[k + 1] as number), region, end);
      if (!mark) continue;
      const start = region.lastIndexOf(NL, end - 1) + 1;
      const nl = region.indexOf(NL, end - 1);
      lineEnd = nl < 0 ? region.length : nl;
      hits.push({
        at: start,
        before: mark.window?.before ?? 0,
        after: mark.window?.after ?? 0,
        trace: false,
      });
      if (mark.key !== null) this.count(mark, region, start, lineEnd);
    }
    if (!this.done(CJK_MARK) && !isAscii(region)) this.findChinese(region, hits);
    return hits;
  }

  /** Lines with Chinese in them, until enough are read. */
  private findChinese(region: Buffer, hits: Hit[]): void {
    const text = region.toString('latin1');
    CJK_BYTES.lastIndex = 0;
    for (let m = CJK_BYTES.exec(text); m && !this.done(CJK_MARK); m = CJK_BYTES.exec(text)) {
      const start = text.lastIndexOf('\n', m.index) + 1;
      const nl = text.indexOf('\n', m.index);
      hits.push({ at: start, before: 0, after: 0, trace: false });
      this.count(CJK_MARK, region, start, nl < 0 ? text.length : nl);
      if (nl < 0) break;
      CJK_BYTES.lastIndex = nl + 1;
    }
  }

  /** The first of the literals ending at `end` to be read, or null. */
  private accepted(ids: readonly number[], region: Buffer, end: number): Mark | null {
    for (const id of ids) {
      const literal = this.compiled.literals[id];
      if (!literal || this.dead[id]) continue;
      const mark = this.markOf(literal, region, end);
      if (!mark) continue;
      if (!this.done(mark)) return mark;
      // Read enough: every literal counted the same way is passed over from now on at once.
      if (literal.mark !== 'version')
        for (const [other, l] of this.compiled.literals.entries())
          if (l.mark !== 'version' && l.mark.key === mark.key) this.dead[other] = 1;
    }
    return null;
  }

  /** What a literal ending at `end` stands for, or null when it is not to be read (another case, inside a word). */
  private markOf(literal: Compiled['literals'][number], region: Buffer, end: number): Mark | null {
    const { bytes, mark } = literal;
    const start = end - bytes.length;
    if (mark === 'version') {
      const nl = region.indexOf(NL, start);
      VERSION_AT.lastIndex = 0;
      const v = VERSION_AT.exec(
        region.toString('latin1', start, Math.min(nl < 0 ? region.length : nl, start + 200)),
      );
      return v?.[1] ? { key: `version:${v[1].toLowerCase()}`, shownBy: 'any', enough: VERSION_LINES } : null;
    }
    if (mark.exact && !mark.exact.equals(region.subarray(start, end))) return null;
    if (mark.shownBy === 'word' && (isWordByte(region[start - 1]) || isWordByte(region[end]))) return null;
    return mark;
  }

  /** Count a line holding `mark`. */
  private count(mark: Mark, region: Buffer, start: number, end: number): void {
    const key = mark.key as string;
    const seen = this.seen.get(key) ?? { shown: 0, lines: 0 };
    this.seen.set(key, seen);
    seen.lines++;
    if (mark.shownBy === 'any' || isFrame(region.toString('utf8', start, end)) === (mark.shownBy === 'frame'))
      seen.shown++;
  }

  private done(mark: Mark): boolean {
    const seen = mark.key === null ? undefined : this.seen.get(mark.key);
    return seen !== undefined && (seen.shown >= mark.enough || seen.lines >= Math.max(CAP, mark.enough));
  }
}

function isFrame(line: string): boolean {
  const t = line.trim();
  return t.includes('(') && parseFrame(t) !== null;
}

/** ASCII letters and digits: what makes a framework's name part of a longer word. */
function isWordByte(b: number | undefined): boolean {
  if (b === undefined) return false;
  const c = b | 0x20;
  return (c >= 97 && c <= 122) || (b >= 48 && b <= 57);
}
