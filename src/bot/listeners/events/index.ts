import type { BotDeps, Registrar } from '../../deps.ts';
import { appHomeOpenedListener } from './app-home-opened.ts';
import { appMentionListener } from './app-mention.ts';
import { fileSharedListener } from './file-shared.ts';
import { messageListener } from './message.ts';

export function registerEvents(r: Registrar, deps: BotDeps): void {
  r.event('message', messageListener(deps));
  r.event('app_mention', appMentionListener(deps));
  r.event('file_shared', fileSharedListener(deps));
  r.event('app_home_opened', appHomeOpenedListener(deps));
}
