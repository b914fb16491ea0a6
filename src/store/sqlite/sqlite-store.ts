/** The incident store in one SQLite file (better-sqlite3, WAL): survives restarts and kills. */
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Sample } from '../../core/types.ts';
import type {
  Claimant,
  Incident,
  Mark,
  NewOccurrence,
  PlaybookFeedback,
  Recorded,
  ReplyIntent,
  Store,
  Toggled,
  Unanswered,
} from '../store.ts';
import { SqliteMarks } from './marks.ts';
import { openDatabase } from './open.ts';
import { SqliteOutbox } from './outbox.ts';
import { type Row, toIncident, toSample } from './rows.ts';

/** A channel's privacy as a column: 1 private, 0 public, NULL not known. */
const privacyOf = (p: boolean | null) => (p === null ? null : p ? 1 : 0);

/**
 * The store's methods run better-sqlite3's synchronous calls and hand back settled promises: one
 * process owns the file, and a transaction never waits on the event loop halfway through.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  readonly file: string;

  /** Statements compiled once and reused: preparing on every call piles up native memory. */
  private readonly statements = new Map<string, Database.Statement>();

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private readonly outbox: SqliteOutbox;
  private readonly marks: SqliteMarks;

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.file = resolve(file);
    this.db = openDatabase(this.file);
    this.outbox = new SqliteOutbox(this.db, (sql) => this.stmt(sql), now);
    this.marks = new SqliteMarks(this.db, (sql) => this.stmt(sql));
  }

  async claim(key: string, by?: string): Promise<boolean> {
    return this.outbox.claim(key, by ?? null);
  }

  async begin(key: string, work: string, by: Claimant, leaseMs: number): Promise<{ attempt: number } | null> {
    return this.outbox.begin(key, work, by, leaseMs);
  }

  async finish(key: string): Promise<void> {
    this.outbox.finish(key);
  }

  async takeOver(by: Claimant, leaseMs: number, limit: number): Promise<Unanswered[]> {
    return this.outbox.takeOver(by, leaseMs, limit);
  }

  async record(o: NewOccurrence): Promise<Recorded> {
    const tx = this.db.transaction((): Recorded => {
      const fp = o.fingerprint;
      // The same message recorded again (its event answered again after a restart) is one occurrence.
      const again = o.messageTs
        ? (this.stmt(
            'SELECT id, incident_id FROM occurrences WHERE channel = ? AND message_ts = ? LIMIT 1',
          ).get(o.channel, o.messageTs) as Row | undefined)
        : undefined;
      if (again) return this.recorded(again.incident_id as number, again.id as number, fp.key, o.channel);
      const existing = this.stmt(
        "SELECT * FROM incidents WHERE fingerprint = ? AND channel = ? AND status != 'resolved' ORDER BY id DESC LIMIT 1",
      ).get(fp.key, o.channel) as Row | undefined;
      let id: number;
      const isNew = !existing;
      if (existing) {
        id = existing.id as number;
        // Once private, always: a channel made private later hides what it recorded before.
        this.stmt(
          `UPDATE incidents SET last_seen = max(last_seen, ?), occurrences = occurrences + 1,
             latest_used = coalesce(?, latest_used), latest_max = coalesce(?, latest_max),
             private = CASE WHEN ? = 1 THEN 1 ELSE coalesce(private, ?) END WHERE id = ?`,
        ).run(o.at, o.summary.usedBytes, o.summary.maxBytes, privacyOf(o.private), privacyOf(o.private), id);
      } else {
        id = Number(
          this.stmt(
            `INSERT INTO incidents (channel, fingerprint, kind, exception_class, framework, first_frame, max_bytes, title,
                 playbook_id, playbook_title, first_seen, last_seen, occurrences, first_thread_ts, latest_used, latest_max, private)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
          ).run(
            o.channel,
            fp.key,
            fp.kind,
            fp.exceptionClass,
            fp.framework,
            fp.firstFrame,
            fp.maxBytes,
            o.title,
            o.playbook?.id ?? null,
            o.playbook?.title ?? null,
            o.at,
            o.at,
            o.threadTs,
            o.summary.usedBytes,
            o.summary.maxBytes,
            privacyOf(o.private),
          ).lastInsertRowid,
        );
      }
      const occurrenceId = Number(
        this.stmt(
          `INSERT INTO occurrences (incident_id, at, channel, thread_ts, message_ts, user_id, summary_json, findings_json, playbook_id, used_bytes, max_bytes)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          o.at,
          o.channel,
          o.threadTs,
          o.messageTs,
          o.userId,
          JSON.stringify(o.summary),
          JSON.stringify(o.findings),
          o.playbook?.id ?? null,
          o.summary.usedBytes,
          o.summary.maxBytes,
        ).lastInsertRowid,
      );
      const addSample = this.stmt(
        'INSERT OR IGNORE INTO samples (incident_id, timestamp, used_bytes) VALUES (?, ?, ?)',
      );
      for (const s of o.samples.slice(0, 200)) addSample.run(id, s.timestamp, s.usedBytes);
      return { ...this.recorded(id, occurrenceId, fp.key, o.channel), isNew };
    });
    return tx.immediate();
  }

  /** The recording of an occurrence as the store has it now. */
  private recorded(id: number, occurrenceId: number, fingerprint: string, channel: string): Recorded {
    // Linked from a reply everyone in `channel` reads: only a thread known to be public.
    const elsewhere = this.stmt(
      'SELECT * FROM incidents WHERE fingerprint = ? AND channel != ? AND private = 0 ORDER BY first_seen ASC LIMIT 1',
    ).get(fingerprint, channel) as Row | undefined;
    const first = this.stmt('SELECT min(id) AS id FROM occurrences WHERE incident_id = ?').get(id) as Row;
    return {
      incident: toIncident(this.stmt('SELECT * FROM incidents WHERE id = ?').get(id) as Row),
      occurrenceId,
      isNew: first.id === occurrenceId,
      elsewhere: elsewhere ? toIncident(elsewhere) : null,
      samples: this.readings(id),
    };
  }

  async setReplyIntent(incidentId: number, intent: ReplyIntent): Promise<void> {
    this.stmt(
      'UPDATE incidents SET reply_intent = ?, reply_intent_thread = ?, reply_intent_at = ? WHERE id = ?',
    ).run(intent.key, intent.threadTs, intent.at, incidentId);
  }

  async setReply(
    incidentId: number,
    occurrenceId: number,
    reply: { channel: string; ts: string } | null,
    permalink: string | null,
  ): Promise<void> {
    const tx = this.db.transaction(() => {
      if (reply) {
        this.stmt(
          'UPDATE incidents SET reply_channel = coalesce(reply_channel, ?), reply_ts = coalesce(reply_ts, ?) WHERE id = ?',
        ).run(reply.channel, reply.ts, incidentId);
      }
      if (permalink) {
        this.stmt('UPDATE occurrences SET permalink = ? WHERE id = ?').run(permalink, occurrenceId);
        this.stmt('UPDATE incidents SET first_permalink = coalesce(first_permalink, ?) WHERE id = ?').run(
          permalink,
          incidentId,
        );
      }
    });
    tx.immediate();
  }

  async saveMessage(incidentId: number, message: string): Promise<void> {
    this.stmt('UPDATE incidents SET message = ? WHERE id = ?').run(message, incidentId);
  }

  async messageOf(incidentId: number): Promise<string | null> {
    const r = this.stmt('SELECT message FROM incidents WHERE id = ?').get(incidentId) as
      | { message: string | null }
      | undefined;
    return r?.message ?? null;
  }

  async mark(m: Mark): Promise<Toggled | null> {
    return this.marks.mark(m);
  }

  async marksOf(incidentIds: number[]): Promise<Mark[]> {
    return this.marks.marksOf(incidentIds);
  }

  async feedback(): Promise<PlaybookFeedback[]> {
    return this.marks.feedback();
  }

  async get(incidentId: number): Promise<Incident | null> {
    const r = this.stmt('SELECT * FROM incidents WHERE id = ?').get(incidentId) as Row | undefined;
    return r ? toIncident(r) : null;
  }

  async samplesOf(incidentId: number): Promise<Sample[]> {
    return this.readings(incidentId);
  }

  private readings(incidentId: number): Sample[] {
    return (
      this.stmt('SELECT timestamp, used_bytes FROM samples WHERE incident_id = ? ORDER BY timestamp').all(
        incidentId,
      ) as Row[]
    ).map(toSample);
  }

  async incidentInThread(channel: string, threadTs: string): Promise<Incident | null> {
    const r = this.stmt(
      `SELECT incidents.* FROM incidents JOIN occurrences ON occurrences.incident_id = incidents.id
         WHERE occurrences.channel = ? AND occurrences.thread_ts = ? ORDER BY incidents.id DESC LIMIT 1`,
    ).get(channel, threadTs) as Row | undefined;
    return r ? toIncident(r) : null;
  }

  async incidentsSince(since: number, channels?: string | readonly string[]): Promise<Incident[]> {
    const list = typeof channels === 'string' ? [channels] : channels;
    const rows = this.stmt(
      `SELECT * FROM incidents WHERE last_seen >= ?
         ${list ? 'AND channel IN (SELECT value FROM json_each(?))' : ''}
         ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'mitigated' THEN 1 ELSE 2 END, last_seen DESC`,
    ).all(...(list ? [since, JSON.stringify(list)] : [since])) as Row[];
    return rows.map(toIncident);
  }

  async openIncidents(limit: number): Promise<Incident[]> {
    return (
      this.stmt("SELECT * FROM incidents WHERE status != 'resolved' ORDER BY last_seen DESC LIMIT ?").all(
        limit,
      ) as Row[]
    ).map(toIncident);
  }

  async saveHandoff(at: number, text: string): Promise<void> {
    this.stmt('INSERT INTO handoffs (at, text) VALUES (?, ?)').run(at, text);
  }

  async lastHandoff(): Promise<{ at: number; text: string } | null> {
    const r = this.stmt('SELECT at, text FROM handoffs ORDER BY at DESC, id DESC LIMIT 1').get() as
      | Row
      | undefined;
    return r ? { at: r.at as number, text: r.text as string } : null;
  }

  async purge(before: number): Promise<number> {
    const tx = this.db.transaction(() => {
      this.outbox.purge();
      this.stmt('DELETE FROM handoffs WHERE at < ?').run(before);
      return this.stmt('DELETE FROM incidents WHERE last_seen < ?').run(before).changes;
    });
    return tx.immediate();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
