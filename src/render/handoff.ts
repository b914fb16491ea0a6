/** The handoff for a terminal and for Slack. */
import { formatBytes, formatDuration } from '../core/units.ts';
import type { Handoff, HandoffItem } from '../incidents/handoff.ts';
import { type Block, LIMITS } from './blocks.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';

const STATUS = { open: '🔴 open', mitigated: '🟡 mitigated', resolved: '🟢 resolved' } as const;

function itemLines(i: HandoffItem, slack: boolean): string[] {
  const esc = slack ? escapeMrkdwn : (s: string) => s;
  const usage =
    i.latestUsedBytes !== null && i.latestMaxBytes !== null
      ? `${formatBytes(i.latestUsedBytes)} of ${formatBytes(i.latestMaxBytes)}`
      : null;
  const lines = [
    `${slack ? '*' : ''}${STATUS[i.status]} #${i.id} ${esc(i.title)}${slack ? '*' : ''}`,
    `  seen ${i.occurrences}× · first ${i.firstSeen.slice(0, 16).replace('T', ' ')} · last ${i.lastSeen.slice(0, 16).replace('T', ' ')} UTC${i.framework ? ` · ${esc(i.framework)}` : ''}${usage ? ` · latest ${usage}` : ''}`,
  ];
  if (i.trend) {
    const eta = i.trend.exhaustionAt
      ? ` · limit reached ~${i.trend.exhaustionAt.slice(0, 16).replace('T', ' ')} UTC`
      : '';
    lines.push(
      `  trend ${i.trend.bytesPerDay >= 0 ? '+' : '-'}${formatBytes(Math.abs(i.trend.bytesPerDay))}/day over ${i.trend.readings} readings${eta}`,
    );
  }
  if (i.playbook) lines.push(`  playbook: ${esc(i.playbook.title ?? i.playbook.id)}`);
  for (const m of i.marks) {
    if (m.action !== 'mitigated' && m.action !== 'resolved') continue;
    lines.push(
      `  ${m.action} by ${slack ? `<@${m.user}>` : m.user} at ${m.at.slice(0, 16).replace('T', ' ')} UTC`,
    );
  }
  const up = i.marks.filter((m) => m.action === 'helpful').length;
  const down = i.marks.filter((m) => m.action === 'not-helpful').length;
  if (up + down > 0) lines.push(`  feedback on the playbook: 👍 ${up} · 👎 ${down}`);
  if (i.link) lines.push(`  ${slack ? `<${i.link}|thread>` : i.link}`);
  return lines;
}

export function handoffToText(h: Handoff): string {
  const span = formatDuration(Date.parse(h.until) - Date.parse(h.since));
  const out = [
    `On-call handoff: last ${span} (${h.since.slice(0, 16).replace('T', ' ')} → ${h.until.slice(0, 16).replace('T', ' ')} UTC)`,
    `${h.open} open, ${h.total} in all`,
  ];
  if (h.total === 0) out.push('', 'No incidents in this period.');
  for (const c of h.channels) {
    out.push('', `#${c.channel}`);
    for (const i of c.incidents) out.push(...itemLines(i, false));
  }
  return `${out.join('\n')}\n`;
}

export function handoffBlocks(h: Handoff): { blocks: Block[]; text: string } {
  const span = formatDuration(Date.parse(h.until) - Date.parse(h.since));
  const title = `On-call handoff: last ${span} — ${h.open} open, ${h.total} in all`;
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(title, LIMITS.header) } },
  ];
  if (h.total === 0)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No incidents in this period.' } });
  for (const c of h.channels) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*<#${c.channel}>*` } });
    for (const i of c.incidents) {
      if (blocks.length >= LIMITS.blocks - 1) break;
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: clip(itemLines(i, true).join('\n'), LIMITS.sectionText) },
      });
    }
  }
  if (blocks.length >= LIMITS.blocks) blocks.length = LIMITS.blocks - 1;
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `Since ${h.since.slice(0, 16).replace('T', ' ')} UTC` }],
  });
  return { blocks, text: title };
}
