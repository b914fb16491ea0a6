/**
 * Answer a trace and remember it: record the occurrence, then post the reply in the thread, or, for
 * a repeat in the same channel, update the earlier reply ("seen 3 times since 09:12"). A repeat of a
 * failure first seen in another channel links to that first thread.
 */
import type { WebClient } from '@slack/web-api';
import { type Answer, answer } from '../app/answer.ts';
import {
  type IncidentState,
  incidentMessage,
  type Occurrence,
  recordOccurrence,
  unrecordedMessage,
} from '../app/record.ts';
import type { Reply } from '../render/blocks.ts';
import { composeMessage, type MessageParts } from '../render/message.ts';
import type { Recorded } from '../store/store.ts';
import type { BotDeps } from './deps.ts';
import { postReply } from './post.ts';
import { serialized } from './reply-queue.ts';

export interface TraceInput extends Occurrence {
  text: string;
  surface: string;
  startedAt: number;
}

export interface Handled {
  answer: Answer;
  recorded: Recorded | null;
  /** The message's parts: a private answer (slash command) is finished from them by its caller. */
  parts: MessageParts;
}

/** Analyze, record, and for thread surfaces post or update the reply. */
export async function handleTrace(
  client: WebClient,
  deps: BotDeps,
  input: TraceInput,
  post = true,
): Promise<Handled> {
  const done = answer(input.text, deps.kb);
  if (!done.report.detected) return { answer: done, recorded: null, parts: unrecordedMessage(done, null) };
  deps.metrics.detected.inc({ surface: input.surface });
  const { channel, threadTs, messageTs, userId } = input;
  const recording = await recordOccurrence(
    deps.store,
    done,
    { channel, threadTs, messageTs, userId },
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
      await postReply(client, deps, where(input), composeMessage(posted), input.surface, input.startedAt);
    }
    return { answer: done, recorded: null, parts };
  }
  const rec = recording.recorded;
  const parts = incidentMessage(done, { ...rec, marks: await deps.store.marksOf([rec.incident.id]) });
  if (!post) return { answer: done, recorded: rec, parts };

  await serialized(deps, rec.incident.id, async (moreQueued) => {
    // Read the incident again: an occurrence ahead of this one may have posted the reply meanwhile.
    const inc = (await deps.store.get(rec.incident.id)) ?? rec.incident;
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
    const ts = await postReply(
      client,
      deps,
      where(input),
      composeMessage(parts),
      input.surface,
      input.startedAt,
    );
    await deps.store.setReply(inc.id, rec.occurrenceId, ts ? { channel, ts } : null, permalink);
    await deps.store.saveMessage(inc.id, JSON.stringify(parts));
  });
  return { answer: done, recorded: rec, parts };
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
