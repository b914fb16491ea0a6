/**
 * *Full playbook*: every step of the answer's playbook in a modal, opened with the click's trigger.
 * A trigger lives three seconds; when it has expired, the steps go to the message's thread instead.
 * An incident's record is read only for a click from that incident's own channel.
 */
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseMessage } from '../../../app/record.ts';
import { t } from '../../../i18n/messages.ts';
import { composeMessage, type MessageParts, parsePlaybookRef } from '../../../render/message.ts';
import { playbookBlocks, playbookModal } from '../../../render/playbook-blocks.ts';
import type { BotDeps } from '../../deps.ts';
import { postReply, respondPrivately } from '../../post.ts';
import { languageOf, textReply } from '../../replies.ts';
import { clickedIncident } from './clicked-incident.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Open the clicked reply's playbook in a modal, or post it in the thread when the trigger has expired. */
export function fullPlaybookAction(deps: BotDeps): Middleware<Args> {
  return async ({ body, action, client, respond }) => {
    const found = await partsOf(deps, body, action.value ?? '');
    const parts = typeof found === 'string' ? null : found;
    const view = parts?.playbook;
    if (!parts || !view) {
      const why = found === 'otherChannel' ? 'bot.playbookOtherChannel' : 'bot.playbookGone';
      await respondPrivately(respond, textReply(t(why, languageOf(body.message?.text ?? ''))));
      return;
    }
    const { lang } = parts.context;
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: playbookModal(view, lang) });
      return;
    } catch (err) {
      deps.log.warn(
        { err, channel: body.channel?.id },
        'views.open failed; posting the playbook in the thread',
      );
    }
    const steps = composeMessage({
      base: { blocks: playbookBlocks(view, lang), text: view.title },
      context: { lang },
    });
    const channel = body.channel?.id;
    const message = body.message;
    if (body.container.is_ephemeral || !channel || !message) {
      await respondPrivately(respond, steps);
      return;
    }
    const threadTs: string = message.thread_ts ?? message.ts;
    await postReply(client, deps, { channel, threadTs }, steps, 'playbook', performance.now());
  };
}

/** The parts the button points to: kept in memory, or the record of the clicked channel's incident. */
async function partsOf(
  deps: BotDeps,
  body: Args['body'],
  value: string,
): Promise<MessageParts | 'gone' | 'otherChannel'> {
  const ref = parsePlaybookRef(value);
  const kept = ref.keptId ? deps.shared.peek(ref.keptId) : null;
  if (kept?.playbook) return kept;
  if (ref.incidentId === null) return 'gone';
  const clicked = await clickedIncident(deps, body, ref.incidentId, 'a playbook click');
  if (!clicked.ok) return clicked.why;
  return parseMessage(await deps.store.messageOf(clicked.incident.id)) ?? 'gone';
}
