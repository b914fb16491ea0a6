/**
 * Facts pasted later in an incident's thread — the JVM flags in force, a second reading, leak
 * records, versions — are what the first answer asked for: the thread is read again as one paste
 * (people's messages, oldest first), and the incident's reply is built again from that answer.
 */
import type { WebClient } from '@slack/web-api';
import type { Piece } from '../app/analysis.ts';
import { incidentMessage, parseMessage } from '../app/record.ts';
import { t } from '../i18n/messages.ts';
import { composeMessage } from '../render/message.ts';
import type { BotDeps } from './deps.ts';
import type { SlackFile } from './files.ts';
import { gather } from './gather.ts';
import { postReply, type ReplyKey } from './post.ts';
import { textReply } from './replies.ts';

/** How much of a thread is read again: an incident thread is a conversation, not a log. */
const THREAD_LIMIT = 100;

export interface FollowUp {
  channel: string;
  threadTs: string;
  startedAt: number;
  /** The event answered: its note is marked with it, so an event answered again after a restart posts it once. */
  once?: ReplyKey | undefined;
}

/**
 * Answer the incident's thread again with everything people wrote in it. True when the thread had
 * an incident and its reply was updated.
 */
export async function answerFollowUp(client: WebClient, deps: BotDeps, f: FollowUp): Promise<boolean> {
  const incident = await deps.store.incidentInThread(f.channel, f.threadTs);
  if (!incident?.replyTs || incident.replyChannel !== f.channel) return false;
  const thread = await client.conversations.replies({
    channel: f.channel,
    ts: f.threadTs,
    limit: THREAD_LIMIT,
    inclusive: true,
  });
  const input: Piece[] = [];
  for (const m of thread.messages ?? []) {
    if (m.bot_id) continue;
    const files: SlackFile[] | undefined = m.files;
    input.push(...(await gather(m.text ?? '', files, deps.files)).input);
  }
  // A thread too long to read again in time leaves the reply as it was.
  const analysed = await deps.analysis.analyse({ input });
  if (analysed.status === 'too-slow') return false;
  const done = analysed.answer;
  if (!done.report.detected) return false;
  const [samples, marks] = await Promise.all([
    deps.store.samplesOf(incident.id),
    deps.store.marksOf([incident.id]),
  ]);
  const parts = incidentMessage(done, { incident, elsewhere: null, samples, marks });
  // Chatter adds nothing: the reply stays as it is, and so does the thread.
  const before = parseMessage(await deps.store.messageOf(incident.id));
  if (before && JSON.stringify(before.base) === JSON.stringify(parts.base)) return true;
  const reply = composeMessage(parts);
  await client.chat.update({
    channel: f.channel,
    ts: incident.replyTs,
    blocks: reply.blocks,
    text: reply.text,
  });
  await deps.store.saveMessage(incident.id, JSON.stringify(parts));
  const lang = done.report.language;
  const titles = new Map(deps.kb.analyzer.scenarios.map((s) => [s.id as string, s.title[lang]]));
  const top = done.report.findings[0];
  const verdict = top ? (titles.get(top.scenario) ?? top.scenario) : '';
  const key = done.report.verdict?.decided ? 'followUp.decided' : 'followUp.undecided';
  await postReply(
    client,
    deps,
    { channel: f.channel, threadTs: f.threadTs },
    textReply(t(key, lang, { verdict })),
    'follow-up',
    f.startedAt,
    f.once,
  );
  return true;
}
