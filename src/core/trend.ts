/** How fast direct memory grows, and when it reaches the limit, from timestamped readings. */
import type { Sample } from './types.ts';
import { parseTimestamp } from './units.ts';

export interface Trend {
  /** Bytes per day, least-squares over the readings. */
  bytesPerDay: number;
  /** From the last reading to the limit, at that rate; null when not growing or no limit. */
  exhaustionMs: number | null;
  readings: { at: number; usedBytes: number }[];
}

const DAY = 86_400_000;

/** Null unless there are two readings with full dates, at different times. */
export function trendOf(samples: Sample[], maxBytes: number | null): Trend | null {
  const readings = samples
    .map((s) => ({ at: parseTimestamp(s.timestamp), usedBytes: s.usedBytes }))
    .filter((r): r is { at: number; usedBytes: number } => r.at !== null)
    .sort((a, b) => a.at - b.at);
  if (readings.length < 2) return null;
  const first = readings[0] as { at: number };
  const last = readings[readings.length - 1] as { at: number; usedBytes: number };
  if (last.at - first.at < 1000) return null;
  const n = readings.length;
  const mx = readings.reduce((s, r) => s + r.at, 0) / n;
  const my = readings.reduce((s, r) => s + r.usedBytes, 0) / n;
  let num = 0;
  let den = 0;
  for (const r of readings) {
    num += (r.at - mx) * (r.usedBytes - my);
    den += (r.at - mx) ** 2;
  }
  const perMs = den === 0 ? 0 : num / den;
  const exhaustionMs =
    perMs > 0 && maxBytes !== null && maxBytes > last.usedBytes
      ? (maxBytes - last.usedBytes) / perMs
      : perMs > 0 && maxBytes !== null
        ? 0
        : null;
  return { bytesPerDay: perMs * DAY, exhaustionMs, readings };
}
