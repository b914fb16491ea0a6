/**
 * Mask secrets and personal data in pasted text before anything is stored or posted: e-mail and
 * IP addresses, bearer and Slack tokens, JWTs, AWS keys, passwords in URLs and key=value pairs.
 * Every quantifier is bounded, so each pattern is linear on hostile input.
 */

/**
 * A pattern and its replacement; `maybe`, what every match holds, so a text without it is passed
 * over without trying the pattern at each position (a window's line of a large log goes through
 * here on its own); `needle`, a character every match holds when matches never span lines.
 */
interface Rule {
  re: RegExp;
  to: string;
  maybe: RegExp;
  needle?: string;
}

const RULES: Rule[] = [
  // Slack tokens: xoxb-…, xoxp-…, xapp-…
  { re: /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]{6,200}/g, to: '[slack-token]', maybe: /xox|xapp-/ },
  // `Authorization: Bearer abc.def…`
  { re: /\b(Bearer)\s{1,5}[A-Za-z0-9._~+/=-]{8,2000}/gi, to: '$1 [token]', maybe: /bearer/i },
  // JWTs: three base64url parts, the first a JSON header
  {
    re: /\beyJ[A-Za-z0-9_-]{5,2000}\.[A-Za-z0-9_-]{5,4000}\.[A-Za-z0-9_-]{5,2000}/g,
    to: '[jwt]',
    maybe: /eyJ/,
  },
  // AWS access key ids and secret keys
  { re: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, to: '[aws-key]', maybe: /AKIA|ASIA/ },
  {
    re: /(aws_secret_access_key\s{0,5}[=:]\s{0,5})[A-Za-z0-9/+=]{40}/gi,
    to: '$1[aws-secret]',
    maybe: /aws_secret_access_key/i,
  },
  // scheme://user:password@host
  {
    re: /\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,100}):[^\s@/]{1,200}@/gi,
    to: '$1:[password]@',
    maybe: /:\/\//,
    needle: '@',
  },
  // password=…, secret: …
  {
    re: /\b((?:password|passwd|pwd|secret|api[_-]?key)\s{0,5}[=:]\s{0,5})[^\s&"',;]{1,200}/gi,
    to: '$1[redacted]',
    maybe: /password|passwd|pwd|secret|api[_-]?key/i,
  },
  // e-mail addresses (JavaMail.root@host… in seed 004's memory dump)
  {
    re: /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}/g,
    to: '[email]',
    maybe: /@/,
    needle: '@',
  },
  // IPv4
  {
    re: /\b(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\b/g,
    to: '[ip]',
    maybe: /\d\.\d/,
  },
];

// IPv6 with `::` or with at least one hex letter (so `10:00:00` times are left alone).
// IPv6 candidates; kept only with `::`, or with four groups and a hex letter (so `10:00:00` stays).
const IPV6 = /(?:\b[0-9A-Fa-f]{1,4})?(?:::?[0-9A-Fa-f]{1,4}){1,7}\b/g;

/** Quick checks: most lines need none of the rules. */
const MAYBE = /[@:=]|x(?:ox|app)-|Bearer|eyJ|AKIA|ASIA|\d\.\d/i;

export function redact(text: string): string {
  if (!MAYBE.test(text)) return text;
  let out = text;
  for (const { re, to, maybe, needle } of RULES) {
    if (!maybe.test(out)) continue;
    out = needle ? replaceInLinesWith(out, needle, re, to) : out.replace(re, to);
  }
  if (out.includes(':')) {
    out = out.replace(IPV6, (m) =>
      m.includes('::') || (m.split(':').length >= 4 && /[a-fA-F]/.test(m)) ? '[ip]' : m,
    );
  }
  return out;
}

/**
 * `text.replace(re, to)` for a pattern whose matches hold `needle` and never span lines, run only on
 * the lines holding `needle`: the same result, without the pattern trying every position of a long
 * log (the e-mail pattern alone cost 60 ms per MB of ordinary log lines, tried at each of them).
 */
function replaceInLinesWith(text: string, needle: string, re: RegExp, to: string): string {
  let at = text.indexOf(needle);
  if (at < 0) return text;
  const parts: string[] = [];
  let done = 0;
  while (at >= 0) {
    const start = text.lastIndexOf('\n', at) + 1;
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    parts.push(text.slice(done, start), text.slice(start, end).replace(re, to));
    done = end;
    at = nl < 0 ? -1 : text.indexOf(needle, end);
  }
  parts.push(text.slice(done));
  return parts.join('');
}

/** Redact every string inside a JSON-like value (reply blocks, report fields). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactDeep) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}
