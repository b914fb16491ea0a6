/** A message in a watched channel: when it holds a trace (typed or attached), one reply in its thread. */
import type { App } from '@slack/bolt';
import { say, t } from '../../../i18n/messages.ts';
import { claimAll } from '../../dedupe.ts';
import type { BotDeps } from '../../deps.ts';
import type { SlackFile } from '../../files.ts';
import { gather, MAX_FILE_TEXT } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';
import { postReply } from '../../post.ts';
import { textReply } from '../../slack-blocks.ts';

interface MessageEvent {
  type: 'message';
  subtype?: string;
  channel: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  client_msg_id?: string;
  files?: SlackFile[];
}

/** Subtypes that carry something a person just wrote; edits, deletions, joins and bots do not. */
const ANSWERED_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

export function messageListener(deps: BotDeps): Parameters<App['event']>[1] {
  return async ({ event, body, context, client }) => {
    const started = performance.now();
    const m = event as unknown as MessageEvent;
    if (!ANSWERED_SUBTYPES.has(m.subtype) || m.bot_id || (context.botUserId && m.user === context.botUserId))
      return;
    if (deps.config.channels.length > 0 && !deps.config.channels.includes(m.channel)) return;
    // A mention of the bot is answered by the app_mention listener.
    if (context.botUserId && m.text?.includes(`<@${context.botUserId}>`)) return;
    const eventId = (body as { event_id?: string }).event_id;
    const keys = [eventId && `event:${eventId}`, m.client_msg_id && `msg:${m.client_msg_id}`];
    if (!(await claimAll(deps.dedupe, keys))) return;
    deps.metrics.events.inc({ type: 'message' });
    const got = await gather(m.text ?? '', m.files, deps.config.botToken ?? '', deps.dedupe);
    const threadTs = m.thread_ts ?? m.ts;
    const { answer: done, recorded } = await handleTrace(client, deps, {
      text: got.text,
      channel: m.channel,
      threadTs,
      messageTs: m.ts,
      userId: m.user ?? null,
      surface: 'message',
      startedAt: started,
    });
    const report = done.report;
    if (report.detected) {
      const fields = {
        event_id: eventId,
        channel: m.channel,
        kind: report.summary.kind,
        playbook: report.playbook?.id,
      };
      deps.log.info({ ...fields, incident: recorded?.incident.id }, 'answered a trace');
      return;
    }
    // An attached log that could not be read deserves a word; ordinary chatter gets silence.
    const big = got.problems[0];
    if (big) {
      const lang = report.language;
      const text =
        big.reason === 'too-large'
          ? t('bot.tooLarge', lang, { name: big.name, size: say(big.detail, lang), max: MAX_FILE_TEXT })
          : t('bot.unreadable', lang, { name: big.name, detail: say(big.detail, lang) });
      await postReply(client, deps, { channel: m.channel, threadTs }, textReply(text), 'message', started);
    }
  };
}
