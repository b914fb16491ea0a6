/**
 * Mitigated / Resolved / Helpful / Not helpful: recorded with who and when. The incident's reply is
 * built again from the parts it was posted from, with the status line of every mark so far.
 */
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseMessage } from '../../../app/record.ts';
import { t } from '../../../i18n/messages.ts';
import { composeMessage, MARK_ACTIONS, type MarkActionId, statusLine } from '../../../render/message.ts';
import type { BotDeps } from '../../deps.ts';
import { languageOf } from '../../replies.ts';

const isMarkAction = (id: string): id is MarkActionId => id in MARK_ACTIONS;

export function markIncidentAction(
  deps: BotDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ body, action, client, respond }) => {
    if (!isMarkAction(action.action_id)) return;
    const markAction = MARK_ACTIONS[action.action_id];
    const [idText = '', playbookId = ''] = (action.value ?? '').split('|');
    const incidentId = Number(idText);
    const kept = parseMessage(await deps.store.messageOf(incidentId));
    // The reply's language; without kept parts, its fallback text (the headline) tells.
    const lang = kept?.context.lang ?? languageOf(body.message?.text ?? '');
    const incident = await deps.store.mark({
      incidentId,
      action: markAction,
      userId: body.user.id,
      at: deps.now(),
      playbookId: playbookId || null,
    });
    if (!incident) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: t('mark.gone', lang) });
      return;
    }
    deps.log.info({ incident: incident.id, action: markAction, user: body.user.id }, 'incident marked');
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
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: t('mark.recorded', lang, { action: t(`mark.done.${markAction}`, lang), line }),
    });
  };
}
