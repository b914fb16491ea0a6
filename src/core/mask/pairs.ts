/**
 * Secrets written as a key and its value, in every notation a paste mixes: `password=…`,
 * `-Ddb.password=…`, `DB_PASSWORD=…`, `"apiKey": "…"`, `\"token\":\"…\"` (JSON logged in JSON),
 * `'secret' => '…'`, `client_secret: …`, `<password>…</password>`, `name="password" value="…"`,
 * `--password …`, `?access_token=…&`, `;jsessionid=…`, and prose (`password is hunter2`,
 * `密码是…`, `密码：…`). The key stays, the value goes, marked with the kind the key names.
 */
import { type Kind, MARK, MARK_OPEN } from './kinds.ts';
import { blanksAt, eachAnchor, Masked, runEnd, runStart } from './scan.ts';
import { classifyKey, isKeyChar, NOT_SECRET } from './secret-keys.ts';

/** A word every secret key ends with (or holds, for the Chinese ones); the whole key decides. */
const ANCHOR = /pass|pwd|pw|secret|token|key|credential|sig|sess|sid|auth|密码|口令|密钥|秘钥|令牌/gi;
const CJK_KINDS: Record<string, Kind> = {
  密码: 'password',
  口令: 'password',
  密钥: 'secret',
  秘钥: 'secret',
  令牌: 'token',
};
/** How every secret key ends: a cheap test before the key is split into words. */
const KEY_TAIL =
  /(?:pass|word|wd|phrase|wort|code|pwd|pw|secret|credentials?|token|key|session|sessid|sid|id|sig|signature|auth|cookie)$/i;
/** Kinds a sentence gives a value to (`the password is hunter2`); `the session is active` is not one. */
const PROSE = new Set<Kind>(['password', 'secret', 'token']);
/** Longest key read: the end of a longer identifier decides all the same. */
const KEY = 64;

/** An unquoted value ends at a blank, a separator, a quote, a bracket, CJK punctuation or a marker. */
const VALUE = /[^\s&,;"'`<>)\]}|\\，。；、）】」》‹]*/y;
/** After a Chinese key there are no spaces: the value also ends at the next ideograph. */
const CJK_VALUE = /[^\s&,;"'`<>)\]}|\\，。；、）】」》‹\u3400-\u9fff]*/y;
const KEY_RUN = /[A-Za-z0-9_.$-]*/y;

/** Mask the value of every key that names a secret. */
export function maskPairs(text: string): string {
  const out = new Masked(text);
  let floor = 0;
  eachAnchor(text, ANCHOR, (at, word) => {
    const cjk = CJK_KINDS[word];
    const keyStart = cjk ? at : runStart(text, at, isKeyChar, floor);
    const keyEnd = cjk ? at + word.length : runEnd(text, at + word.length, KEY_RUN);
    floor = keyEnd;
    if (!cjk && !KEY_TAIL.test(text.slice(Math.max(keyStart, keyEnd - 12), keyEnd))) return keyEnd;
    const kind = cjk ?? classifyKey(text.slice(Math.max(keyStart, keyEnd - KEY), keyEnd));
    if (!kind) return keyEnd;
    const value = valueAfter(text, keyStart, keyEnd, kind, cjk !== undefined);
    if (!value) return keyEnd;
    const [start, end] = value;
    floor = end;
    if (!NOT_SECRET.test(text.slice(start, Math.min(end, start + 16)))) out.put(start, end, MARK[kind]);
    return end;
  });
  return out.toString();
}

/** Where the value after a key starts and ends, or null when no value follows it. */
function valueAfter(
  text: string,
  keyStart: number,
  keyEnd: number,
  kind: Kind,
  cjk: boolean,
): [number, number] | null {
  let p = keyEnd;
  let keyQuote = '';
  if (text.startsWith('\\"', p)) keyQuote = '\\"';
  else if (text[p] === '"' || text[p] === "'") keyQuote = text[p] as string;
  p += keyQuote.length;
  const blanks = blanksAt(text, p);
  p += blanks;
  const c = text[p];
  let prose = false;
  if (c === '=') p += text[p + 1] === '>' ? 2 : 1;
  else if (c === ':' || c === '：' || (cjk && (c === '是' || c === '为'))) p++;
  else if (c === '>' && text[keyStart - 1] === '<' && !keyQuote && blanks === 0)
    return upTo(text, p + 1, '<');
  else if (!keyQuote && blanks > 0 && PROSE.has(kind) && /^(?:is|was) /i.test(text.slice(p, p + 4))) {
    p += text[p] === 'i' || text[p] === 'I' ? 3 : 4;
    prose = true;
  } else if (keyQuote && blanks > 0 && /^value\s?=\s?["']/i.test(text.slice(p, p + 9))) {
    // `<property name="password" value="…"/>`
    p = text.indexOf('=', p) + 1;
  } else if (!keyQuote && blanks === 1 && text.startsWith('--', keyStart) && c !== undefined && c !== '-') {
    return unquoted(text, p, cjk);
  } else return null;
  // A signature is a URL's query parameter: `sig=…`, never `signature: …` in prose.
  if (kind === 'urlSecret' && c !== '=') return null;
  p += blanksAt(text, p);
  if (prose || cjk) p += blanksAt(text, p);
  let close = '';
  if (text.startsWith('\\"', p)) close = '\\"';
  else if (text[p] === '"' || text[p] === "'" || text[p] === '`') close = text[p] as string;
  if (close) return upTo(text, p + close.length, close);
  const value = unquoted(text, p, cjk);
  // A sentence ends after the word: `the token is expired.`
  if (value && prose)
    while (value[1] > value[0] + 1 && '.!?'.includes(text[value[1] - 1] as string)) value[1]--;
  return value;
}

function unquoted(text: string, from: number, cjk: boolean): [number, number] | null {
  const end = runEnd(text, from, cjk ? CJK_VALUE : VALUE);
  return end > from && text.charCodeAt(from) !== MARK_OPEN ? [from, end] : null;
}

/**
 * A value up to its closing mark (a `"` escaped with `\` does not close it); one left open runs to
 * the end of its line, which is also where reading it stops, so no line is read twice.
 */
function upTo(text: string, from: number, close: string): [number, number] | null {
  const first = close.charCodeAt(0);
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === first && text.startsWith(close, i))) break;
    if (c === 92 && close === '"') i++;
  }
  const end = Math.min(i, text.length);
  if (text.charCodeAt(end - 1) === 13) return end - 1 > from ? [from, end - 1] : null;
  return end > from && text.charCodeAt(from) !== MARK_OPEN ? [from, end] : null;
}
