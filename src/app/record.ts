/**
 * Remember an answered trace: record it as an occurrence of its incident, and build the message
 * that shows what the store knows about it. Shared by every surface that answers traces.
 */
import { trendOf } from '../core/trend.ts';
import type { Sample } from '../core/types.ts';
import type { MessageParts } from '../render/message.ts';
import { classifyStoreFailure, type StoreProblem } from '../store/failure.ts';
import type { Mark, Recorded, Store } from '../store/store.ts';
import type { Answer } from './answer.ts';
import { fingerprintOf } from './fingerprint.ts';

/** Where and by whom a trace was pasted. */
export interface Occurrence {
  channel: string;
  threadTs: string | null;
  messageTs: string | null;
  userId: string | null;
}

export type Recording =
  | { ok: true; recorded: Recorded }
  /** The store failed: the answer still goes out, with a note; `error` is for the log. */
  | { ok: false; problem: StoreProblem; error: unknown }
  /** Nothing to record (nothing was detected). */
  | null;

/** Record the answer as an occurrence of its incident; a failing store is a value, never a throw. */
export async function recordOccurrence(
  store: Store,
  done: Answer,
  where: Occurrence,
  now: number,
): Promise<Recording> {
  const fingerprint = done.report.detected ? fingerprintOf(done.report) : null;
  if (!fingerprint) return null;
  const { report } = done;
  try {
    const recorded = await store.record({
      at: now,
      ...where,
      fingerprint,
      title: done.reply.text,
      summary: report.summary,
      findings: report.findings,
      playbook: report.playbook ? { id: report.playbook.id, title: report.playbook.title } : null,
      samples: report.summary.samples,
    });
    return { ok: true, recorded };
  } catch (error) {
    return { ok: false, problem: classifyStoreFailure(error), error };
  }
}

/** What the store knows about an incident now, for its message. */
export interface IncidentState {
  incident: Recorded['incident'];
  elsewhere: Recorded['elsewhere'];
  samples: Sample[];
  marks: Mark[];
}

/** The answer with its incident around it: repeats, the first thread elsewhere, the trend, marks, buttons. */
export function incidentMessage(done: Answer, state: IncidentState): MessageParts {
  const { incident: inc, elsewhere } = state;
  const limit = inc.latestMax ?? done.report.summary.maxBytes;
  const trend = trendOf(state.samples, limit);
  return {
    base: done.reply,
    ...playbookOf(done),
    context: {
      lang: done.report.language,
      incident: {
        id: inc.id,
        occurrences: inc.occurrences,
        firstSeen: inc.firstSeen,
        playbookId: done.report.playbook?.id ?? null,
      },
      ...(trend ? { trend: { trend, maxBytes: limit } } : {}),
      ...(elsewhere?.firstPermalink
        ? { elsewhere: { channel: elsewhere.channel, permalink: elsewhere.firstPermalink } }
        : {}),
      marks: state.marks,
    },
  };
}

/** The answer alone, with a note when the store could not record it. */
export function unrecordedMessage(done: Answer, problem: StoreProblem | null): MessageParts {
  return {
    base: done.reply,
    ...playbookOf(done),
    context: { lang: done.report.language, ...(problem ? { storeProblem: problem } : {}) },
  };
}

/** The full playbook, kept with the parts so a click on its button can show it. */
function playbookOf(done: Answer): Pick<MessageParts, 'playbook'> {
  return done.fullPlaybook ? { playbook: done.fullPlaybook } : {};
}

/** Read back what saveMessage kept (null when nothing usable was kept). */
export function parseMessage(text: string | null): MessageParts | null {
  if (!text) return null;
  try {
    const parts = JSON.parse(text) as MessageParts;
    return Array.isArray(parts?.base?.blocks) && typeof parts.context?.lang === 'string' ? parts : null;
  } catch {
    return null;
  }
}
