/** A message in a watched channel: when it holds a trace (typed or attached), one reply in its thread. */
import type { App } from '@slack/bolt';
import { answer } from '../../../answer.ts';
import { claimAll } from '../../dedupe.ts';
import type { BotDeps } from '../../deps.ts';
import type { SlackFile } from '../../files.ts';
import { gather, MAX_FILE_TEXT } from '../../gather.ts';
import { postReply } from '../../post.ts';
import { say, textReply } from '../../slack-blocks.ts';

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
    if (
      !(await claimAll(deps.dedupe, [
        eventId && `event:${eventId}`,
        m.client_msg_id && `msg:${m.client_msg_id}`,
      ]))
    )
      return;
    deps.metrics.events.inc({ type: 'message' });
    const got = await gather(m.text ?? '', m.files, deps.config.botToken ?? '', deps.dedupe);
    const where = { channel: m.channel, threadTs: m.thread_ts ?? m.ts };
    const { report, reply } = answer(got.text, deps.kb);
    if (report.detected) {
      deps.metrics.detected.inc({ surface: 'message' });
      await postReply(client, deps, where, reply, 'message', started);
      deps.log.info(
        { event_id: eventId, channel: m.channel, kind: report.summary.kind, playbook: report.playbook?.id },
        'answered a trace',
      );
      return;
    }
    // An attached log that could not be read deserves a word; ordinary chatter gets silence.
    const big = got.problems[0];
    if (big) {
      const lang = report.language;
      const text =
        big.reason === 'too-large'
          ? say('tooLarge', lang, { name: big.name, size: big.detail, max: MAX_FILE_TEXT })
          : say('unreadable', lang, { name: big.name, detail: big.detail });
      await postReply(client, deps, where, textReply(text), 'message', started);
    }
  };
}
