import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Trend, trendOf } from '../../src/core/trend.ts';
import { trendLine } from '../../src/render/trend.ts';
import { goldenReport } from '../fixture-files.ts';

/** The trend of an analyzed paste's readings, with the limit it reported (or `max` instead). */
function trendOfGolden(golden: string, max?: number): { trend: Trend; max: number | null } {
  const { summary } = goldenReport(`pastes/${golden}`);
  const limit = max ?? summary.maxBytes;
  const trend = trendOf(summary.samples, limit);
  if (!trend) throw new Error(`${golden} has no trend`);
  return { trend, max: limit };
}

// multi-trace.log: three OutOfDirectMemoryErrors three hours apart, each 1 MiB higher, under 1 GiB
const MULTI = '2024-06-03 07:12 1020 MiB, 2024-06-03 10:12 1021 MiB, 2024-06-03 13:13 1022 MiB';

describe('trendLine', () => {
  it('says the rate and the time left to the limit, with the readings', () => {
    const { trend, max } = trendOfGolden('multi-trace');
    assert.equal(
      trendLine(trend, max, 'en'),
      `Trend +7.98 MiB/day: ~6 h from the last reading to the 1 GiB limit (readings: ${MULTI})`,
    );
    assert.equal(
      trendLine(trend, max, 'zh'),
      `趋势 +7.98 MiB/天：按此速度，距最后一个读数约 6 小时 后到达 1 GiB 上限（读数：${MULTI}）`,
    );
  });

  it('says the limit is reached when the last reading is at it', () => {
    const { trend, max } = trendOfGolden('multi-trace', 1071644679);
    assert.equal(
      trendLine(trend, max, 'en'),
      `Trend +7.98 MiB/day: at the 1022 MiB limit already (readings: ${MULTI})`,
    );
    assert.equal(trendLine(trend, max, 'zh'), `趋势 +7.98 MiB/天，已到达 1022 MiB 上限（读数：${MULTI}）`);
  });

  it('gives the rate alone when no limit is known', () => {
    const { trend } = trendOfGolden('multi-trace');
    assert.equal(trendLine(trend, null, 'en'), `Trend +7.98 MiB/day (readings: ${MULTI})`);
  });

  it('says memory is not growing when the readings fall', () => {
    const { samples, maxBytes } = goldenReport('pastes/multi-trace').summary;
    const falling = samples.map((s, i) => ({ ...s, usedBytes: (samples.at(-1 - i) ?? s).usedBytes }));
    const trend = trendOf(falling, maxBytes);
    assert.ok(trend);
    assert.equal(
      trendLine(trend, maxBytes, 'en'),
      'Trend -7.98 MiB/day: not growing (readings: 2024-06-03 07:12 1022 MiB, 2024-06-03 10:12 1021 MiB, 2024-06-03 13:13 1020 MiB)',
    );
    assert.equal(
      trendLine(trend, maxBytes, 'zh'),
      '趋势 -7.98 MiB/天：没有在增长（读数：2024-06-03 07:12 1022 MiB, 2024-06-03 10:12 1021 MiB, 2024-06-03 13:13 1020 MiB）',
    );
  });

  it('shows the last four readings, the ellipsis standing for the earlier ones before them', () => {
    // companion-evidence.txt: a reporter's daily readings from 1 GiB, then the OOM twice
    const { trend, max } = trendOfGolden('companion-evidence');
    assert.equal(trend.readings.length, 5);
    assert.equal(
      trendLine(trend, max, 'en'),
      'Trend +335 MiB/day: ~69 min from the last reading to the 2 GiB limit (readings: …, 2024-02-02 09:00 1.36 GiB, 2024-02-03 09:00 1.72 GiB, 2024-02-04 08:47 1.98 GiB, 2024-02-04 08:47 1.98 GiB)',
    );
  });
});
