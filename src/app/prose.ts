/**
 * The prose of a large paste. Windows around error signatures hold the trace, but a whole read also
 * takes from the lines around it what people wrote and pasted beside it: Chinese (the reply's
 * language), text cues ("压测", "keeps growing": signals.yml), frameworks (named, or in frames of
 * other traces), JVM flags, Netty versions, direct-memory readings, strace/pmap and jstack lines.
 * This finds those lines so they are read, each as a window of its own, by the same analysis.
 *
 * One regular expression pass per region, over its bytes read as Latin-1 (one character per byte,
 * so positions are byte offsets; ASCII case folds as in a lower-cased line, and a match is only a
 * line to read, which the analysis then judges). What is enough once (a cue, a framework, Chinese)
 * stops being looked for after two lines that show it (a frame for a framework's package, prose for
 * the rest) or after CAP lines that do not, so a log that says it on every line is not read whole;
 * evidence that counts every time (versions, readings) is always read.
 */
import { isAscii } from 'node:buffer';
import { parseFrame } from '../core/parse/frame.ts';
import type { AnalyzerKnowledge } from '../core/types.ts';
import type { Hit, MoreHits } from './windowed.ts';

/** Lines showing a cue, a framework or Chinese after which it is taken as read… */
const ENOUGH = 2;
/** …or lines holding its words without showing it (a logger named after a package, a frame for a cue). */
const CAP = 64;
/** Lines of one Netty version read: they are counted, and the most frequent version is the one named. */
const VERSION_LINES = 256;
/** What the companion reader (core/parse/companions.ts) and the scanner read on a line of its own. */
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
// `netty-common-4.1.33.Final.jar`, `io/netty/netty-common/4.1.6.Final/`: what counts Netty versions.
const VERSION =
  '(?<version>netty(?:-[a-z]{1,20}){0,5}[-/][45]\\.\\d{1,2}\\.\\d{1,3}\\.(?:final|beta|alpha|cr))';
const VERSION_NUMBER = /[45]\.\d{1,2}\.\d{1,3}\.[a-z]+$/i;
// CJK Unified Ideographs and Extension A (U+3400–U+9FFF, what the scanner counts) as UTF-8 bytes.
const CJK = '(?<cjk>\\xe3[\\x90-\\xbf][\\x80-\\xbf]|[\\xe4-\\xe9][\\x80-\\xbf][\\x80-\\xbf])';
const SPECIAL = /[.*+?^${}()|[\]\\/-]/g;
const WORD_CHAR = /[a-z0-9]/i;

/** What a match stands for: what it is counted as, which lines show it, and how many are enough. */
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
  exact?: string;
}

const CJK_MARK: Mark = { key: 'cjk', shownBy: 'prose', enough: ENOUGH };

export class ProseMarkers implements MoreHits {
  /** The literals looked for, as their lower-cased UTF-8 bytes read as Latin-1. */
  private readonly literals = new Map<string, Mark>();
  private readonly seen = new Map<string, { shown: number; lines: number }>();
  /** Built from what is still looked for; dropped when something has been read enough. */
  private patterns: { ascii: RegExp; any: RegExp } | null = null;
  private bytes = 0;

  /** Reads the first `limit` bytes of the input for prose; beyond, nothing. */
  constructor(
    kb: AnalyzerKnowledge,
    private readonly limit: number,
  ) {
    const add = (text: string, mark: Mark) => {
      const key = Buffer.from(text.toLowerCase()).toString('latin1');
      if (!this.literals.has(key)) this.literals.set(key, mark);
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
    for (const e of OTHER_ERRORS) add(e, { key: 'other', shownBy: 'prose', enough: 5, exact: e });
  }

  find(region: Buffer): Hit[] {
    if (this.bytes >= this.limit) return [];
    this.bytes += region.length;
    const text = region.toString('latin1');
    const hits: Hit[] = [];
    let re = this.pattern(isAscii(region));
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const mark = this.markOf(m, text);
      if (!mark) continue;
      hits.push({ at: m.index, before: 0, after: 0, trace: false });
      const start = text.lastIndexOf('\n', m.index) + 1;
      const nl = text.indexOf('\n', m.index);
      if (
        mark.key !== null &&
        this.count(mark, region, start, nl < 0 ? text.length : nl) &&
        !mark.key.startsWith('version:')
      ) {
        this.patterns = null;
        re = this.pattern(isAscii(region));
      }
      // One hit reads the line: look on from the next.
      if (nl < 0) break;
      re.lastIndex = nl + 1;
    }
    return hits;
  }

  /** What a match stands for, or null when it is not to be read (another case, inside a word, read enough). */
  private markOf(m: RegExpExecArray, text: string): Mark | null {
    if (m.groups?.version) {
      const version = VERSION_NUMBER.exec(m[0])?.[0].toLowerCase() ?? '';
      const mark: Mark = { key: `version:${version}`, shownBy: 'any', enough: VERSION_LINES };
      return this.done(mark) ? null : mark;
    }
    if (m.groups?.cjk) return CJK_MARK;
    const mark = this.literals.get(m[0].toLowerCase());
    if (!mark || (mark.exact && m[0] !== mark.exact)) return null;
    if (mark.shownBy === 'word' && !isWordAt(text, m.index, m[0].length)) return null;
    return mark;
  }

  /** Count a line holding `mark`; true when that made it read enough. */
  private count(mark: Mark, region: Buffer, start: number, end: number): boolean {
    const key = mark.key as string;
    const seen = this.seen.get(key) ?? { shown: 0, lines: 0 };
    this.seen.set(key, seen);
    seen.lines++;
    if (mark.shownBy === 'any' || isFrame(region.toString('utf8', start, end)) === (mark.shownBy === 'frame'))
      seen.shown++;
    return this.done(mark);
  }

  private done(mark: Mark): boolean {
    const seen = mark.key === null ? undefined : this.seen.get(mark.key);
    return seen !== undefined && (seen.shown >= mark.enough || seen.lines >= Math.max(CAP, mark.enough));
  }

  /** What is still looked for, with Chinese only where a region has bytes beyond ASCII; from the start. */
  private pattern(ascii: boolean): RegExp {
    if (!this.patterns) {
      const wanted = [...this.literals]
        .filter(([, mark]) => !this.done(mark))
        .map(([text]) => text.replace(SPECIAL, '\\$&'));
      const cjk = this.done(CJK_MARK) ? [] : [CJK];
      this.patterns = {
        ascii: new RegExp([VERSION, ...wanted].join('|'), 'gi'),
        any: new RegExp([VERSION, ...cjk, ...wanted].join('|'), 'gi'),
      };
    }
    const re = ascii ? this.patterns.ascii : this.patterns.any;
    re.lastIndex = 0;
    return re;
  }
}

function isFrame(line: string): boolean {
  const t = line.trim();
  return t.includes('(') && parseFrame(t) !== null;
}

function isWordAt(text: string, at: number, length: number): boolean {
  return !WORD_CHAR.test(text.charAt(at - 1)) && !WORD_CHAR.test(text.charAt(at + length));
}
