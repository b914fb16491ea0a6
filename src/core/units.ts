/** Byte sizes for people: binary units, as the JVM flags use them. */
import { t } from '../i18n/messages.ts';
import type { Language } from './types.ts';

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;
const TiB = GiB * 1024;

/** `16777216` → `16 MiB`, `8232370176` → `7.67 GiB`. */
export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  const n = Math.abs(bytes);
  const units: [number, string][] = [
    [TiB, 'TiB'],
    [GiB, 'GiB'],
    [MiB, 'MiB'],
    [KiB, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (n >= size) {
      const v = n / size;
      const text = Number.isInteger(v)
        ? String(v)
        : v >= 100
          ? v.toFixed(0)
          : v.toFixed(2).replace(/\.?0+$/, '');
      return `${sign}${text} ${unit}`;
    }
  }
  return `${sign}${n} B`;
}

/** `-XX:MaxDirectMemorySize=512m` style sizes: digits with an optional k/m/g/t suffix. */
export function parseJvmSize(digits: string, suffix: string): number | null {
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) return null;
  const mult: Record<string, number> = { '': 1, k: KiB, m: MiB, g: GiB, t: TiB };
  const m = mult[suffix.toLowerCase()];
  if (m === undefined) return null;
  const v = n * m;
  return Number.isSafeInteger(v) ? v : null;
}

/** Sizes written with a unit, as NMT and reporters print them: `4778MB`, `2032KB`, `123B`. */
export function parseUnitSize(digits: string, unit: string): number | null {
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  const mult: Record<string, number> = { b: 1, kb: KiB, k: KiB, mb: MiB, m: MiB, gb: GiB, g: GiB, '': KiB };
  const m = mult[unit.toLowerCase()];
  if (m === undefined) return null;
  const v = Math.round(n * m);
  return Number.isSafeInteger(v) ? v : null;
}

/** A whole number of bytes read from the text, or null when it cannot be a real size. */
export function parseByteCount(digits: string): number | null {
  if (digits.length > 16) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function isPowerOfTwo(n: number): boolean {
  if (n <= 0 || !Number.isSafeInteger(n)) return false;
  let v = n;
  while (v % 2 === 0) v /= 2;
  return v === 1;
}

/** The smallest power of two ≥ n. */
export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

export const SIZES = { KiB, MiB, GiB, TiB };

/** `5400000` → `1.5 h`; `190800000` → `2.2 days` (`2.2 天` in Chinese). */
export function formatDuration(ms: number, lang: Language = 'en'): string {
  const s = ms / 1000;
  if (s < 90) return t('duration.seconds', lang, { n: Math.round(s) });
  if (s < 90 * 60) return t('duration.minutes', lang, { n: Math.round(s / 60) });
  if (s < 48 * 3600) return t('duration.hours', lang, { n: trim1(s / 3600) });
  return t('duration.days', lang, { n: trim1(s / 86400) });
}

function trim1(v: number): string {
  return v.toFixed(1).replace(/\.0$/, '');
}

/** Milliseconds since the epoch for a full `YYYY-MM-DDTHH:MM:SS` timestamp, read as UTC when it has no zone. */
export function parseTimestamp(ts: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(ts)) return null;
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(ts) ? ts : `${ts}Z`;
  const ms = Date.parse(zoned.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? ms : null;
}

/** `24h`, `90m`, `7d`, `2w`, `30s` → milliseconds; null when it is not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^\s*(\d{1,6})\s*(s|m|h|d|w)\s*$/i.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[
    m[2].toLowerCase() as 's' | 'm' | 'h' | 'd' | 'w'
  ];
  return Number(m[1]) * unit;
}

/** The length of `text` in UTF-8 bytes (what a file of it would weigh), without Node's Buffer. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else {
      // Three bytes, or a surrogate pair: two UTF-16 units, four bytes. A lone surrogate is written
      // as U+FFFD, three bytes.
      n += 2;
      const next = text.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return n;
}
