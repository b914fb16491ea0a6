/**
 * IP addresses: IPv4 (`10.33.144.227`, `/10.0.0.5:8080` keeps its port) and IPv6, compressed
 * (`fe80::1ff:fe23:4567:890a`) or full even when all digits (`2001:0:0:0:0:0:0:1`, Java's
 * `/0:0:0:0:0:0:0:1:8080`). Loopback and the unspecified address say nothing about anyone and
 * stay; so do times (`10:00:00`), versions (`4.1.100.1` needs a fifth part to be a version…
 * `1.2.3.4.5` stays), MAC addresses and `Foo::bar` method references.
 */
import { MARK } from './kinds.ts';
import { eachAnchor, isDigit, isHex, isWord, Masked, runEnd, runStart } from './scan.ts';

const IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
const KEEP = new Set(['0.0.0.0', '::1', '0:0:0:0:0:0:0:1', '0:0:0:0:0:0:0:0']);

/** Mask IPv4 then IPv6 addresses (an IPv4-mapped `::ffff:10.0.0.1` loses its IPv4 part first). */
export function maskAddresses(text: string): string {
  return maskIpv6(maskIpv4(text));
}

function maskIpv4(text: string): string {
  if (!/\d\.\d{1,3}\.\d/.test(text)) return text;
  const out = new Masked(text);
  eachAnchor(text, IPV4, (at, found) => {
    const end = at + found.length;
    const before = text.charCodeAt(at - 1);
    if (isWord(before) || (before === 46 && isDigit(text.charCodeAt(at - 2)))) return end;
    if (isWord(text.charCodeAt(end)) || (text[end] === '.' && isDigit(text.charCodeAt(end + 1)))) return end;
    const octets = found.split('.').map(Number);
    if (octets.some((o) => o > 255) || octets[0] === 127 || KEEP.has(found)) return end;
    out.put(at, end, MARK.ip);
    return end;
  });
  return out.toString();
}

const isHexOrColon = (c: number): boolean => isHex(c) || c === 58;
const HEX_OR_COLON = /[0-9A-Fa-f:]*/y;

/** Two colons with hex digits around them: where an IPv6 address may be. */
const IPV6 = /[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}:/g;

/** What every IPv6 anchor holds, found from its first colon: a quick test before the anchors are read. */
const TWO_COLONS = /:[0-9A-Fa-f]{0,4}:/;

function maskIpv6(text: string): string {
  if (!TWO_COLONS.test(text)) return text;
  const out = new Masked(text);
  let floor = 0;
  eachAnchor(text, IPV6, (at) => {
    const start = runStart(text, at, isHexOrColon, floor);
    const end = runEnd(text, at, HEX_OR_COLON);
    floor = end;
    // Longest: 8 groups and a port (`/0:0:0:0:0:0:0:1:54321`).
    if (end - start > 45 || isWord(text.charCodeAt(start - 1)) || isWord(text.charCodeAt(end))) return end;
    if (text[end] === '.' && isDigit(text.charCodeAt(end + 1))) return end;
    const address = ipv6(text.slice(start, end));
    if (address > 0) out.put(start, start + address, MARK.ip);
    return end;
  });
  return out.toString();
}

/** The length of the IPv6 address that `run` is or starts with (a port may follow a full one); 0 if none. */
function ipv6(run: string): number {
  const groups = run.split(':');
  const compressed = run.indexOf('::');
  if (compressed >= 0) {
    if (run.indexOf('::', compressed + 1) >= 0 || run.includes(':::')) return 0;
    const parts = groups.filter((g) => g !== '');
    const ok = parts.length >= 1 && parts.length <= 7 && parts.every((g) => g.length <= 4);
    const loose =
      (run.endsWith(':') && !run.endsWith('::')) || (run.startsWith(':') && !run.startsWith('::'));
    return ok && !loose && !KEEP.has(run) ? run.length : 0;
  }
  if (groups.some((g) => g === '' || g.length > 5)) return 0;
  const full = groups.slice(0, 8);
  if (groups.length < 8 || groups.length > 9 || full.some((g) => g.length > 4)) return 0;
  // A ninth group is a port: decimal, after a full address.
  if (groups.length === 9 && !/^\d{1,5}$/.test(groups[8] as string)) return 0;
  const address = full.join(':');
  return KEEP.has(address) ? 0 : address.length;
}
