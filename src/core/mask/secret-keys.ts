/**
 * Which keys name a secret, and which values are not one. A key is split into words (`_ . - $`
 * and camel case: `keyStorePassword` → key, store, password) and its last words decide, so
 * `passwordHash`, `bypass`, `tokenizer` and `AttributeKey` are left alone.
 */
import type { Kind } from './kinds.ts';
import { isAlnum, isDigit, isLower, isUpper } from './scan.ts';

/** `[A-Za-z0-9_.$-]`: the characters of a key (`-Dspring.datasource.password`, `X-Api-Key`). */
export const isKeyChar = (c: number): boolean => isAlnum(c) || c === 95 || c === 46 || c === 45 || c === 36;

const PASSWORD = new Set(['password', 'passwd', 'pwd', 'pw', 'pass', 'passphrase', 'passwort', 'passcode']);
/** `…_key` names a secret only after one of these: `api_key`, `AccessKey`, `x-api-key`, `SharedAccessKey`. */
const KEY_AFTER = new Set([
  'api',
  'access',
  'secret',
  'private',
  'account',
  'master',
  'encryption',
  'signing',
  'app',
  'client',
  'subscription',
  'auth',
]);
/** The same, written as one word: `apikey`, `secretkey`. */
const KEYS = new Set([...KEY_AFTER].map((w) => `${w}key`));
const SESSION = new Set(['session', 'sessionid', 'jsessionid', 'phpsessid', 'sessid', 'sid']);

/** The kind of secret a key names, or null. */
export function classifyKey(key: string): Kind | null {
  const words = wordsOf(key);
  const last = words.at(-1) ?? '';
  const before = words.at(-2) ?? '';
  if (PASSWORD.has(last) || last.endsWith('password') || last.endsWith('passwd')) return 'password';
  if ((last === 'key' && KEY_AFTER.has(before)) || KEYS.has(last)) {
    if (before === 'private' || last === 'privatekey') return 'privateKey';
    return words.includes('secret') || last === 'secretkey' ? 'secret' : 'token';
  }
  if (last.endsWith('secret') || last === 'credential' || last === 'credentials') return 'secret';
  if (last.endsWith('token')) return 'token';
  if (SESSION.has(last) || (last === 'id' && before === 'session') || last.endsWith('sessionid'))
    return 'session';
  if (last === 'sig' || last === 'signature') return 'urlSecret';
  if (last === 'auth' && words.length === 1) return 'token';
  return null;
}

/** A key's words, lower-cased: split at `_ . - $` and where camel case starts a word. */
export function wordsOf(key: string): string[] {
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i <= key.length; i++) {
    const c = key.charCodeAt(i);
    const separator = i === key.length || c === 95 || c === 46 || c === 45 || c === 36;
    // `keyStore` → key|Store; `APIKey` → API|Key; `v2Token` → v2|Token
    const camel =
      isUpper(c) &&
      i > start &&
      (isLower(key.charCodeAt(i - 1)) ||
        isDigit(key.charCodeAt(i - 1)) ||
        (isUpper(key.charCodeAt(i - 1)) && isLower(key.charCodeAt(i + 1))));
    if (separator || camel) {
      if (i > start) words.push(key.slice(start, i).toLowerCase());
      start = separator ? i + 1 : i;
    }
  }
  return words;
}

/**
 * Values that are not secrets and say something: `null`, `YES` (MySQL's `using password: YES`),
 * placeholders (`${DB_PASSWORD}`, `$DB_PASSWORD`, `{{token}}`, `%s`, `?`), stars, and the words of prose around
 * the key (`password is incorrect`).
 */
export const NOT_SECRET =
  /^(?:null|nil|none|undefined|true|false|yes|no|empty|blank|required|incorrect|invalid|wrong|missing|expired|not|set|unset|changed|correct|ok|hidden|redacted|masked|protected|too|the|a|an|for|of|and|is|was|must|should|cannot|can|will|has|have|been|being|\?|%s|\*+|x{3,}|\$\w+|\$\{.*|\{\{.*)$/i;
