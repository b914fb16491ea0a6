/**
 * The incident a button names, trusted only for the channel the click came from. The button's value
 * is the clicker's word; the channel is Slack's. Whoever can click in a channel can see its
 * incidents, and no one else's: a value naming another channel's incident is refused.
 */
import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Incident } from '../../../store/store.ts';
import type { BotDeps } from '../../deps.ts';

export type ClickedIncident = { ok: true; incident: Incident } | { ok: false; why: 'gone' | 'otherChannel' };

/** The incident `incidentId` names, when it still exists and belongs to the clicked channel. */
export async function clickedIncident(
  deps: BotDeps,
  body: BlockAction<ButtonAction>,
  incidentId: number,
  what: string,
): Promise<ClickedIncident> {
  const found = Number.isSafeInteger(incidentId) ? await deps.store.get(incidentId) : null;
  if (!found) return { ok: false, why: 'gone' };
  const from = body.channel?.id ?? body.container.channel_id;
  if (found.channel !== from) {
    deps.log.warn({ incident: found.id, from, user: body.user.id }, `refused ${what} from another channel`);
    return { ok: false, why: 'otherChannel' };
  }
  return { ok: true, incident: found };
}
