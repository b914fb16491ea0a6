/**
 * Answer a trace and remember it: record the occurrence, then post the reply in the thread, or, for
 * a repeat in the same channel, update the earlier reply ("seen 3 times since 09:12"). A repeat of a
 * failure first seen in another channel links to that first thread.
 */
import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Piece } from '../app/analysis.ts';
import type { Answer } from '../app/answer.ts';
import type { Unread } from '../app/download.ts';
import {
  type IncidentState,
  incidentMessage,
  type Occurrence,
  recordOccurrence,
  unrecordedMessage,
} from '../app/record.ts';
import type { Language } from '../core/types.ts';
import { t } from '../i18n/messages.ts';
import type { Reply } from '../render/blocks.ts';
import { composeMessage, type MessageParts } from '../render/message.ts';
import type { Incident, Recorded } from '../store/store.ts';
import type { BotDeps } from './deps.ts';
import { findPosted, postReply, type ReplyKey } from './post.ts';
import { textReply } from './replies.ts';
import { serialized } from './reply-queue.ts';

export interface TraceInput extends Omit<Occurrence, 'private'> {
  input: Piece[];
  surface: string;
  startedAt: number;
  /** The event's `channel_type`, when it has one: it saves asking Slack whether the channel is private. */
  channelType?: string | undefined;
  /** The event answered, when Slack may retry it (and a stopped run may have answered it). */
  once?: ReplyKey | undefined;
}

/**
 * What became of a trace: answered (the message's parts: a private answer, a slash command's, is
 * finished from them by its caller), or stopped at the analysis deadline and answered as too large.
 */
export type Handled =
  | {
      status: 'answered';
      answer: Answer;
      recorded: Recorded | null;
      parts: MessageParts;
      /** Attached files that could not be downloaded. */
      unread: Unread[];
    }
  | { status: 'too-slow'; parts: MessageParts };

/** Analyze, record, and for thread surfaces post or update the reply. */
export async function handleTrace(
  client: WebClient,
  deps: BotDeps,
  input: TraceInput,
  post = true,
): Promise<Handled> {
  const analysed = await deps.analysis.analyse({ input: input.input });
  if (analysed.status === 'too-slow') return tooSlow(client, deps, input, analysed, post);
  const { answer: done, unread } = analysed;
  if (!done.report.detected)
    return { status: 'answered', answer: done, recorded: null, parts: unrecordedMessage(done, null), unread };
  deps.metrics.detected.inc({ surface: input.surface });
  const { channel, threadTs, messageTs, userId } = input;
  // Kept with the incident: a private channel's incidents are shown only to its members.
  const priv = await deps.access.isPrivate(channel, input.channelType);
  const recording = await recordOccurrence(
    deps.store,
    done,
    { channel, threadTs, messageTs, userId, private: priv },
    deps.now(),
  );
  if (!recording?.ok) {
    if (recording) {
      // The answer matters more than the record: say what is wrong, log it, reply all the same.
      deps.metrics.errors.inc({ surface: 'store' });
      deps.log.error(
        { err: recording.error, channel, surface: input.surface },
        `incident store failed: ${(recording.error as Error).message}`,
      );
    }
    const parts = unrecordedMessage(done, recording?.problem ?? null);
    if (post) {
      // No record keeps these parts: memory does, for a while, so the Full playbook button works.
      const posted = parts.playbook
        ? { ...parts, context: { ...parts.context, keptId: deps.shared.keep(parts) } }
        : parts;
      await postIn(client, deps, input, composeMessage(posted), input.once);
    }
    return { status: 'answered', answer: done, recorded: null, parts, unread };
  }
  const rec = recording.recorded;
  const parts = incidentMessage(done, { ...rec, marks: await deps.store.marksOf([rec.incident.id]) });
  if (!post) return { status: 'answered', answer: done, recorded: rec, parts, unread };

  await serialized(deps, rec.incident.id, async (moreQueued) => {
    // Read the incident again: an occurrence ahead of this one may have posted the reply meanwhile.
    const now = (await deps.store.get(rec.incident.id)) ?? rec.incident;
    const inc = await adoptTornReply(client, deps, now, rec.occurrenceId);
    const permalink = messageTs ? await permalinkOf(client, channel, messageTs) : null;
    if (inc.replyChannel === channel && inc.replyTs) {
      // In a burst only the last update matters: the ones queued behind carry fresher counts.
      if (!moreQueued()) {
        const latest = incidentMessage(done, await stateOf(deps, rec, inc));
        await update(client, deps, inc.id, { channel, ts: inc.replyTs }, latest, input);
      }
      await deps.store.setReply(inc.id, rec.occurrenceId, null, permalink);
      return;
    }
    // Kept before posting: if this process dies between the post and saving its timestamp, the
    // next occurrence (or this event answered again) finds the reply instead of posting another.
    const once = input.once ?? { key: `reply:${randomUUID()}`, rerun: false };
    await deps.store.setReplyIntent(inc.id, { key: once.key, threadTs: input.threadTs, at: deps.now() });
    const ts = await postIn(client, deps, input, composeMessage(parts), { key: once.key, rerun: false });
    await deps.store.setReply(inc.id, rec.occurrenceId, ts ? { channel, ts } : null, permalink);
    await deps.store.saveMessage(inc.id, JSON.stringify(parts));
  });
  return { status: 'answered', answer: done, recorded: rec, parts, unread };
}

