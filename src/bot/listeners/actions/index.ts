import type { BotDeps, Registrar } from '../../deps.ts';
import { MARK_ACTIONS } from '../../incident-reply.ts';
import { SHARE_ACTION } from '../../slack-blocks.ts';
import { markIncidentAction } from './mark-incident.ts';
import { shareReplyAction } from './share-reply.ts';

export function registerActions(r: Registrar, deps: BotDeps): void {
  r.action(SHARE_ACTION, shareReplyAction(deps));
  const mark = markIncidentAction(deps);
  for (const id of Object.keys(MARK_ACTIONS)) r.action(id, mark);
}
