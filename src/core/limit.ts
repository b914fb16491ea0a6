/** What the `max:` number says about how the limit was set (FACTS: "The limit"). */

import type { Companions } from './parse/companions.ts';
import { placeholders } from './template.ts';
import type { Language, LimitGuess } from './types.ts';
import { formatBytes, isPowerOfTwo, SIZES } from './units.ts';

export interface LimitOrigin {
  guess: LimitGuess;
  evidence: string;
}

const T = {
  noMax: { en: 'the trace shows no max', zh: '堆栈中没有 max 数值' },
  flag: { en: '{flag} in the paste', zh: '文中有 {flag}' },
  nettyFlag: { en: '{flag} in the paste', zh: '文中有 {flag}' },
  heap: {
    en: 'max {max} is just under the heap max {heap}: MaxDirectMemorySize is not set, so the limit followed the heap',
    zh: 'max {max} 略小于堆上限 {heap}：未设置 MaxDirectMemorySize，上限跟随堆大小',
  },
  round: {
    en: 'max {bytes} is exactly {max}, a round figure: set by -XX:MaxDirectMemorySize (or io.netty.maxDirectMemory)',
    zh: 'max {bytes} 正好是 {max}，是个整数值：由 -XX:MaxDirectMemorySize（或 io.netty.maxDirectMemory）设置',
  },
  underRound: {
    en: 'max {bytes} ≈ {max}, just under {round}: the limit followed the heap (-Xmx{xmx}); MaxDirectMemorySize is not set',
    zh: 'max {bytes} ≈ {max}，略小于 {round}：上限跟随堆大小（-Xmx{xmx}），未设置 MaxDirectMemorySize',
  },
  unknown: { en: 'max {max} matches no known default', zh: 'max {max} 不符合已知的默认值' },
} satisfies Record<string, Record<Language, string>>;

export function limitOriginOf(max: number | null, companions: Companions, lang: Language): LimitOrigin {
  if (max === null) return { guess: 'unknown', evidence: T.noMax[lang] };
  const { flags } = companions;
  const close = (a: number, b: number) => Math.abs(a - b) <= b * 0.01;
  if (flags.nettyMaxDirectMemory && close(max, flags.nettyMaxDirectMemory.bytes)) {
    return {
      guess: 'io-netty-max-direct-memory',
      evidence: placeholders(T.nettyFlag[lang], { flag: flags.nettyMaxDirectMemory.text }),
    };
  }
  if (flags.maxDirectMemorySize && close(max, flags.maxDirectMemorySize.bytes)) {
    return {
      guess: 'explicit-max-direct-memory-size',
      evidence: placeholders(T.flag[lang], { flag: flags.maxDirectMemorySize.text }),
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
      evidence: placeholders(T.heap[lang], { max: formatBytes(max), heap: heapText }),
    };
  }
  const values = { bytes: String(max), max: formatBytes(max) };
  if (max >= 64 * SIZES.MiB && (isPowerOfTwo(max) || max % (16 * SIZES.MiB) === 0)) {
    return { guess: 'explicit-max-direct-memory-size', evidence: placeholders(T.round[lang], values) };
  }
  const round = roundAbove(max);
  if (round !== null && max >= round * 0.85) {
    return {
      guess: 'defaults-to-heap-max',
      evidence: placeholders(T.underRound[lang], {
        ...values,
        round: formatBytes(round),
        xmx: jvmSize(round),
      }),
    };
  }
  return { guess: 'unknown', evidence: placeholders(T.unknown[lang], values) };
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
