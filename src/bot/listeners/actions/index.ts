import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { BotDeps, Registrar } from '../../deps.ts';
import { ackFirst, counted } from '../../middleware.ts';
import { MARK_ACTIONS, PLAYBOOK_ACTION, SHARE_ACTION } from '../../surfaces.ts';
import { fullPlaybookAction } from './full-playbook.ts';
import { markIncidentAction } from './mark-incident.ts';
import { shareReplyAction } from './share-reply.ts';

type Click = BlockAction<ButtonAction>;

/** Buttons are acknowledged at once; the work follows. */
export function registerActions(r: Registrar, deps: BotDeps): void {
  r.action<Click>(SHARE_ACTION, ackFirst(), counted(deps, 'action'), shareReplyAction(deps));
  r.action<Click>(PLAYBOOK_ACTION, ackFirst(), counted(deps, 'action'), fullPlaybookAction(deps));
  const mark = markIncidentAction(deps);
  for (const id of Object.keys(MARK_ACTIONS)) r.action<Click>(id, ackFirst(), counted(deps, 'action'), mark);
}
