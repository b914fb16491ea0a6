/** Posting replies, with the measurements and logs every surface shares. */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../render/blocks.ts';
import type { ReplyIntent } from '../store/store.ts';
import type { BotDeps } from './deps.ts';

export interface Where {
  channel: string;
  threadTs?: string | undefined;
}

/** The event a reply answers, and whether a stopped run may have answered it already. */
export interface ReplyKey {
  key: string;
  rerun: boolean;
}

/** The metadata event that marks each reply with the event it answers, so it can be found again. */
export const REPLY_EVENT = 'netty_oom_reply';

/** The key of the event a listener answers (none for surfaces Slack does not retry). */
export function replyKeyOf(
  body: { event_id?: unknown },
  context: Record<string, unknown>,
): ReplyKey | undefined {
  return typeof body.event_id === 'string'
    ? { key: `event:${body.event_id}`, rerun: context.rerun === true }
    : undefined;
}

/**
 * Post a reply, marked with the event it answers. An event answered again after a restart first
 * looks for the reply a stopped run posted, and posts only when there is none.
 */
export async function postReply(
  client: WebClient,
  deps: BotDeps,
  where: Where,
  reply: Reply,
  surface: string,
  startedAt: number,
  once?: ReplyKey,
): Promise<string | undefined> {
  if (once?.rerun) {
    const posted = await findPosted(client, deps, where.channel, {
      key: once.key,
      threadTs: where.threadTs ?? null,
      at: deps.now(),
    });
    if (posted) return posted;
  }
  const res = await client.chat.postMessage({
    channel: where.channel,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    blocks: reply.blocks,
    text: reply.text,
    unfurl_links: false,
    unfurl_media: false,
    ...(once ? { metadata: { event_type: REPLY_EVENT, event_payload: { key: once.key } } } : {}),
  });
  deps.metrics.replies.inc({ surface });
  deps.metrics.latency.observe({ surface }, (performance.now() - startedAt) / 1000);
  return res.ts;
}

/**
 * The timestamp of the bot's message carrying `intent.key`, in its thread (or among the channel's
 * latest messages); null when there is none, or Slack cannot say (then the reply is posted).
 */
export async function findPosted(
  client: WebClient,
  deps: BotDeps,
  channel: string,
  intent: ReplyIntent,
): Promise<string | null> {
  try {
    const page = intent.threadTs
      ? await client.conversations.replies({
          channel,
          ts: intent.threadTs,
          include_all_metadata: true,
          limit: 200,
        })
      : await client.conversations.history({ channel, include_all_metadata: true, limit: 100 });
    // The payload is typed as an empty object: read its one field as what it is, unknown.
    const keyOf = (payload: object | undefined): unknown =>
      payload && 'key' in payload ? payload.key : undefined;
    const found = page.messages?.find(
      (m) => m.metadata?.event_type === REPLY_EVENT && keyOf(m.metadata.event_payload) === intent.key,
    );
    return found?.ts ?? null;
  } catch (err) {
    deps.log.warn({ err, channel, key: intent.key }, 'could not look for an earlier reply; posting');
    return null;
  }
}

/** Answer a click only to the person who clicked, leaving the message they clicked as it is. */
export async function respondPrivately(respond: RespondFn, reply: Reply): Promise<void> {
  await respond({
    response_type: 'ephemeral',
    replace_original: false,
    blocks: reply.blocks,
    text: reply.text,
  });
}

/** A short reference for an error, shown to the user and written in the log line. */
export function errorRef(): string {
  return Math.random().toString(36).slice(2, 8);
}
