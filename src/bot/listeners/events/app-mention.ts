/**
 * `@netty-oom`: analyze the message (or, for a bare mention in a thread, the thread's first
 * message); with no trace, answer the words as a search.
 */
import type { App } from '@slack/bolt';
import { claimAll } from '../../dedupe.ts';
import type { BotDeps } from '../../deps.ts';
import type { SlackFile } from '../../files.ts';
import { gather } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';
import { postReply } from '../../post.ts';
import { helpReply, languageOf, searchReply } from '../../slack-blocks.ts';

interface MentionEvent {
  channel: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  files?: SlackFile[];
}

const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;

export function appMentionListener(deps: BotDeps): Parameters<App['event']>[1] {
  return async ({ event, body, client }) => {
    const started = performance.now();
    const m = event as unknown as MentionEvent;
    const eventId = (body as { event_id?: string }).event_id;
    if (!(await claimAll(deps.dedupe, [eventId && `event:${eventId}`, `mention:${m.channel}:${m.ts}`])))
      return;
    deps.metrics.events.inc({ type: 'app_mention' });
    const words = (m.text ?? '').replace(MENTION, '').trim();
    const where = { channel: m.channel, threadTs: m.thread_ts ?? m.ts };
    let got = await gather(words, m.files, deps.config.botToken ?? '');
    if (words === '' && !m.files?.length && m.thread_ts) {
      // A bare mention in a thread: the question is the thread's first message.
      const replies = await client.conversations.replies({
        channel: m.channel,
        ts: m.thread_ts,
        limit: 1,
        inclusive: true,
      });
      const parent = replies.messages?.[0] as { text?: string; files?: SlackFile[] } | undefined;
      if (parent) got = await gather(parent.text ?? '', parent.files, deps.config.botToken ?? '');
    }
    const handled = await handleTrace(client, deps, {
      text: got.text,
      channel: m.channel,
      threadTs: where.threadTs,
      messageTs: m.ts,
      userId: m.user ?? null,
      surface: 'mention',
      startedAt: started,
    });
    if (handled.answer.report.detected) return;
    const lang = languageOf(words);
    const reply =
      words === ''
        ? helpReply(lang)
        : searchReply(words, deps.kb.search.search(words, { limit: 5 }), deps.kb, lang);
    await postReply(client, deps, where, reply, 'mention', started);
  };
}
