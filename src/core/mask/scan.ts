/**
 * What every family of masks is built from: character classes read one code unit at a time, runs
 * of them, and a text rebuilt from kept pieces and markers. Each family finds its anchors left to
 * right and goes on past whatever it read, so no character is read more than a few times: masking
 * stays linear whatever the input.
 */

export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
export const isUpper = (c: number): boolean => c >= 65 && c <= 90;
export const isLower = (c: number): boolean => c >= 97 && c <= 122;
export const isAlpha = (c: number): boolean => isUpper(c) || isLower(c);
export const isAlnum = (c: number): boolean => isDigit(c) || isAlpha(c);
/** `[A-Za-z0-9_]` */
export const isWord = (c: number): boolean => isAlnum(c) || c === 95;
/** `[A-Za-z0-9_-]`: base64url, and the body of most API tokens. */
export const isB64url = (c: number): boolean => isWord(c) || c === 45;
/** `[A-Za-z0-9+/=]` */
export const isB64 = (c: number): boolean => isAlnum(c) || c === 43 || c === 47 || c === 61;
export const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** Space or tab: blanks inside one line. */
export const isBlank = (c: number): boolean => c === 32 || c === 9;
/** Any white space, line breaks included. */
export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
/** CJK ideographs: Chinese prose has no spaces, so a value written in it ends at the first one. */
export const isCjk = (c: number): boolean => c >= 0x3400 && c <= 0x9fff;

/**
 * The index of the first character at or after `from` outside a run, given as a sticky pattern
 * (`/[0-9]*\/y`): the regular expression engine reads a run many times faster than a loop does.
 */
export function runEnd(text: string, from: number, run: RegExp): number {
  if (from >= text.length) return from;
  run.lastIndex = from;
  run.test(text);
  return run.lastIndex;
}

/** Runs read by several families. */
export const RUN = {
  digits: /[0-9]*/y,
  b64: /[A-Za-z0-9+/=]*/y,
  b64url: /[A-Za-z0-9_-]*/y,
  alnum: /[A-Za-z0-9]*/y,
  hex: /[0-9A-Fa-f]*/y,
  blanks: /[ \t]*/y,
};

/** The start of the run of the class that ends at `end`, looking no further back than `floor`. */
export function runStart(text: string, end: number, inClass: (c: number) => boolean, floor = 0): number {
  let i = end;
  while (i > floor && inClass(text.charCodeAt(i - 1))) i--;
  return i;
}

/** How many blanks (spaces, tabs) start at `from`, up to `max`. */
export function blanksAt(text: string, from: number, max = 4): number {
  let n = 0;
  while (n < max && isBlank(text.charCodeAt(from + n))) n++;
  return n;
}

/**
 * Visit each match of a global `anchor` (plain words, no quantifiers): `visit` returns where the
 * search goes on, at least past the match, so runs it read are not read again.
 */
export function eachAnchor(text: string, anchor: RegExp, visit: (at: number, found: string) => number): void {
  anchor.lastIndex = 0;
  for (let m = anchor.exec(text); m; m = anchor.exec(text)) {
    anchor.lastIndex = Math.max(visit(m.index, m[0]), m.index + m[0].length);
  }
}

/** A text rebuilt left to right from kept pieces and markers. */
export class Masked {
  private readonly parts: string[] = [];
  private at = 0;

  constructor(private readonly text: string) {}

  /** Put `marker` in place of `text[start, end)`; ranges come in order and never overlap. */
  put(start: number, end: number, marker: string): void {
    if (start < this.at || end <= start) return;
    this.parts.push(this.text.slice(this.at, start), marker);
    this.at = end;
  }

  /** Where the last masked range ended: nothing before it may be masked again. */
  get done(): number {
    return this.at;
  }

  toString(): string {
    if (this.parts.length === 0) return this.text;
    return this.parts.join('') + this.text.slice(this.at);
  }
}

/**
 * `text.indexOf(needle, from)` for a `from` that only grows: a result stays good until `from`
 * passes it, so each stretch of the text is searched once however often it is asked.
 */
export class NextIndex {
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** The next index of the needle at or after `from`; the text's length when there is none. */
  after(from: number): number {
    if (from > this.found) {
      const i = this.text.indexOf(this.needle, from);
      this.found = i < 0 ? this.text.length : i;
    }
    return this.found;
  }
}
