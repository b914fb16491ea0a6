/** `file_shared` (only the file id): read the file once, answer in the thread of the message that shared it. */
import type { App } from '@slack/bolt';
import { claimAll } from '../../dedupe.ts';
import type { BotDeps } from '../../deps.ts';
import type { SlackFile } from '../../files.ts';
import { gather } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';

interface FileSharedEvent {
  file_id: string;
  channel_id: string;
  user_id?: string;
}

export function fileSharedListener(deps: BotDeps): Parameters<App['event']>[1] {
  return async ({ event, body, client, context }) => {
    const started = performance.now();
    const e = event as unknown as FileSharedEvent;
    if (context.botUserId && e.user_id === context.botUserId) return;
    if (deps.config.channels.length > 0 && !deps.config.channels.includes(e.channel_id)) return;
    const eventId = (body as { event_id?: string }).event_id;
    if (!(await claimAll(deps.dedupe, [eventId && `event:${eventId}`]))) return;
    deps.metrics.events.inc({ type: 'file_shared' });
    const info = await client.files.info({ file: e.file_id });
    const file = info.file as
      | (SlackFile & { shares?: Record<string, Record<string, { ts: string }[]>> })
      | undefined;
    if (!file) return;
    // The `message` event for the same upload may have read it already: the file id is claimed once.
    const got = await gather('', [file], deps.config.botToken ?? '', deps.dedupe);
    if (got.text === '') return;
    const shares = { ...(file.shares?.public ?? {}), ...(file.shares?.private ?? {}) };
    const threadTs = shares[e.channel_id]?.[0]?.ts ?? null;
    await handleTrace(client, deps, {
      text: got.text,
      channel: e.channel_id,
      threadTs,
      messageTs: threadTs,
      userId: e.user_id ?? null,
      surface: 'file',
      startedAt: started,
    });
  };
}
