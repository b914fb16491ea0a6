/**
 * Secrets inside addresses: the password of `scheme://user:password@host` (JDBC, Redis, MongoDB,
 * AMQP, HTTP proxies…), Oracle's `jdbc:oracle:thin:user/password@host`, and webhook addresses whose
 * path is the credential (Slack `hooks.slack.com/services/…`, its `response_url`s, Discord, Feishu,
 * Teams, WeCom).
 */
import { MARK, MARK_OPEN } from './kinds.ts';
import { eachAnchor, Masked, RUN, runEnd } from './scan.ts';

const ANCHOR =
  /:\/\/|:thin:|hooks\.slack\.com\/|\/api\/webhooks\/|\/bot\/v2\/hook\/|\/webhookb2\/|webhook\/send\?key=/g;
/** Longest `user:password@host:port` read after `://`. */
const AUTHORITY = 512;

/** What ends an address's authority: a path, query or fragment, blanks, quotes, brackets. */
const endsAuthority = (c: number): boolean =>
  c === 47 ||
  c === 63 ||
  c === 35 ||
  c === 32 ||
  c === 9 ||
  c === 10 ||
  c === 13 ||
  c === 34 ||
  c === 39 ||
  c === 60 ||
  c === 62 ||
  c === 92 ||
  Number.isNaN(c);
/** A webhook's path: ids and secrets, with `/`, `%`, `.`, `@` (Teams joins two ids with it). */
const PATH = /[A-Za-z0-9_/%.@-]*/y;

/** Mask passwords in addresses and the secret part of webhook addresses. */
export function maskUrls(text: string): string {
  if (!text.includes('//') && !text.includes('thin:') && !text.includes('hook')) return text;
  const out = new Masked(text);
  eachAnchor(text, ANCHOR, (at, found) => {
    const from = at + found.length;
    if (found === '://') return userInfo(text, from, out);
    if (found === ':thin:') return oracle(text, from, out);
    // Slack keeps the kind of hook visible (`services/`, `commands/`); the rest is the secret.
    const start = found.startsWith('hooks.') ? runEnd(text, from, RUN.b64url) + 1 : from;
    if (text[start - 1] !== '/' && start !== from) return start;
    const end = runEnd(text, start, PATH);
    if (end - start >= 8) out.put(start, end, MARK.urlSecret);
    return end;
  });
  return out.toString();
}

/** `user:password@` after `://`: the password goes (it may hold `@`: the last one ends it). */
function userInfo(text: string, from: number, out: Masked): number {
  let end = from;
  let lastAt = -1;
  let colon = -1;
  while (end < from + AUTHORITY && !endsAuthority(text.charCodeAt(end))) {
    const c = text.charCodeAt(end);
    if (c === 64) lastAt = end;
    else if (c === 58 && colon < 0) colon = end;
    end++;
  }
  // The host may be a webhook's (`https://hooks.slack.com/…`): the search goes on from it.
  if (lastAt < 0 || colon < 0 || colon > lastAt || colon + 1 === lastAt) return from;
  if (text.charCodeAt(colon + 1) !== MARK_OPEN && !text.startsWith('${', colon + 1))
    out.put(colon + 1, lastAt, MARK.password);
  return lastAt + 1;
}

/** `jdbc:oracle:thin:scott/tiger@//db:1521/svc`: the part after `/` and before `@`. */
function oracle(text: string, from: number, out: Masked): number {
  let end = from;
  let slash = -1;
  while (end < from + AUTHORITY && !endsAuthority(text.charCodeAt(end)) && text[end] !== '@') end++;
  // The user ends at the first `/`, which endsAuthority stops at: read on past it once.
  if (text[end] === '/') {
    slash = end;
    end++;
    while (end < from + AUTHORITY && text[end] !== '@' && !endsAuthority(text.charCodeAt(end))) end++;
  }
  if (slash > from && text[end] === '@' && end > slash + 1) out.put(slash + 1, end, MARK.password);
  return end;
}
