/** App Home in one language: open incidents, the last handoff, the knowledge base, how to ask. */
import type { types } from '@slack/bolt';
import type { Language } from '../core/types.ts';
import { formatBytes } from '../core/units.ts';
import { t } from '../i18n/messages.ts';
import type { Block } from '../render/blocks.ts';
import { clip, escapeMrkdwn } from '../render/mrkdwn.ts';
import type { Incident } from '../store/store.ts';
import { helpReply } from './replies.ts';

export interface HomeData {
  open: Incident[];
  lastHandoff: { at: number; text: string } | null;
  counts: { entries: number; playbooks: number; frameworks: number };
}

/** `<!date^…>`: Slack shows it in the reader's time zone. */
const slackDate = (ms: number) =>
  `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${new Date(ms).toISOString()}>`;

const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

function incidentLine(i: Incident, lang: Language): string {
  const seen = [t('home.seen', lang, { n: i.occurrences, last: slackDate(i.lastSeen) })];
  if (i.latestUsed !== null && i.latestMax !== null)
    seen.push(t('home.usage', lang, { used: formatBytes(i.latestUsed), max: formatBytes(i.latestMax) }));
  if (i.firstPermalink) seen.push(`<${i.firstPermalink}|${t('home.thread', lang)}>`);
  const head = `${i.status === 'open' ? '🔴' : '🟡'} *#${i.id}* <#${i.channel}> ${escapeMrkdwn(clip(i.title, 120))}`;
  return `${head}\n    ${seen.join(' · ')}`;
}

/** The blocks of App Home in `lang`. */
export function homeBlocks(data: HomeData, lang: Language): Block[] {
  const incidents = data.open.length ? data.open.map((i) => incidentLine(i, lang)) : [t('home.noOpen', lang)];
  const last = data.lastHandoff;
  const handoff = last
    ? `${t('home.lastHandoff', lang, { at: slackDate(last.at) })}\n\`\`\`${clip(last.text, 2800)}\`\`\``
    : t('home.noHandoff', lang);
  return [
    section(t('home.open', lang, { n: data.open.length })),
    section(clip(incidents.join('\n'), 3000)),
    { type: 'divider' },
    section(handoff),
    { type: 'divider' },
    section(t('home.stats', lang, data.counts)),
    ...helpReply(lang).blocks,
  ];
}

/** The Home tab: both languages, English first (Slack does not tell the bot its reader's language). */
export function homeView(data: HomeData): types.HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: t('home.title', 'en') } },
      ...homeBlocks(data, 'en'),
      { type: 'divider' },
      ...homeBlocks(data, 'zh'),
    ],
  };
}
