/** App Home: open incidents, the knowledge base, the last handoff, and how to ask. */
import type { App } from '@slack/bolt';
import { t } from '../../../i18n/messages.ts';
import type { BotDeps } from '../../deps.ts';
import { homeBlocks } from '../../home.ts';

export function appHomeOpenedListener(deps: BotDeps): Parameters<App['event']>[1] {
  return async ({ event, client }) => {
    const e = event as unknown as { user: string; tab?: string };
    if (e.tab && e.tab !== 'home') return;
    deps.metrics.events.inc({ type: 'app_home_opened' });
    const { entries, playbooks, analyzer } = deps.kb;
    const data = {
      open: await deps.store.openIncidents(10),
      lastHandoff: await deps.store.lastHandoff(),
      counts: {
        entries: entries.length,
        playbooks: playbooks.length,
        frameworks: analyzer.frameworks.length,
      },
    };
    await client.views.publish({
      user_id: e.user,
      view: {
        type: 'home',
        // Slack does not tell the bot its reader's language: both, English first.
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: t('home.title', 'en') } },
          ...homeBlocks(data, 'en'),
          { type: 'divider' },
          ...homeBlocks(data, 'zh'),
        ],
      },
    });
  };
}
