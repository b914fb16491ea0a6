/** Posting replies, with the measurements and logs every surface shares. */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Reply } from '../render/blocks.ts';
import type { BotDeps } from './deps.ts';

export interface Where {
  channel: string;
  threadTs?: string | undefined;
}

export async function postReply(
  client: WebClient,
  deps: BotDeps,
  where: Where,
  reply: Reply,
  surface: string,
  startedAt: number,
): Promise<string | undefined> {
  const res = await client.chat.postMessage({
    channel: where.channel,
    ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    blocks: reply.blocks,
    text: reply.text,
    unfurl_links: false,
    unfurl_media: false,
  });
  deps.metrics.replies.inc({ surface });
  deps.metrics.latency.observe({ surface }, (performance.now() - startedAt) / 1000);
  return res.ts;
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
