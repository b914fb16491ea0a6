import type { BotDeps, Registrar } from '../../deps.ts';
import { claimOnce, counted, inWatchedChannel, logFailures } from '../../middleware.ts';
import { appHomeOpenedListener } from './app-home-opened.ts';
import { appMentionListener, mentionKeys } from './app-mention.ts';
import { fileSharedListener, notFromTheBot } from './file-shared.ts';
import { fromAPerson, messageKeys, messageListener } from './message.ts';

export function registerEvents(r: Registrar, deps: BotDeps): void {
  r.event(
    'message',
    logFailures(deps, 'message'),
    fromAPerson(),
    inWatchedChannel(deps, ({ event }) => event.channel),
    claimOnce(deps, messageKeys),
    counted(deps, 'message'),
    messageListener(deps),
  );
  r.event(
    'app_mention',
    logFailures(deps, 'app_mention'),
    claimOnce(deps, mentionKeys),
    counted(deps, 'app_mention'),
    appMentionListener(deps),
  );
  r.event(
    'file_shared',
    logFailures(deps, 'file_shared'),
    notFromTheBot(),
    inWatchedChannel(deps, ({ event }) => event.channel_id),
    claimOnce(deps, ({ body }) => [`event:${body.event_id}`]),
    counted(deps, 'file_shared'),
    fileSharedListener(deps),
  );
  r.event('app_home_opened', logFailures(deps, 'app_home_opened'), appHomeOpenedListener(deps));
}
