/**
 * The one place a Slack message is finished: an answer (or any reply) plus what surrounds it — the
 * incident the store knows (seen N times, the first thread elsewhere, the trend), a note when the
 * store failed, the status line of marks, and the buttons. Kept within Slack's block limit here
 * and nowhere else.
 */
import type { Trend } from '../core/trend.ts';
import type { Language } from '../core/types.ts';
import { t } from '../i18n/messages.ts';
import type { StoreProblem } from '../store/failure.ts';
import type { Mark } from '../store/store.ts';
import { type Block, LIMITS, type Reply } from './blocks.ts';
import { clip, escapeMrkdwn } from './mrkdwn.ts';
import type { PlaybookView } from './playbook-blocks.ts';
import { trendLine } from './trend.ts';

/** The buttons that mark an incident, by their action id. */
export const MARK_ACTIONS = {
  incident_mitigated: 'mitigated',
  incident_resolved: 'resolved',
  feedback_helpful: 'helpful',
  feedback_not_helpful: 'not-helpful',
} as const;
export type MarkActionId = keyof typeof MARK_ACTIONS;
export const SHARE_ACTION = 'share_reply';
export const PLAYBOOK_ACTION = 'full_playbook';
export const SEEN_BLOCK = 'incident-seen';
export const STATUS_BLOCK = 'incident-status';

/** Everything around the answer; each part is shown only when present. */
export interface MessageContext {
  lang: Language;
  incident?: { id: number; occurrences: number; firstSeen: number; playbookId: string | null };
  trend?: { trend: Trend; maxBytes: number | null };
  /** The first thread of the same failure in another channel. */
  elsewhere?: { channel: string; permalink: string };
  storeProblem?: StoreProblem;
  /** The incident's marks, for the status line. */
  marks?: Mark[];
  /** A private answer: the id its "Share in channel" button carries. */
  shareId?: string;
  /** Posted for everyone by this user's "Share in channel". */
  sharedBy?: string;
  /** The id these parts are kept under in memory, when no incident's record keeps them. */
  keptId?: string;
}

/** The answer and its context, as it is posted and as it is kept to be built again. */
export interface MessageParts {
  base: Reply;
  context: MessageContext;
  /** Every step of the answer's playbook, for its *Full playbook* button. */
  playbook?: PlaybookView;
}

/** Where a *Full playbook* click finds the parts again: the incident's record, or memory. */
export interface PlaybookRef {
  incidentId: number | null;
  keptId: string | null;
}

/** The button's value for a ref, `7|<kept id>`: either half may be empty. */
export function playbookRefValue(ref: PlaybookRef): string {
  return `${ref.incidentId ?? ''}|${ref.keptId ?? ''}`;
}

/** The ref a *Full playbook* button carries. */
export function parsePlaybookRef(value: string): PlaybookRef {
  const [incident = '', kept = ''] = value.split('|');
  const id = Number(incident);
  return { incidentId: incident && Number.isInteger(id) ? id : null, keptId: kept || null };
}

/** The Block Kit message: headline, context, the answer's body, its playbook button, notes, status, buttons. */
export function composeMessage({ base, context: c, playbook }: MessageParts): Reply {
  const [head, ...body] = base.blocks;
  const after: Block[] = [];
  if (c.trend) {
    const line = `📈 ${trendLine(c.trend.trend, c.trend.maxBytes, c.lang)}`;
    after.push({ type: 'section', text: { type: 'mrkdwn', text: clip(line, LIMITS.sectionText) } });
  }
  const seen = seenLine(c);
  if (seen) after.push(context(seen, SEEN_BLOCK));
  const tail: Block[] = [];
  // A private answer is found by its share id, a shared or unrecorded one by its kept id.
  const keptId = c.shareId ?? c.keptId ?? null;
  const incidentId = c.incident?.id ?? null;
  if (playbook && (keptId || incidentId !== null))
    tail.push(playbookButton(playbookRefValue({ incidentId, keptId }), c.lang));
  if (c.storeProblem) tail.push(context(escapeMrkdwn(storeNote(c.storeProblem, c.lang))));
  if (c.sharedBy) tail.push(context(t('bot.sharedBy', c.lang, { user: c.sharedBy })));
  const status = c.marks ? statusLine(c.marks, c.lang) : '';
  if (status) tail.push(context(status, STATUS_BLOCK));
  if (c.incident) tail.push(markButtons(c.incident.id, c.incident.playbookId, c.lang));
  if (c.shareId) tail.push(shareButton(c.shareId, c.lang));
  // Over Slack's limit, the end of the answer's body gives way: never the headline, the notes or the buttons.
  const room = LIMITS.blocks - (head ? 1 : 0) - after.length - tail.length;
  const blocks = [...(head ? [head] : []), ...after, ...body.slice(0, Math.max(0, room)), ...tail];
  return { blocks, text: base.text };
}

