/** SQLite rows (snake_case columns) as the store's records. */
import type Database from 'better-sqlite3';
import type { Sample } from '../../core/types.ts';
import type { Incident, Mark } from '../store.ts';

export interface Row {
  [key: string]: unknown;
}

/** The store's compiled-statement cache, shared by the parts of the SQLite store. */
export type Prepare = (sql: string) => Database.Statement;

/** An `incidents` row as an Incident. */
export function toIncident(r: Row): Incident {
  return {
    id: r.id as number,
    channel: r.channel as string,
    fingerprint: r.fingerprint as string,
    status: r.status as Incident['status'],
    kind: r.kind as string,
    framework: (r.framework as string | null) ?? null,
    firstFrame: (r.first_frame as string | null) ?? null,
    title: r.title as string,
    playbookId: (r.playbook_id as string | null) ?? null,
    playbookTitle: (r.playbook_title as string | null) ?? null,
    firstSeen: r.first_seen as number,
    lastSeen: r.last_seen as number,
    occurrences: r.occurrences as number,
    firstThreadTs: (r.first_thread_ts as string | null) ?? null,
    firstPermalink: (r.first_permalink as string | null) ?? null,
    replyChannel: (r.reply_channel as string | null) ?? null,
    replyTs: (r.reply_ts as string | null) ?? null,
    latestUsed: (r.latest_used as number | null) ?? null,
    latestMax: (r.latest_max as number | null) ?? null,
    private: r.private === null || r.private === undefined ? null : r.private === 1,
    replyIntent:
      typeof r.reply_intent === 'string'
        ? {
            key: r.reply_intent,
            threadTs: (r.reply_intent_thread as string | null) ?? null,
            at: r.reply_intent_at as number,
          }
        : null,
  };
}

/** A `marks` row as a Mark. */
export function toMark(r: Row): Mark {
  return {
    incidentId: r.incident_id as number,
    action: r.action as Mark['action'],
    userId: r.user_id as string,
    at: r.at as number,
    playbookId: (r.playbook_id as string | null) ?? null,
  };
}

/** A `samples` row as a Sample. */
export function toSample(r: Row): Sample {
  return { timestamp: r.timestamp as string, usedBytes: r.used_bytes as number };
}
