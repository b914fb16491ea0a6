/** What the `max:` number says about how the limit was set (FACTS: "The limit"). */

import { t } from '../i18n/messages.ts';
import type { Companions } from './parse/companions.ts';
import type { Language, LimitGuess } from './types.ts';
import { formatBytes, isPowerOfTwo, SIZES } from './units.ts';

export interface LimitOrigin {
  guess: LimitGuess;
  evidence: string;
}

export function limitOriginOf(max: number | null, companions: Companions, lang: Language): LimitOrigin {
  if (max === null) return { guess: 'unknown', evidence: t('limit.noMax', lang) };
  const { flags } = companions;
  const close = (a: number, b: number) => Math.abs(a - b) <= b * 0.01;
  if (flags.nettyMaxDirectMemory && close(max, flags.nettyMaxDirectMemory.bytes)) {
    return {
      guess: 'io-netty-max-direct-memory',
      evidence: t('limit.flag', lang, { flag: flags.nettyMaxDirectMemory.text }),
    };
  }
  if (flags.maxDirectMemorySize && close(max, flags.maxDirectMemorySize.bytes)) {
    return {
      guess: 'explicit-max-direct-memory-size',
      evidence: t('limit.flag', lang, { flag: flags.maxDirectMemorySize.text }),
    };
  }
  const heap = companions.heapMaxBytes ?? flags.xmx?.bytes ?? null;
  if (heap !== null && max <= heap && max >= heap * 0.85) {
    const heapText =
      flags.xmx && close(heap, flags.xmx.bytes)
        ? `${formatBytes(heap)} (${flags.xmx.text})`
        : formatBytes(heap);
    return {
      guess: 'defaults-to-heap-max',
      evidence: t('limit.heap', lang, { max: formatBytes(max), heap: heapText }),
    };
  }
  const values = { bytes: String(max), max: formatBytes(max) };
  if (max >= 64 * SIZES.MiB && (isPowerOfTwo(max) || max % (16 * SIZES.MiB) === 0)) {
    return { guess: 'explicit-max-direct-memory-size', evidence: t('limit.round', lang, values) };
  }
  const round = roundAbove(max);
  if (round !== null && max >= round * 0.85) {
    return {
      guess: 'defaults-to-heap-max',
      evidence: t('limit.underRound', lang, {
        ...values,
        round: formatBytes(round),
        xmx: jvmSize(round),
      }),
    };
  }
  return { guess: 'unknown', evidence: t('limit.unknown', lang, values) };
}

/** The next power of two, or whole GiB above 1 GiB, that a heap flag would name. */
function roundAbove(n: number): number | null {
  if (n <= 0) return null;
  let p = 1;
  while (p < n) p *= 2;
  if (n > SIZES.GiB) {
    const gib = Math.ceil(n / SIZES.GiB) * SIZES.GiB;
    if (gib < p) return gib;
  }
  return p;
}

function jvmSize(n: number): string {
  if (n % SIZES.GiB === 0) return `${n / SIZES.GiB}g`;
  if (n % SIZES.MiB === 0) return `${n / SIZES.MiB}m`;
  return String(n);
}
