/** "Share in channel": post a private answer for everyone, and drop the private copy. */
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../i18n/messages.ts';
import { composeMessage } from '../../../render/message.ts';
import type { BotDeps } from '../../deps.ts';
import { respondPrivately } from '../../post.ts';
import { languageOf, textReply } from '../../replies.ts';

export function shareReplyAction(
  deps: BotDeps,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ body, action, respond }) => {
    const kept = deps.shared.take(action.value ?? '');
    if (!kept) {
      await respondPrivately(respond, textReply(t('bot.expired', languageOf(body.message?.text ?? ''))));
      return;
    }
    const { shareId: _, ...context } = kept.context;
    const parts = { ...kept, context: { ...context, sharedBy: body.user.id } };
    // The shared copy keeps its parts again, under an id of its own, for its Full playbook button.
    const shared = composeMessage(
      parts.playbook ? { ...parts, context: { ...parts.context, keptId: deps.shared.keep(parts) } } : parts,
    );
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      blocks: shared.blocks,
      text: shared.text,
    });
    deps.metrics.replies.inc({ surface: 'share' });
    await respond({ delete_original: true }).catch((err: unknown) =>
      deps.log.debug({ err }, 'ephemeral answer not deleted'),
    );
  };
}
