/**
 * What the outbox keeps of an event: its envelope and ids, never what was pasted. The text and
 * files of a message are read again from Slack when the event is answered after a restart, so
 * the store holds no unmasked paste, and a message deleted meanwhile is not answered.
 */
import type { WebClient } from '@slack/web-api';

/** The parts of an event that carry what was written. */
const CONTENT = ['text', 'blocks', 'attachments', 'files', 'message', 'previous_message'] as const;

type Envelope = Record<string, unknown> & { event?: Record<string, unknown> };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The event without what was written in it. */
export function withoutContent(body: unknown): Envelope {
  if (!isRecord(body)) return {};
  const event = isRecord(body.event) ? { ...body.event } : undefined;
  if (event) for (const k of CONTENT) delete event[k];
  return { ...body, ...(event ? { event } : {}) };
}

/**
 * The event with its message read again from Slack; null when the message is gone or Slack cannot
 * say. Events that carry no writing (file_shared) come back as they were kept.
 */
export async function withContent(client: WebClient, kept: Envelope): Promise<Envelope | null> {
  const e = kept.event;
  if (!e || (e.type !== 'message' && e.type !== 'app_mention')) return kept;
  const channel = String(e.channel ?? '');
  const ts = String(e.ts ?? '');
  const thread = typeof e.thread_ts === 'string' && e.thread_ts !== ts ? e.thread_ts : null;
  const one = { channel, latest: ts, oldest: ts, inclusive: true, limit: 5 };
  const page = thread
    ? await client.conversations.replies({ ...one, ts: thread, limit: 10 })
    : await client.conversations.history(one);
  const found = page.messages?.find((m) => m.ts === ts);
  if (!found) return null;
  const content: Record<string, unknown> = {};
  for (const k of CONTENT) if (k in found) content[k] = (found as Record<string, unknown>)[k];
  return { ...kept, event: { ...e, ...content } };
}
