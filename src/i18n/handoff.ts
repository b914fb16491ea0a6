/** The on-call handoff, as text for a terminal and as blocks for Slack. */
import type { Bilingual } from './bilingual.ts';

export const HANDOFF = {
  'handoff.head': {
    en: 'On-call handoff: last {span} ({since} → {until} UTC)',
    zh: '值班交接：最近 {span}（{since} → {until} UTC）',
  },
  'handoff.title': {
    en: 'On-call handoff: last {span} — {open} open, {total} in all',
    zh: '值班交接：最近 {span} — 未解决 {open} 个，共 {total} 个',
  },
  'handoff.counts': { en: '{open} open, {total} in all', zh: '未解决 {open} 个，共 {total} 个' },
  'handoff.none': { en: 'No incidents in this period.', zh: '这段时间没有事件。' },
  'handoff.since': { en: 'Since {since} UTC', zh: '自 {since} UTC 起' },
  'handoff.status.open': { en: '🔴 open', zh: '🔴 未解决' },
  'handoff.status.mitigated': { en: '🟡 mitigated', zh: '🟡 已缓解' },
  'handoff.status.resolved': { en: '🟢 resolved', zh: '🟢 已解决' },
  'handoff.seen': {
    en: 'seen {n}× · first {first} · last {last} UTC',
    zh: '出现 {n} 次 · 首次 {first} · 最近 {last} UTC',
  },
  'handoff.latest': { en: 'latest {used} of {max}', zh: '最近一次 {used} / {max}' },
  'handoff.trend': {
    en: 'trend {rate}/day over {n} readings{eta}',
    zh: '趋势 {rate}/天（{n} 个读数）{eta}',
  },
  'handoff.limitAt': { en: ' · limit reached ~{at} UTC', zh: ' · 预计 {at} UTC 前后到达上限' },
  'handoff.playbook': { en: 'playbook: {title}', zh: '处理手册：{title}' },
  'handoff.mark.mitigated': { en: 'mitigated by {user} at {at} UTC', zh: '{user} 于 {at} UTC 标记为已缓解' },
  'handoff.mark.resolved': { en: 'resolved by {user} at {at} UTC', zh: '{user} 于 {at} UTC 标记为已解决' },
  'handoff.feedback': {
    en: 'feedback on the playbook: 👍 {up} · 👎 {down}',
    zh: '处理手册反馈：👍 {up} · 👎 {down}',
  },
  'handoff.thread': { en: 'thread', zh: '讨论' },
} satisfies Record<string, Bilingual>;
