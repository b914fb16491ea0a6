/** The handoff for a terminal and for Slack, in English or Chinese. */
import type { Language } from '../core/types.ts';
import { formatBytes, formatDuration } from '../core/units.ts';
import { t } from '../i18n/messages.ts';
import type { Handoff, HandoffItem } from '../incidents/handoff.ts';
import { type Block, LIMITS } from './blocks.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';

/** `2024-03-01T10:00:00.000Z` → `2024-03-01 10:00` */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function itemLines(i: HandoffItem, slack: boolean, lang: Language): string[] {
  const esc = slack ? escapeMrkdwn : (s: string) => s;
  const bold = slack ? '*' : '';
  const seen = [
    t('handoff.seen', lang, { n: i.occurrences, first: minute(i.firstSeen), last: minute(i.lastSeen) }),
  ];
  if (i.framework) seen.push(esc(i.framework));
  if (i.latestUsedBytes !== null && i.latestMaxBytes !== null) {
    const usage = { used: formatBytes(i.latestUsedBytes), max: formatBytes(i.latestMaxBytes) };
    seen.push(t('handoff.latest', lang, usage));
  }
  const lines = [
    `${bold}${t(`handoff.status.${i.status}`, lang)} #${i.id} ${esc(i.title)}${bold}`,
    `  ${seen.join(' · ')}`,
  ];
  if (i.trend) {
    const eta = i.trend.exhaustionAt ? t('handoff.limitAt', lang, { at: minute(i.trend.exhaustionAt) }) : '';
    const rate = `${i.trend.bytesPerDay >= 0 ? '+' : '-'}${formatBytes(Math.abs(i.trend.bytesPerDay))}`;
    lines.push(`  ${t('handoff.trend', lang, { rate, n: i.trend.readings, eta })}`);
  }
  if (i.playbook)
    lines.push(`  ${t('handoff.playbook', lang, { title: esc(i.playbook.title ?? i.playbook.id) })}`);
  for (const m of i.marks) {
    if (m.action !== 'mitigated' && m.action !== 'resolved') continue;
    const user = slack ? `<@${m.user}>` : m.user;
    lines.push(`  ${t(`handoff.mark.${m.action}`, lang, { user, at: minute(m.at) })}`);
  }
  const up = i.marks.filter((m) => m.action === 'helpful').length;
  const down = i.marks.filter((m) => m.action === 'not-helpful').length;
  if (up + down > 0) lines.push(`  ${t('handoff.feedback', lang, { up, down })}`);
  if (i.link) lines.push(`  ${slack ? `<${i.link}|${t('handoff.thread', lang)}>` : i.link}`);
  return lines;
}

const spanOf = (h: Handoff, lang: Language) =>
  formatDuration(Date.parse(h.until) - Date.parse(h.since), lang);

/** The handoff as plain text, channel by channel. */
export function handoffToText(h: Handoff, lang: Language = 'en'): string {
  const out = [
    t('handoff.head', lang, { span: spanOf(h, lang), since: minute(h.since), until: minute(h.until) }),
    t('handoff.counts', lang, { open: h.open, total: h.total }),
  ];
  if (h.total === 0) out.push('', t('handoff.none', lang));
  for (const c of h.channels) {
    out.push('', `#${c.channel}`);
    for (const i of c.incidents) out.push(...itemLines(i, false, lang));
  }
  return `${out.join('\n')}\n`;
}

/** The handoff as Slack blocks: a header, one section per channel and incident, the period last. */
export function handoffBlocks(h: Handoff, lang: Language = 'en'): { blocks: Block[]; text: string } {
  const title = t('handoff.title', lang, { span: spanOf(h, lang), open: h.open, total: h.total });
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, LIMITS.header) } },
  ];
  if (h.total === 0)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t('handoff.none', lang) } });
  for (const c of h.channels) {
    // A channel's heading comes with at least one of its incidents, and the period keeps the last block.
    if (blocks.length >= LIMITS.blocks - 2) break;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*<#${c.channel}>*` } });
    for (const i of c.incidents) {
      if (blocks.length >= LIMITS.blocks - 1) break;
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: clip(itemLines(i, true, lang).join('\n'), LIMITS.sectionText) },
      });
    }
  }
  if (blocks.length >= LIMITS.blocks) blocks.length = LIMITS.blocks - 1;
  const since = t('handoff.since', lang, { since: minute(h.since) });
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: since }] });
  return { blocks, text: title };
}
