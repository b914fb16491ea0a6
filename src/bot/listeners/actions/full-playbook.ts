/**
 * *Full playbook*: every step of the answer's playbook in a modal, opened with the click's trigger.
 * A trigger lives three seconds; when it has expired, the steps go to the message's thread instead.
 */
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseMessage } from '../../../app/record.ts';
import { t } from '../../../i18n/messages.ts';
import { composeMessage, type MessageParts, parsePlaybookRef } from '../../../render/message.ts';
import { playbookBlocks, playbookModal } from '../../../render/playbook-blocks.ts';
import type { BotDeps } from '../../deps.ts';
import { postReply, respondPrivately } from '../../post.ts';
import { languageOf, textReply } from '../../replies.ts';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

/** Open the clicked reply's playbook in a modal, or post it in the thread when the trigger has expired. */
export function fullPlaybookAction(deps: BotDeps): Middleware<Args> {
  return async ({ body, action, client, respond }) => {
    const parts = await partsOf(deps, action.value ?? '');
    const view = parts?.playbook;
    if (!parts || !view) {
      await respondPrivately(respond, textReply(t('bot.playbookGone', languageOf(body.message?.text ?? ''))));
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

/** The parts the button points to: kept in memory, or the incident's record. */
async function partsOf(deps: BotDeps, value: string): Promise<MessageParts | null> {
  const ref = parsePlaybookRef(value);
  const kept = ref.keptId ? deps.shared.peek(ref.keptId) : null;
  if (kept?.playbook) return kept;
  return ref.incidentId === null ? null : parseMessage(await deps.store.messageOf(ref.incidentId));
}
