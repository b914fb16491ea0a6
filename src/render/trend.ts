/** Growth and time to exhaustion, in words: "+1.1 GiB/day: ~6 days from the last reading to the 8 GiB limit". */
import type { Trend } from '../core/trend.ts';
import type { Language } from '../core/types.ts';
import { formatBytes, formatDuration } from '../core/units.ts';
import { t } from '../i18n/messages.ts';

/** The growth rate, the time left to the limit and the last readings, in `lang`. */
export function trendLine(tr: Trend, maxBytes: number | null, lang: Language): string {
  const sign = tr.bytesPerDay >= 0 ? '+' : '-';
  const rate = t('trend.perDay', lang, { rate: `${sign}${formatBytes(Math.abs(tr.bytesPerDay))}` });
  const readings = tr.readings.map(
    (r) => `${new Date(r.at).toISOString().slice(0, 16).replace('T', ' ')} ${formatBytes(r.usedBytes)}`,
  );
  const limit = maxBytes !== null ? formatBytes(maxBytes) : null;
  let eta = '';
  if (tr.exhaustionMs !== null && limit) {
    eta =
      tr.exhaustionMs === 0
        ? t('trend.atLimit', lang, { limit })
        : t('trend.eta', lang, { duration: formatDuration(tr.exhaustionMs, lang), limit });
  } else if (tr.bytesPerDay <= 0) eta = t('trend.flat', lang);
  // The latest four are shown: the ellipsis stands for the earlier ones, so it comes first.
  const shown = `${readings.length > 4 ? '…, ' : ''}${readings.slice(-4).join(', ')}`;
  return t('trend.head', lang, { rate, eta, readings: shown });
}
