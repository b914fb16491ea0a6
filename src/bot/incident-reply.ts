/**
 * Answer a trace and remember it: record the occurrence, then post the reply in the thread, or, for
 * a repeat in the same channel, update the earlier reply ("seen 3 times since 09:12"). A repeat of a
 * failure first seen in another channel links to that first thread.
 */
import type { WebClient } from '@slack/web-api';
import { type Answer, answer } from '../app/answer.ts';
import { fingerprintOf } from '../app/fingerprint.ts';
import { trendOf } from '../core/trend.ts';
import type { Language } from '../core/types.ts';
import { t } from '../i18n/messages.ts';
import type { Block, Reply } from '../render/blocks.ts';
import { clip, escapeMrkdwn } from '../render/mrkdwn.ts';
import { trendLine } from '../render/trend.ts';
import { classifyStoreFailure, type StoreProblem } from '../store/failure.ts';
import type { Incident, Recorded } from '../store/store.ts';
import type { BotDeps } from './deps.ts';
import { postReply } from './post.ts';

export const MARK_ACTIONS = {
  incident_mitigated: 'mitigated',
  incident_resolved: 'resolved',
  feedback_helpful: 'helpful',
  feedback_not_helpful: 'not-helpful',
} as const;

export const STATUS_BLOCK = 'incident-status';
export const SEEN_BLOCK = 'incident-seen';

export interface TraceInput {
  text: string;
  channel: string;
  threadTs: string | null;
  messageTs: string | null;
  userId: string | null;
  surface: string;
  startedAt: number;
}

export interface Handled {
  answer: Answer;
  recorded: Recorded | null;
  /** The reply for a private answer (slash command); thread replies are posted here. */
  reply: Reply;
}

/** Analyze, record, and for thread surfaces post or update the reply. */
export async function handleTrace(
  client: WebClient,
  deps: BotDeps,
  input: TraceInput,
  post = true,
): Promise<Handled> {
  const done = answer(input.text, deps.kb);
  if (!done.report.detected) return { answer: done, recorded: null, reply: done.reply };
  deps.metrics.detected.inc({ surface: input.surface });
  const fp = fingerprintOf(done.report);
  const now = deps.now();
  let recorded: Recorded | null = null;
  let storeProblem: StoreProblem | null = null;
  if (fp) {
    try {
      recorded = await deps.store.record({
        at: now,
        channel: input.channel,
        threadTs: input.threadTs,
        messageTs: input.messageTs,
        userId: input.userId,
        fingerprint: fp,
        title: done.reply.text,
        summary: done.report.summary,
        findings: done.report.findings,
        playbook: done.report.playbook
          ? { id: done.report.playbook.id, title: done.report.playbook.title }
          : null,
        samples: done.report.summary.samples,
      });
    } catch (err) {
      // The answer matters more than the record: say what is wrong, log it, reply all the same.
      storeProblem = classifyStoreFailure(err);
      deps.metrics.errors.inc({ surface: 'store' });
      deps.log.error(
        { err, channel: input.channel, surface: input.surface },
        `incident store failed: ${(err as Error).message}`,
      );
    }
  }
  if (!recorded) {
    const reply = storeProblem ? withStoreNote(done.reply, storeProblem, done.report.language) : done.reply;
    if (post) {
      const where = { channel: input.channel, threadTs: input.threadTs ?? undefined };
      await postReply(client, deps, where, reply, input.surface, input.startedAt);
    }
    return { answer: done, recorded: null, reply };
  }
  const reply = withIncident(done, recorded);
  if (!post) return { answer: done, recorded, reply };
  const rec = recorded;

  await serialized(deps, rec.incident.id, async (moreQueued) => {
    // Read the incident again: an occurrence ahead of this one may have posted the reply meanwhile.
    const inc = (await deps.store.get(rec.incident.id)) ?? rec.incident;
    const permalink = input.messageTs ? await permalinkOf(client, input.channel, input.messageTs) : null;
    if (inc.replyChannel === input.channel && inc.replyTs) {
      // In a burst only the last update matters: the ones queued behind carry fresher counts.
      if (!moreQueued()) {
        const latest = withIncident(done, {
          ...recorded,
          incident: inc,
          samples: await deps.store.samplesOf(inc.id),
        });
        await client.chat.update({
          channel: inc.replyChannel,
          ts: inc.replyTs,
          blocks: latest.blocks as never,
          text: latest.text,
        });
        deps.metrics.replies.inc({ surface: `${input.surface}-update` });
        deps.metrics.latency.observe(
          { surface: input.surface },
          (performance.now() - input.startedAt) / 1000,
        );
      }
      await deps.store.setReply(inc.id, rec.occurrenceId, null, permalink);
      return;
    }
    const where = { channel: input.channel, threadTs: input.threadTs ?? undefined };
    const ts = await postReply(client, deps, where, reply, input.surface, input.startedAt);
    await deps.store.setReply(
      inc.id,
      rec.occurrenceId,
      ts ? { channel: input.channel, ts } : null,
      permalink,
    );
  });
  return { answer: done, recorded, reply };
}

