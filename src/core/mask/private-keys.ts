/**
 * Private keys: PEM and PGP blocks (`-----BEGIN RSA PRIVATE KEY-----` … `-----END …-----`), whole,
 * over as many lines as they take, pasted with real or escaped (`\n`) line breaks, or cut short;
 * and OpenSSH public keys (`ssh-ed25519 AAAAC3Nz… user@host`), which name a person and a machine.
 */
import { MARK } from './kinds.ts';
import { eachAnchor, isAlnum, isB64, isBlank, Masked, RUN, runEnd } from './scan.ts';

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';
/** Longest label between `BEGIN ` and its dashes (`ENCRYPTED PRIVATE KEY`, `PGP PRIVATE KEY BLOCK`). */
const LABEL = 64;

/** An armour header inside a key block: `Proc-Type: 4,ENCRYPTED`, `Version: GnuPG v2`. */
const ARMOUR = /^(?:Proc-Type|DEK-Info|Version|Comment|Hash): [^-]*$/;

/** Where a line of a key's body goes wrong: base64, blanks and escaped breaks are fine; -1 when it all is. */
function badIn(line: string): number {
  if (ARMOUR.test(line)) return -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!isB64(c) && !isBlank(c) && c !== 13 && c !== 92) return i;
  }
  return -1;
}

/** Base64 this long at the start of a line is the rest of a key's body, whatever follows it. */
const BODY_PREFIX = 16;

/**
 * How much of a line goes on with a key whose header came on an earlier line: all of it (-1),
 * the body it starts with, or nothing (0).
 */
export function keyBodyIn(line: string): number {
  const bad = badIn(line);
  return bad < 0 || bad >= BODY_PREFIX ? bad : 0;
}

export interface KeysMasked {
  text: string;
  /** The text ended inside a key's body (no footer yet): the next lines may still be part of it. */
  open: boolean;
}

/** Mask every private-key block; a block without its footer is masked as far as its body goes. */
export function maskPrivateKeys(text: string): KeysMasked {
  if (!text.includes(BEGIN)) return { text, open: false };
  const out = new Masked(text);
  let open = false;
  // The footer is searched for once and reused, so many headers cost no more than one.
  let footer = -2;
  let at = text.indexOf(BEGIN);
  while (at >= 0) {
    const labelEnd = text.indexOf(DASHES, at + BEGIN.length);
    if (
      labelEnd < 0 ||
      labelEnd - at > BEGIN.length + LABEL ||
      !text.slice(at, labelEnd).includes('PRIVATE KEY')
    ) {
      at = text.indexOf(BEGIN, at + BEGIN.length);
      continue;
    }
    const body = scanBody(text, labelEnd + DASHES.length);
    if (footer !== -1 && footer < body.from) footer = text.indexOf(END, body.from);
    let end = body.end;
    if (footer >= 0 && footer <= body.bad) {
      const close = text.indexOf(DASHES, footer + END.length);
      end = close >= 0 && close - footer <= END.length + LABEL ? close + DASHES.length : footer + END.length;
    } else open = body.end === text.length;
    out.put(at, end, MARK.privateKey + '\n'.repeat(countBreaks(text, at, end)));
    at = text.indexOf(BEGIN, end);
  }
  return { text: out.toString(), open };
}

/**
 * A key's body from `from` (just past its header): where its last body line ends, and where the
 * first character that cannot be part of a body is (a footer's dashes at the latest). Lines stop
 * at the next header's dashes, so the bodies of many headers are never read twice.
 */
function scanBody(text: string, from: number): { from: number; end: number; bad: number } {
  let end = from;
  let line = from;
  for (;;) {
    const nl = text.indexOf('\n', line);
    const lineEnd = nl < 0 ? text.length : nl;
    const content = text.slice(line, lineEnd);
    const bad = badIn(content);
    // A line cut off by other text (`…Hxk7oAoGCCqGSM49] ERROR …`) still starts with body.
    if (bad >= 0) return { from, end: bad >= BODY_PREFIX ? line + bad : end, bad: line + bad };
    // Blank lines belong to the key only when more of its body follows.
    if (content.trim() !== '' || (nl < 0 && line === from)) end = lineEnd;
    if (nl < 0) return { from, end, bad: text.length };
    line = nl + 1;
  }
}

function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

// `ssh-rsa AAAAB3NzaC1yc2E…`, `ecdsa-sha2-nistp256 AAAAE2Vj…`, `sk-ssh-ed25519@openssh.com AAAAGnNr…`
const SSH = /\b(?:sk-)?(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp(?:256|384|521))(?:@openssh\.com)?/g;

/** Mask the key of an OpenSSH public key line, keeping its algorithm. */
export function maskSshKeys(text: string): string {
  if (!text.includes('ssh-') && !text.includes('ecdsa-')) return text;
  const out = new Masked(text);
  eachAnchor(text, SSH, (at, found) => {
    let p = at + found.length;
    const blanks = runEnd(text, p, RUN.blanks) - p;
    if (blanks < 1 || blanks > 3 || !text.startsWith('AAAA', p + blanks)) return p;
    p += blanks;
    const end = runEnd(text, p, RUN.b64);
    if (end - p >= 32 && !isAlnum(text.charCodeAt(end))) out.put(p, end, MARK.sshKey);
    return end;
  });
  return out.toString();
}
