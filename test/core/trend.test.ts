import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Trend, trendOf } from '../../src/core/trend.ts';
import type { Sample } from '../../src/core/types.ts';
import { goldenReport } from '../fixture-files.ts';

const GiB = 1024 ** 3;
const DAY = 86_400_000;

/** The readings an analyzed paste kept, as its golden report holds them. */
function samplesOf(golden: string): { samples: Sample[]; max: number | null } {
  const r = goldenReport(`pastes/${golden}`);
  return { samples: r.summary.samples, max: r.summary.maxBytes };
}

/** A trend with its rates rounded to whole bytes and milliseconds, for exact comparison. */
function rounded(t: Trend | null) {
  return (
    t && {
      ...t,
      bytesPerDay: Math.round(t.bytesPerDay),
      exhaustionMs: t.exhaustionMs && Math.round(t.exhaustionMs),
    }
  );
}

describe('trendOf', () => {
  it('fits the growth of the OOM events of one log and says when the limit is reached', () => {
    // multi-trace.log: three OutOfDirectMemoryErrors three hours apart, each 1 MiB higher
    const { samples, max } = samplesOf('multi-trace');
    assert.deepEqual(rounded(trendOf(samples, max)), {
      bytesPerDay: 8363000, // 1 MiB per three hours
      exhaustionMs: 21666069, // about six hours after the last
      readings: [
        { at: Date.UTC(2024, 5, 3, 7, 12, 3, 251), usedBytes: 1069547527 },
        { at: Date.UTC(2024, 5, 3, 10, 12, 44, 730), usedBytes: 1070596103 },
        { at: Date.UTC(2024, 5, 3, 13, 13, 9, 388), usedBytes: 1071644679 },
      ],
    });
  });

  it('reads the rate in bytes per day, least squares over all readings', () => {
    const t = trendOf(
      [
        { timestamp: '2024-02-01T09:00:00', usedBytes: 1 * GiB },
        { timestamp: '2024-02-02T09:00:00', usedBytes: 1.5 * GiB },
        { timestamp: '2024-02-03T09:00:00', usedBytes: 2 * GiB },
      ],
      4 * GiB,
    );
    assert.deepEqual(rounded(t), {
      bytesPerDay: 0.5 * GiB,
      exhaustionMs: 4 * DAY,
      readings: [
        { at: Date.UTC(2024, 1, 1, 9), usedBytes: 1 * GiB },
        { at: Date.UTC(2024, 1, 2, 9), usedBytes: 1.5 * GiB },
        { at: Date.UTC(2024, 1, 3, 9), usedBytes: 2 * GiB },
      ],
    });
  });

  it('puts readings in time order, whatever order they were pasted in', () => {
    const { samples, max } = samplesOf('multi-trace');
    assert.deepEqual(trendOf([...samples].reverse(), max), trendOf(samples, max));
  });

  it('says the limit is reached now when the last reading is at it', () => {
    // companion-evidence.txt: four reporter readings over three days, the last one at the OOM
    const { samples } = samplesOf('companion-evidence');
    const last = samples[samples.length - 1]?.usedBytes ?? 0;
    assert.equal(trendOf(samples, last)?.exhaustionMs, 0);
    assert.equal(trendOf(samples, last - 1)?.exhaustionMs, 0);
  });

  it('gives no time to the limit when memory is not growing or there is no limit', () => {
    const flat = [
      { timestamp: '2024-02-01T09:00:00', usedBytes: GiB },
      { timestamp: '2024-02-02T09:00:00', usedBytes: GiB },
    ];
    assert.deepEqual(rounded(trendOf(flat, 2 * GiB)), {
      bytesPerDay: 0,
      exhaustionMs: null,
      readings: [
        { at: Date.UTC(2024, 1, 1, 9), usedBytes: GiB },
        { at: Date.UTC(2024, 1, 2, 9), usedBytes: GiB },
      ],
    });
    const falling = [...flat].map((s, i) => ({ ...s, usedBytes: GiB - i * 1024 }));
    assert.equal(trendOf(falling, 2 * GiB)?.exhaustionMs, null);
    const { samples } = samplesOf('multi-trace');
    assert.equal(trendOf(samples, null)?.exhaustionMs, null);
  });

  it('needs two readings with full dates, at least a second apart', () => {
    const { samples } = samplesOf('multi-trace');
    assert.equal(trendOf([], GiB), null);
    assert.equal(trendOf(samples.slice(0, 1), GiB), null);
    // logback's default pattern prints the time alone: it cannot be placed on a timeline
    assert.equal(
      trendOf(
        [
          { timestamp: '16:13:53.920', usedBytes: 16777216 },
          { timestamp: '16:17:09.780', usedBytes: 31457280 },
        ],
        GiB,
      ),
      null,
    );
    assert.equal(
      trendOf(
        [
          { timestamp: '2024-02-04T08:47:12.011', usedBytes: 2130706439 },
          { timestamp: '2024-02-04T08:47:12.900', usedBytes: 2130706439 },
        ],
        GiB,
      ),
      null,
    );
  });
});
