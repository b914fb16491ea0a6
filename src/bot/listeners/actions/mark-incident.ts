/**
 * Mitigated / Resolved / Helpful / Not helpful: recorded with who and when, one per person and
 * kind (a second press takes it back). The incident's reply is built again from the parts it was
 * posted from, with the status line of every mark so far.
 */
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseMessage } from '../../../app/record.ts';
import { t } from '../../../i18n/messages.ts';
import { composeMessage, MARK_ACTIONS, type MarkActionId, statusLine } from '../../../render/message.ts';
import type { BotDeps } from '../../deps.ts';
import { languageOf } from '../../replies.ts';
import { clickedIncident } from './clicked-incident.ts';

const isMarkAction = (id: string): id is MarkActionId => id in MARK_ACTIONS;

export function markIncidentAction(
  deps: BotDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ body, action, client, respond }) => {
    if (!isMarkAction(action.action_id)) return;
    const markAction = MARK_ACTIONS[action.action_id];
    const [idText = '', playbookText = ''] = (action.value ?? '').split('|');
    const incidentId = Number(idText);
    const say = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    // Until the incident is known to be this channel's, the clicked message's text sets the language.
    const asked = languageOf(body.message?.text ?? '');
    const clicked = await clickedIncident(deps, body, incidentId, 'a mark');
    if (!clicked.ok) {
      await say(t(clicked.why === 'gone' ? 'mark.gone' : 'mark.otherChannel', asked));
      return;
    }
    const kept = parseMessage(await deps.store.messageOf(incidentId));
    const lang = kept?.context.lang ?? asked;
    // Only a playbook the knowledge base knows is counted; any other id is kept as none.
    const playbookId = deps.kb.playbooks.some((p) => p.id === playbookText) ? playbookText : null;
    const toggled = await deps.store.mark({
      incidentId,
      action: markAction,
      userId: body.user.id,
      at: deps.now(),
      playbookId,
    });
    if (!toggled) {
      await say(t('mark.gone', lang));
      return;
    }
    const { incident, marked } = toggled;
    deps.log.info(
      { incident: incident.id, action: markAction, user: body.user.id, marked },
      'incident marked',
    );
    const marks = await deps.store.marksOf([incident.id]);
    const clickedTheReply =
      !body.container.is_ephemeral &&
      body.message?.ts === incident.replyTs &&
      body.channel?.id === incident.replyChannel;
    if (kept && clickedTheReply && incident.replyChannel && incident.replyTs) {
      const reply = composeMessage({ ...kept, context: { ...kept.context, marks } });
      await client.chat.update({
        channel: incident.replyChannel,
        ts: incident.replyTs,
        blocks: reply.blocks,
        text: reply.text,
      });
      return;
    }
    const line = statusLine(marks, lang);
    const done = t(`mark.done.${markAction}`, lang);
    await say(t(marked ? 'mark.recorded' : 'mark.takenBack', lang, { action: done, line }));
  };
}