/** The analysis ran past its deadline: say so, and what to do instead, in the paste's language. */
async function tooSlow(
  client: WebClient,
  deps: BotDeps,
  input: TraceInput,
  { deadlineMs, language: lang }: { deadlineMs: number; language: Language },
  post: boolean,
): Promise<Handled> {
  const parts: MessageParts = {
    base: textReply(t('bot.tooSlow', lang, { seconds: deadlineMs / 1000 })),
    context: { lang },
  };
  const files = input.input.flatMap((p) => (typeof p === 'object' && 'url' in p ? [p.name] : []));
  deps.log.warn(
    { channel: input.channel, surface: input.surface, files, deadlineMs },
    'analysis stopped at its deadline; answered that the paste is too large',
  );
  if (post) await postIn(client, deps, input, composeMessage(parts), input.once);
  return { status: 'too-slow', parts };
}

/** Post in the input's thread, counted for its surface from the moment it arrived. */
function postIn(
  client: WebClient,
  deps: BotDeps,
  input: TraceInput,
  reply: Reply,
  once: ReplyKey | undefined,
): Promise<string | undefined> {
  return postReply(client, deps, where(input), reply, input.surface, input.startedAt, once);
}

/**
 * An incident whose reply was posted by a run that died before saving the reply's timestamp: the
 * reply is found by the intent kept before the post, and saved, so it is updated, not posted again.
 */
async function adoptTornReply(
  client: WebClient,
  deps: BotDeps,
  inc: Incident,
  occurrenceId: number,
): Promise<Incident> {
  if (inc.replyTs || !inc.replyIntent) return inc;
  const ts = await findPosted(client, deps, inc.channel, inc.replyIntent);
  if (!ts) return inc;
  deps.log.info({ incident: inc.id, ts }, 'found the reply a stopped run posted');
  await deps.store.setReply(inc.id, occurrenceId, { channel: inc.channel, ts }, null);
  return { ...inc, replyChannel: inc.channel, replyTs: ts };
}

/** The incident as the store has it now: its readings and marks across every occurrence. */
async function stateOf(deps: BotDeps, rec: Recorded, inc: Recorded['incident']): Promise<IncidentState> {
  const [samples, marks] = await Promise.all([deps.store.samplesOf(inc.id), deps.store.marksOf([inc.id])]);
  return { incident: inc, elsewhere: rec.elsewhere, samples, marks };
}

/** Update the incident's reply in place, and keep what it was built from. */
async function update(
  client: WebClient,
  deps: BotDeps,
  incidentId: number,
  at: { channel: string; ts: string },
  parts: MessageParts,
  input: TraceInput,
): Promise<void> {
  const reply: Reply = composeMessage(parts);
  await client.chat.update({ ...at, blocks: reply.blocks, text: reply.text });
  await deps.store.saveMessage(incidentId, JSON.stringify(parts));
  deps.metrics.replies.inc({ surface: `${input.surface}-update` });
  deps.metrics.latency.observe({ surface: input.surface }, (performance.now() - input.startedAt) / 1000);
}

function where(input: TraceInput): { channel: string; threadTs?: string } {
  return { channel: input.channel, ...(input.threadTs ? { threadTs: input.threadTs } : {}) };
}

async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | null> {
  try {
    const r = await client.chat.getPermalink({ channel, message_ts: ts });
    return r.permalink ?? null;
  } catch {
    return null;
  }
}