const queues = new WeakMap<BotDeps, { tail: Map<number, Promise<void>>; waiting: Map<number, number> }>();

/**
 * One reply at a time per incident: the first occurrence posts, later ones (a burst of the same
 * paste) wait for it and update that reply instead of posting their own.
 */
async function serialized(
  deps: BotDeps,
  incidentId: number,
  work: (moreQueued: () => boolean) => Promise<void>,
): Promise<void> {
  let q = queues.get(deps);
  if (!q) {
    q = { tail: new Map(), waiting: new Map() };
    queues.set(deps, q);
  }
  const { tail, waiting } = q;
  waiting.set(incidentId, (waiting.get(incidentId) ?? 0) + 1);
  const previous = tail.get(incidentId) ?? Promise.resolve();
  const next = previous
    .catch(() => {})
    .then(() => {
      waiting.set(incidentId, (waiting.get(incidentId) ?? 1) - 1);
      return work(() => (waiting.get(incidentId) ?? 0) > 0);
    });
  tail.set(incidentId, next);
  try {
    await next;
  } finally {
    if (tail.get(incidentId) === next) {
      tail.delete(incidentId);
      waiting.delete(incidentId);
    }
  }
}

function storeProblemText(problem: StoreProblem, lang: Language): string {
  switch (problem.kind) {
    case 'full':
      return t('store.full', lang);
    case 'read-only':
      return t('store.readOnly', lang);
    default:
      return t('store.failing', lang, { message: problem.message });
  }
}

/** The reply with a note that the store could not record it: the answer still goes out. */
export function withStoreNote(reply: Reply, problem: StoreProblem, lang: Language): Reply {
  const text = t('store.note', lang, { why: storeProblemText(problem, lang) });
  const note: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(text) }] };
  const blocks = reply.blocks.length >= 50 ? reply.blocks.slice(0, 49) : reply.blocks;
  return { blocks: [...blocks, note], text: reply.text };
}

async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | null> {
  try {
    const r = await client.chat.getPermalink({ channel, message_ts: ts });
    return r.permalink ?? null;
  } catch {
    return null;
  }
}

/** The reply with what the store knows: how often, the trend, the first thread elsewhere, the buttons. */
export function withIncident(done: Answer, rec: Recorded): Reply {
  const lang = done.report.language;
  const inc = rec.incident;
  const extra: Block[] = [];
  const trend = trendOf(rec.samples, inc.latestMax ?? done.report.summary.maxBytes);
  if (trend)
    extra.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`📈 ${trendLine(trend, inc.latestMax, lang)}`, 3000) },
    });
  const seen: string[] = [];
  if (inc.occurrences > 1) seen.push(seenText(inc, lang));
  if (rec.elsewhere?.firstPermalink) {
    seen.push(
      t('incident.alsoSeen', lang, { channel: rec.elsewhere.channel, link: rec.elsewhere.firstPermalink }),
    );
  }
  if (seen.length > 0)
    extra.push({
      type: 'context',
      block_id: SEEN_BLOCK,
      elements: [{ type: 'mrkdwn', text: seen.join(' · ') }],
    });
  const buttons: Block = {
    type: 'actions',
    block_id: `incident-${inc.id}`,
    elements: (Object.keys(MARK_ACTIONS) as (keyof typeof MARK_ACTIONS)[]).map((id) => ({
      type: 'button',
      action_id: id,
      text: { type: 'plain_text', text: t(`mark.${id}`, lang) },
      value: `${inc.id}|${done.report.playbook?.id ?? ''}`,
      ...(id === 'incident_resolved' ? { style: 'primary' as const } : {}),
    })),
  };
  // The headline and facts first, then trend and repeats, the rest of the reply, the buttons last.
  const [head, ...rest] = done.reply.blocks;
  const blocks = [...(head ? [head] : []), ...extra, ...rest];
  const kept = blocks.length >= 49 ? blocks.slice(0, 48) : blocks;
  return { blocks: [...kept, buttons], text: done.reply.text };
}

function seenText(inc: Incident, lang: Language): string {
  const sec = Math.floor(inc.firstSeen / 1000);
  const fallback = `${new Date(inc.firstSeen).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const since = `<!date^${sec}^{date_short_pretty} {time}|${fallback}>`;
  return t('incident.seen', lang, { n: inc.occurrences, since });
}