/** `🟡 Mitigated by @a 09:12 · 🟢 Resolved by @b 10:40 · 👍 2 · 👎 1` */
export function statusLine(marks: Mark[], lang: Language): string {
  const parts: string[] = [];
  for (const action of ['mitigated', 'resolved'] as const) {
    const m = marks.filter((x) => x.action === action).at(-1);
    if (m) parts.push(t(`status.${action}`, lang, { user: m.userId, time: slackTime(m.at, '{time}') }));
  }
  const up = marks.filter((m) => m.action === 'helpful').length;
  const down = marks.filter((m) => m.action === 'not-helpful').length;
  if (up || down) parts.push(t('status.feedback', lang, { up, down }));
  return parts.join(' · ');
}

function seenLine(c: MessageContext): string {
  const parts: string[] = [];
  if (c.incident && c.incident.occurrences > 1) {
    const since = slackTime(c.incident.firstSeen, '{date_short_pretty} {time}');
    parts.push(t('incident.seen', c.lang, { n: c.incident.occurrences, since }));
  }
  if (c.elsewhere)
    parts.push(t('incident.alsoSeen', c.lang, { channel: c.elsewhere.channel, link: c.elsewhere.permalink }));
  return parts.join(' · ');
}

function storeNote(problem: StoreProblem, lang: Language): string {
  const why =
    problem.kind === 'full'
      ? t('store.full', lang)
      : problem.kind === 'read-only'
        ? t('store.readOnly', lang)
        : t('store.failing', lang, { message: problem.message });
  return t('store.note', lang, { why });
}

/** A time every reader sees in their own time zone, with a UTC fallback. */
function slackTime(ms: number, format: string): string {
  const iso = new Date(ms).toISOString();
  const fallback = format.includes('date')
    ? `${iso.slice(0, 16).replace('T', ' ')} UTC`
    : `${iso.slice(11, 16)} UTC`;
  return `<!date^${Math.floor(ms / 1000)}^${format}|${fallback}>`;
}

function context(text: string, blockId?: string): Block {
  return {
    type: 'context',
    ...(blockId ? { block_id: blockId } : {}),
    elements: [{ type: 'mrkdwn', text: clip(text, LIMITS.sectionText) }],
  };
}

function markButtons(incidentId: number, playbookId: string | null, lang: Language): Block {
  return {
    type: 'actions',
    block_id: `incident-${incidentId}`,
    elements: (Object.keys(MARK_ACTIONS) as MarkActionId[]).map((id) => ({
      type: 'button',
      action_id: id,
      text: { type: 'plain_text', text: t(`mark.${id}`, lang) },
      value: `${incidentId}|${playbookId ?? ''}`,
      ...(id === 'incident_resolved' ? { style: 'primary' as const } : {}),
    })),
  };
}

function playbookButton(value: string, lang: Language): Block {
  return {
    type: 'actions',
    block_id: 'full-playbook',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: `📋 ${t('fullPlaybook', lang)}` },
        action_id: PLAYBOOK_ACTION,
        value,
      },
    ],
  };
}

function shareButton(id: string, lang: Language): Block {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: t('bot.share', lang) },
        action_id: SHARE_ACTION,
        value: id,
        style: 'primary',
      },
    ],
  };
}
