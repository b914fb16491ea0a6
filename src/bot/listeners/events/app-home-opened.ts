/** App Home: open incidents, the knowledge base, the last handoff, and how to ask. */
import type { App } from '@slack/bolt';
import { formatBytes } from '../../../core/units.ts';
import { clip, escapeMrkdwn } from '../../../render/mrkdwn.ts';
import type { BotDeps } from '../../deps.ts';
import { helpReply } from '../../slack-blocks.ts';

export function appHomeOpenedListener(deps: BotDeps): Parameters<App['event']>[1] {
  return async ({ event, client }) => {
    const e = event as unknown as { user: string; tab?: string };
    if (e.tab && e.tab !== 'home') return;
    deps.metrics.events.inc({ type: 'app_home_opened' });
    const { entries, playbooks, analyzer } = deps.kb;
    const open = await deps.store.openIncidents(10);
    const last = await deps.store.lastHandoff();
    const incidents = open.length
      ? open.map((i) => {
          const usage =
            i.latestUsed !== null && i.latestMax !== null
              ? ` · ${formatBytes(i.latestUsed)} of ${formatBytes(i.latestMax)}`
              : '';
          const link = i.firstPermalink ? ` · <${i.firstPermalink}|thread>` : '';
          return `${i.status === 'open' ? '🔴' : '🟡'} *#${i.id}* <#${i.channel}> ${escapeMrkdwn(clip(i.title, 120))}\n    seen ${i.occurrences}× · last <!date^${Math.floor(i.lastSeen / 1000)}^{date_short_pretty} {time}|${new Date(i.lastSeen).toISOString()}>${usage}${link}`;
        })
      : ['No open incidents.'];
    const stats = `*Knowledge base*: ${entries.length} entries, ${playbooks.length} playbooks, ${analyzer.frameworks.length} frameworks recognised.\n*知识库*：${entries.length} 条知识、${playbooks.length} 个处理手册、可识别 ${analyzer.frameworks.length} 种框架。`;
    const handoff = last
      ? `*Last handoff* (<!date^${Math.floor(last.at / 1000)}^{date_short_pretty} {time}|${new Date(last.at).toISOString()}>)\n\`\`\`${clip(last.text, 2800)}\`\`\``
      : '*Last handoff*: none yet (`/netty-oom handoff`).';
    await client.views.publish({
      user_id: e.user,
      view: {
        type: 'home',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'netty-oom' } },
          { type: 'section', text: { type: 'mrkdwn', text: `*Open incidents* (${open.length})` } },
          { type: 'section', text: { type: 'mrkdwn', text: clip(incidents.join('\n'), 3000) } },
          { type: 'divider' },
          { type: 'section', text: { type: 'mrkdwn', text: handoff } },
          { type: 'divider' },
          { type: 'section', text: { type: 'mrkdwn', text: stats } },
          ...(helpReply('en').blocks as never[]),
          ...(helpReply('zh').blocks as never[]),
        ],
      },
    });
  };
}
