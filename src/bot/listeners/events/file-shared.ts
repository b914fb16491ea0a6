/** `file_shared` (only the file id): read the file once, answer in the thread of the message that shared it. */
import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../deps.ts';
import { gather } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';

/** The bot's own uploads are not read back. */
export function notFromTheBot(): Middleware<SlackEventMiddlewareArgs<'file_shared'>> {
  return async ({ event, context, next }) => {
    if (context.botUserId && event.user_id === context.botUserId) return;
    await next();
  };
}

export function fileSharedListener(deps: BotDeps): Middleware<SlackEventMiddlewareArgs<'file_shared'>> {
  return async ({ event: e, client }) => {
    const started = performance.now();
    const info = await client.files.info({ file: e.file_id });
    const file = info.file;
    if (!file) return;
    // The `message` event for the same upload may have read it already: the file id is claimed once.
    const got = await gather('', [file], deps.config.botToken ?? '', deps.dedupe);
    if (got.input.length === 0) return;
    const shares = { ...(file.shares?.public ?? {}), ...(file.shares?.private ?? {}) };
    const threadTs = shares[e.channel_id]?.[0]?.ts ?? null;
    await handleTrace(client, deps, {
      input: got.input,
      channel: e.channel_id,
      threadTs,
      messageTs: threadTs,
      userId: e.user_id ?? null,
      surface: 'file',
      startedAt: started,
    });
  };
}
