/** "Share in channel": post an ephemeral answer for everyone, and drop the private copy. */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { t } from '../../../i18n/messages.ts';
import type { BotDeps } from '../../deps.ts';
import { languageOf, textReply } from '../../slack-blocks.ts';

export function shareReplyAction(deps: BotDeps): Parameters<App['action']>[1] {
  return async ({ ack, body, action, respond }) => {
    await ack();
    deps.metrics.events.inc({ type: 'action' });
    const id = (action as ButtonAction).value ?? '';
    const kept = deps.shared.take(id);
    const user = (body as BlockAction).user.id;
    // The language of the answer the button sits under (its fallback text is the headline).
    const lang = languageOf(kept?.text ?? (body as BlockAction).message?.text ?? '');
    if (!kept) {
      const gone = textReply(t('bot.expired', lang));
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        blocks: gone.blocks as never,
        text: gone.text,
      });
      return;
    }
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      blocks: [
        ...kept.blocks,
        { type: 'context', elements: [{ type: 'mrkdwn', text: t('bot.sharedBy', lang, { user }) }] },
      ] as never,
      text: kept.text,
    });
    deps.metrics.replies.inc({ surface: 'share' });
    await respond({ delete_original: true }).catch((err: unknown) =>
      deps.log.debug({ err }, 'ephemeral answer not deleted'),
    );
  };
}
