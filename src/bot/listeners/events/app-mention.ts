/**
 * `@netty-oom`: analyze the message (or, for a bare mention in a thread, the thread's first
 * message); with no trace, answer the words as a search.
 */
import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { BotDeps } from '../../deps.ts';
import { gather } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';
import { postReply, replyKeyOf } from '../../post.ts';
import { helpReply, languageOf, searchAnswer } from '../../replies.ts';

const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;

/** Keys that identify the mention across Slack's retries. */
export function mentionKeys({ event, body }: SlackEventMiddlewareArgs<'app_mention'>): string[] {
  return [`event:${body.event_id}`, `mention:${event.channel}:${event.ts}`];
}

export function appMentionListener(deps: BotDeps): Middleware<SlackEventMiddlewareArgs<'app_mention'>> {
  return async ({ event: m, body, client, context }) => {
    const started = performance.now();
    const once = replyKeyOf(body, context);
    const words = m.text.replace(MENTION, '').trim();
    const where = { channel: m.channel, threadTs: m.thread_ts ?? m.ts };
    let got = await gather(words, m.files, deps.files);
    if (words === '' && !m.files?.length && m.thread_ts) {
      // A bare mention in a thread: the question is the thread's first message.
      const replies = await client.conversations.replies({
        channel: m.channel,
        ts: m.thread_ts,
        limit: 1,
        inclusive: true,
      });
      const parent = replies.messages?.[0];
      if (parent) got = await gather(parent.text ?? '', parent.files, deps.files);
    }
    const handled = await handleTrace(client, deps, {
      input: got.input,
      channel: m.channel,
      threadTs: where.threadTs,
      messageTs: m.ts,
      userId: m.user ?? null,
      once,
      surface: 'mention',
      startedAt: started,
    });
    if (handled.status === 'too-slow' || handled.answer.report.detected) return;
    const lang = languageOf(words);
    const reply = words === '' ? helpReply(lang) : searchAnswer(words, deps.kb, lang, 5);
    await postReply(client, deps, where, reply, 'mention', started, once);
  };
}
