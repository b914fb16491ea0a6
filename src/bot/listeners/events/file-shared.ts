/** `file_shared` (only the file id): read the file once, answer in the thread of the message that shared it. */
import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../deps.ts';
import { type FileProblem, gather, problemText } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';
import { postReply, replyKeyOf } from '../../post.ts';
import { textReply } from '../../replies.ts';

/** The bot's own uploads are not read back. */
export function notFromTheBot(): Middleware<SlackEventMiddlewareArgs<'file_shared'>> {
  return async ({ event, context, next }) => {
    if (context.botUserId && event.user_id === context.botUserId) return;
    await next();
  };
}

export function fileSharedListener(deps: BotDeps): Middleware<SlackEventMiddlewareArgs<'file_shared'>> {
  return async ({ event: e, body, client, context }) => {
    const started = performance.now();
    const info = await client.files.info({ file: e.file_id });
    const file = info.file;
    if (!file) return;
    // The `message` event for the same upload may have read it already: the file id is claimed once.
    const once = replyKeyOf(body, context);
    const got = await gather('', [file], deps.files, deps.dedupe, once?.key);
    const shares = { ...(file.shares?.public ?? {}), ...(file.shares?.private ?? {}) };
    const threadTs = shares[e.channel_id]?.[0]?.ts ?? null;
    // A file too large or unreadable gets the same clear word as when it comes with its message.
    const sayWhy = async (problem: FileProblem | undefined) => {
      if (!problem) return;
      const where = { channel: e.channel_id, ...(threadTs ? { threadTs } : {}) };
      await postReply(client, deps, where, textReply(problemText(problem, 'en')), 'file', started, once);
    };
    if (got.input.length === 0) return sayWhy(got.problems[0]);
    const handled = await handleTrace(client, deps, {
      input: got.input,
      channel: e.channel_id,
      threadTs,
      messageTs: threadTs,
      userId: e.user_id ?? null,
      once,
      surface: 'file',
      startedAt: started,
    });
    // A large file is downloaded by the thread that reads it: it may fail there.
    if (handled.status === 'answered' && !handled.answer.report.detected) await sayWhy(handled.unread[0]);
  };
}
