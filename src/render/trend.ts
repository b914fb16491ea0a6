/** Growth and time to exhaustion, in words: "+1.1 GiB/day: ~6 days from the last reading to the 8 GiB limit". */
import type { Trend } from '../core/trend.ts';
import type { Language } from '../core/types.ts';
import { formatBytes, formatDuration } from '../core/units.ts';

export function trendLine(t: Trend, maxBytes: number | null, lang: Language): string {
  const rate = `${t.bytesPerDay >= 0 ? '+' : '-'}${formatBytes(Math.abs(t.bytesPerDay))}/${lang === 'zh' ? '天' : 'day'}`;
  const readings = t.readings.map(
    (r) => `${new Date(r.at).toISOString().slice(0, 16).replace('T', ' ')} ${formatBytes(r.usedBytes)}`,
  );
  const limit = maxBytes !== null ? formatBytes(maxBytes) : null;
  let eta = '';
  if (t.exhaustionMs !== null && limit) {
    eta =
      t.exhaustionMs === 0
        ? lang === 'zh'
          ? `，已到达 ${limit} 上限`
          : `: at the ${limit} limit already`
        : lang === 'zh'
          ? `：按此速度，距最后一个读数约 ${formatDuration(t.exhaustionMs)} 后到达 ${limit} 上限`
          : `: ~${formatDuration(t.exhaustionMs)} from the last reading to the ${limit} limit`;
  } else if (t.bytesPerDay <= 0) eta = lang === 'zh' ? '：没有在增长' : ': not growing';
  const head = lang === 'zh' ? `趋势 ${rate}${eta}` : `Trend ${rate}${eta}`;
  return `${head} (${lang === 'zh' ? '读数' : 'readings'}: ${readings.slice(-4).join(', ')}${readings.length > 4 ? ', …' : ''})`;
}
