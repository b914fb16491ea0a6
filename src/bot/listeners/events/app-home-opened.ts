/** App Home: open incidents, the knowledge base, the last handoff, and how to ask. */
import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../deps.ts';
import { homeView } from '../../home.ts';

export function appHomeOpenedListener(
  deps: BotDeps,
): Middleware<SlackEventMiddlewareArgs<'app_home_opened'>> {
  return async ({ event, client }) => {
    if (event.tab && event.tab !== 'home') return;
    deps.metrics.events.inc({ type: 'app_home_opened' });
    const { entries, playbooks, analyzer } = deps.kb;
    const view = homeView({
      open: await deps.store.openIncidents(10),
      lastHandoff: await deps.store.lastHandoff(),
      counts: {
        entries: entries.length,
        playbooks: playbooks.length,
        frameworks: analyzer.frameworks.length,
      },
    });
    await client.views.publish({ user_id: event.user, view });
  };
}
