import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatBytes,
  formatDuration,
  isPowerOfTwo,
  nextPowerOfTwo,
  parseByteCount,
  parseDuration,
  parseJvmSize,
  parseTimestamp,
  parseUnitSize,
  SIZES,
} from '../../src/core/units.ts';

describe('formatBytes', () => {
  it('prints whole binary units without decimals', () => {
    assert.deepEqual([0, 1023, 1024, 16777216, 536870912, 2147483648, SIZES.TiB].map(formatBytes), [
      '0 B',
      '1023 B',
      '1 KiB',
      '16 MiB',
      '512 MiB',
      '2 GiB',
      '1 TiB',
    ]);
  });

  it('prints up to two decimals, without trailing zeros', () => {
    // max and used of seed 000, the 1.5 KiB of a small buffer, the limit under -Xmx2g of chinese-question.
    assert.deepEqual([8232370176, 8220835847, 1536, 1908932608].map(formatBytes), [
      '7.67 GiB',
      '7.66 GiB',
      '1.5 KiB',
      '1.78 GiB',
    ]);
  });

  it('prints no decimals from 100 of a unit up', () => {
    assert.equal(formatBytes(1000 * SIZES.MiB + 123_456), '1000 MiB');
  });

  it('keeps the sign of a negative size (headroom past the limit)', () => {
    assert.equal(formatBytes(8589934592 - 9663676416), '-1 GiB');
  });

  it('counts absurd sizes in TiB rather than inventing a larger unit', () => {
    assert.equal(formatBytes(Number.MAX_SAFE_INTEGER), '8192 TiB');
  });
});

describe('parseJvmSize', () => {
  it('reads -XX:MaxDirectMemorySize and -Xmx values with any case of k, m, g, t', () => {
    assert.deepEqual(
      [
        ['512', 'm'],
        ['2', 'G'],
        ['8', 'g'],
        ['1', 't'],
        ['64', 'k'],
        ['1073741824', ''],
      ].map(([digits, suffix]) => parseJvmSize(digits as string, suffix as string)),
      [536870912, 2147483648, 8589934592, SIZES.TiB, 65536, 1073741824],
    );
  });

  it('refuses an unknown suffix and a size too large to be exact', () => {
    assert.equal(parseJvmSize('1', 'x'), null);
    assert.equal(parseJvmSize('99999999999999', 't'), null);
    assert.equal(parseJvmSize('9007199254740993', ''), null);
  });
});

describe('parseUnitSize', () => {
  it('reads NMT and reporter sizes, kilobytes when no unit is given', () => {
    assert.deepEqual(
      [
        ['4778', 'MB'],
        ['2032', 'KB'],
        ['123', 'B'],
        ['4778', ''],
        ['1.5', 'GB'],
      ].map(([digits, unit]) => parseUnitSize(digits as string, unit as string)),
      [5010096128, 2080768, 123, 4892672, 1610612736],
    );
  });

  it('refuses units it does not know', () => {
    assert.equal(parseUnitSize('10', 'TB'), null);
  });
});

describe('parseByteCount', () => {
  it('reads the byte counts of exception messages', () => {
    assert.deepEqual(
      ['0', '16777216', '8232370176', '1234567890123456'].map(parseByteCount),
      [0, 16777216, 8232370176, 1234567890123456],
    );
  });

  it('refuses numbers longer than 16 digits or past exact integers', () => {
    assert.equal(parseByteCount('1234567890123456789012345'), null);
    assert.equal(parseByteCount('12345678901234567'), null);
  });

  it('refuses negative, fractional and grouped numbers: no thousands separators in a JVM message', () => {
    assert.deepEqual(['-1', '1.5', '1,073,741,824'].map(parseByteCount), [null, null, null]);
  });
});

describe('powers of two', () => {
  it('tells powers of two among exact positive integers', () => {
    assert.deepEqual([1, 2, 64, 536870912, 0, 3, -2, 0.5, 805306368, 2 ** 53].map(isPowerOfTwo), [
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('rounds up to the next power of two, and to 1 below it', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 1000, 1908932608, -5].map(nextPowerOfTwo),
      [1, 1, 2, 4, 1024, 2147483648, 1],
    );
  });
});

describe('formatDuration', () => {
  it('picks seconds, minutes, hours or days so the number stays readable', () => {
    assert.deepEqual(
      [0, 500, 89_499, 90_000, 5_399_999, 5_400_000, 172_799_999, 172_800_000, 190_800_000].map((ms) =>
        formatDuration(ms),
      ),
      ['0 s', '1 s', '89 s', '2 min', '90 min', '1.5 h', '48 h', '2 days', '2.2 days'],
    );
  });
});

describe('parseTimestamp', () => {
  it('reads a log timestamp without a zone as UTC', () => {
    assert.equal(parseTimestamp('2024-06-03T07:12:03.251'), Date.UTC(2024, 5, 3, 7, 12, 3, 251));
    assert.equal(parseTimestamp('2024-06-03T07:12:03.251Z'), Date.UTC(2024, 5, 3, 7, 12, 3, 251));
  });

  it('reads an offset with or without its colon', () => {
    const at = Date.UTC(2021, 10, 23, 6, 5, 31, 872);
    assert.equal(parseTimestamp('2021-11-23T14:05:31.872+08:00'), at);
    assert.equal(parseTimestamp('2021-11-23T14:05:31.872+0800'), at);
  });

  it('reads nanoseconds to the millisecond', () => {
    assert.equal(parseTimestamp('2024-05-17T10:00:00.123456789Z'), Date.UTC(2024, 4, 17, 10, 0, 0, 123));
  });

  it('refuses a time without a date and dates that do not exist', () => {
    assert.deepEqual(['16:17:09.780', '2024-06-03 07:12:03', '2024-13-45T99:99:99'].map(parseTimestamp), [
      null,
      null,
      null,
    ]);
  });
});

describe('parseDuration', () => {
  it('reads seconds, minutes, hours, days and weeks, in any case and with spaces', () => {
    assert.deepEqual(
      ['30s', '90m', '24h', '7d', '2w', ' 5 H ', '0s'].map(parseDuration),
      [30_000, 5_400_000, 86_400_000, 604_800_000, 1_209_600_000, 18_000_000, 0],
    );
  });

  it('refuses anything else', () => {
    assert.deepEqual(['', 'h', '24', '1y', '10ms', '1.5h', '-1d', '1234567h'].map(parseDuration), [
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
