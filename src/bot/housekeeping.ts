/** Timers of the bot: the scheduled handoff post, and purging what is past retention. */
import type { WebClient } from '@slack/web-api';
import { Cron } from 'croner';
import type { BotDeps } from './deps.ts';
import { postHandoff } from './handoff.ts';

const DAY = 86_400_000;

export function startHousekeeping(client: WebClient, deps: BotDeps): () => void {
  const purge = async () => {
    try {
      const removed = await deps.store.purge(deps.now() - deps.config.retentionDays * DAY);
      if (removed > 0)
        deps.log.info({ removed, retentionDays: deps.config.retentionDays }, 'purged old incidents');
    } catch (err) {
      deps.log.error({ err }, 'purge failed');
    }
  };
  void purge();
  const daily = setInterval(purge, DAY);
  daily.unref();
  const { handoffCron, handoffChannel } = deps.config;
  const job =
    handoffCron && handoffChannel
      ? new Cron(
          handoffCron,
          { catch: (err) => deps.log.error({ err }, 'scheduled handoff failed') },
          async () => {
            await postHandoff(client, deps, handoffChannel, DAY);
            deps.log.info({ channel: handoffChannel }, 'posted the scheduled handoff');
          },
        )
      : null;
  return () => {
    clearInterval(daily);
    job?.stop();
  };
}
