/** A message in a watched channel: when it holds a trace (typed or attached), one reply in its thread. */
import type { Middleware, SlackEventMiddlewareArgs, types } from '@slack/bolt';
import type { BotDeps } from '../../deps.ts';
import { answerFollowUp } from '../../follow-up.ts';
import { gather, problemText } from '../../gather.ts';
import { handleTrace } from '../../incident-reply.ts';
import { postReply, replyKeyOf } from '../../post.ts';
import { textReply } from '../../replies.ts';

/** What a person just wrote (typed, a file shared, a thread reply sent to the channel); not edits, joins or bots. */
export function writtenByAPerson(e: types.AllMessageEvents) {
  if (e.subtype === undefined || e.subtype === 'file_share' || e.subtype === 'thread_broadcast') {
    return e.subtype === undefined && e.bot_id ? null : e;
  }
  return null;
}

/** Messages from people, not the bot itself, and not mentions of it (the app_mention listener answers those). */
export function fromAPerson(): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ event, context, next }) => {
    const m = writtenByAPerson(event);
    if (!m || (context.botUserId && m.user === context.botUserId)) return;
    if (context.botUserId && m.text?.includes(`<@${context.botUserId}>`)) return;
    await next();
  };
}

/** Keys that identify the message across Slack's retries: the event id and the client's message id. */
export function messageKeys({ event, body }: SlackEventMiddlewareArgs<'message'>): (string | undefined)[] {
  const m = writtenByAPerson(event);
  const clientId = m && 'client_msg_id' in m ? m.client_msg_id : undefined;
  return [`event:${body.event_id}`, clientId && `msg:${clientId}`];
}

export function messageListener(deps: BotDeps): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ event, body, client, context }) => {
    const started = performance.now();
    const m = writtenByAPerson(event);
    if (!m) return;
    const files = 'files' in m ? m.files : undefined;
    const once = replyKeyOf(body, context);
    const got = await gather(m.text ?? '', files, deps.files, deps.dedupe, once?.key);
    const threadTs = m.thread_ts ?? m.ts;
    const handled = await handleTrace(client, deps, {
      input: got.input,
      channel: m.channel,
      threadTs,
      messageTs: m.ts,
      userId: m.user ?? null,
      channelType: m.channel_type,
      once,
      surface: 'message',
      startedAt: started,
    });
    if (handled.status === 'too-slow') return;
    const report = handled.answer.report;
    if (report.detected) {
      const fields = { event_id: body.event_id, channel: m.channel, kind: report.summary.kind };
      deps.log.info(
        { ...fields, playbook: report.playbook?.id, incident: handled.recorded?.incident.id },
        'answered a trace',
      );
      return;
    }
    // In an incident's thread, what people add is read with the first paste: the facts it asked for.
    if (m.thread_ts && m.thread_ts !== m.ts && got.problems.length === 0) {
      const followed = await answerFollowUp(client, deps, {
        channel: m.channel,
        threadTs: m.thread_ts,
        startedAt: started,
        once,
      });
      if (followed) {
        deps.log.info({ event_id: body.event_id, channel: m.channel }, 'answered a follow-up in a thread');
        return;
      }
    }
    // An attached log that could not be read deserves a word; ordinary chatter gets silence.
    const big = [...got.problems, ...handled.unread][0];
    if (big) {
      const text = problemText(big, report.language);
      const where = { channel: m.channel, threadTs };
      await postReply(client, deps, where, textReply(text), 'message', started, once);
    }
  };
}
