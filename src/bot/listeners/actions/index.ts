import type { BotDeps, Registrar } from '../../deps.ts';
import { SHARE_ACTION } from '../../slack-blocks.ts';
import { shareReplyAction } from './share-reply.ts';

export function registerActions(r: Registrar, deps: BotDeps): void {
  r.action(SHARE_ACTION, shareReplyAction(deps));
}
