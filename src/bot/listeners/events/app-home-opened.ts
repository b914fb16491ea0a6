/** App Home: what the bot knows and how to ask it. */
import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.ts';
import { helpReply } from '../../slack-blocks.ts';

export function appHomeOpenedListener(deps: BotDeps): Parameters<App['event']>[1] {
  return async ({ event, client }) => {
    const e = event as unknown as { user: string; tab?: string };
    if (e.tab && e.tab !== 'home') return;
    deps.metrics.events.inc({ type: 'app_home_opened' });
    const { entries, playbooks, analyzer } = deps.kb;
    const stats = `*Knowledge base*: ${entries.length} entries, ${playbooks.length} playbooks, ${analyzer.frameworks.length} frameworks recognised.\n*知识库*：${entries.length} 条知识、${playbooks.length} 个处理手册、可识别 ${analyzer.frameworks.length} 种框架。`;
    await client.views.publish({
      user_id: e.user,
      view: {
        type: 'home',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'netty-oom' } },
          { type: 'section', text: { type: 'mrkdwn', text: stats } },
          { type: 'divider' },
          ...(helpReply('en').blocks as never[]),
          ...(helpReply('zh').blocks as never[]),
        ],
      },
    });
  };
}
