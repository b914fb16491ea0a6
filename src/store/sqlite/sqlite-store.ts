/** The incident store in one SQLite file (better-sqlite3, WAL): survives restarts and kills. */
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Sample } from '../../core/types.ts';
import {
  DEDUPE_TTL,
  type Incident,
  type Mark,
  type NewOccurrence,
  type PlaybookFeedback,
  type Recorded,
  type Store,
} from '../store.ts';
import { openDatabase } from './open.ts';
import { type Row, toIncident, toMark, toSample } from './rows.ts';

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

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    this.file = resolve(file);
    this.db = openDatabase(this.file);
  }

  async claim(key: string): Promise<boolean> {
    const t = this.now();
    const r = this.stmt(
      'INSERT INTO dedupe (key, expires) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET expires = excluded.expires WHERE dedupe.expires < ?',
    ).run(key, t + DEDUPE_TTL, t);
    return r.changes > 0;
  }

  async record(o: NewOccurrence): Promise<Recorded> {
    const tx = this.db.transaction((): Recorded => {
      const fp = o.fingerprint;
      const existing = this.stmt(
        "SELECT * FROM incidents WHERE fingerprint = ? AND channel = ? AND status != 'resolved' ORDER BY id DESC LIMIT 1",
      ).get(fp.key, o.channel) as Row | undefined;
      let id: number;
      const isNew = !existing;
      if (existing) {
        id = existing.id as number;
        this.stmt(
          'UPDATE incidents SET last_seen = max(last_seen, ?), occurrences = occurrences + 1, latest_used = coalesce(?, latest_used), latest_max = coalesce(?, latest_max) WHERE id = ?',
        ).run(o.at, o.summary.usedBytes, o.summary.maxBytes, id);
      } else {
        id = Number(
          this.stmt(
            `INSERT INTO incidents (channel, fingerprint, kind, exception_class, framework, first_frame, max_bytes, title,
                 playbook_id, playbook_title, first_seen, last_seen, occurrences, first_thread_ts, latest_used, latest_max)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
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
      const elsewhere = this.stmt(
        'SELECT * FROM incidents WHERE fingerprint = ? AND channel != ? ORDER BY first_seen ASC LIMIT 1',
      ).get(fp.key, o.channel) as Row | undefined;
      return {
        incident: toIncident(this.stmt('SELECT * FROM incidents WHERE id = ?').get(id) as Row),
        occurrenceId,
        isNew,
        elsewhere: elsewhere ? toIncident(elsewhere) : null,
        samples: this.readings(id),
      };
    });
    return tx.immediate();
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

  async mark(m: Mark): Promise<Incident | null> {
    const tx = this.db.transaction(() => {
      const found = this.stmt('SELECT id FROM incidents WHERE id = ?').get(m.incidentId);
      if (!found) return null;
      this.stmt(
        'INSERT INTO marks (incident_id, action, user_id, at, playbook_id) VALUES (?, ?, ?, ?, ?)',
      ).run(m.incidentId, m.action, m.userId, m.at, m.playbookId);
      if (m.action === 'mitigated' || m.action === 'resolved') {
        // Resolved stays resolved; mitigated does not undo it.
        this.stmt("UPDATE incidents SET status = ? WHERE id = ? AND status != 'resolved'").run(
          m.action,
          m.incidentId,
        );
      }
      return toIncident(this.stmt('SELECT * FROM incidents WHERE id = ?').get(m.incidentId) as Row);
    });
    return tx.immediate();
  }

  async get(incidentId: number): Promise<Incident | null> {
    const r = this.stmt('SELECT * FROM incidents WHERE id = ?').get(incidentId) as Row | undefined;
    return r ? toIncident(r) : null;
  }

  async marksOf(incidentIds: number[]): Promise<Mark[]> {
    if (incidentIds.length === 0) return [];
    // One statement for any number of ids (the ids travel as a JSON array), so the cache stays small.
    const rows = this.stmt(
      'SELECT * FROM marks WHERE incident_id IN (SELECT value FROM json_each(?)) ORDER BY at',
    ).all(JSON.stringify(incidentIds)) as Row[];
    return rows.map(toMark);
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

  async incidentsSince(since: number, channel?: string): Promise<Incident[]> {
    const rows = this.stmt(
      `SELECT * FROM incidents WHERE last_seen >= ? ${channel ? 'AND channel = ?' : ''}
         ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'mitigated' THEN 1 ELSE 2 END, last_seen DESC`,
    ).all(...(channel ? [since, channel] : [since])) as Row[];
    return rows.map(toIncident);
  }

  async openIncidents(limit: number): Promise<Incident[]> {
    return (
      this.stmt("SELECT * FROM incidents WHERE status != 'resolved' ORDER BY last_seen DESC LIMIT ?").all(
        limit,
      ) as Row[]
    ).map(toIncident);
  }

  async feedback(): Promise<PlaybookFeedback[]> {
    const rows = this.stmt(
      `SELECT playbook_id, sum(action = 'helpful') AS helpful, sum(action = 'not-helpful') AS not_helpful
         FROM marks WHERE playbook_id IS NOT NULL AND action IN ('helpful', 'not-helpful') GROUP BY playbook_id ORDER BY playbook_id`,
    ).all() as Row[];
    return rows.map((r) => ({
      playbookId: r.playbook_id as string,
      helpful: Number(r.helpful),
      notHelpful: Number(r.not_helpful),
    }));
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
      this.stmt('DELETE FROM dedupe WHERE expires < ?').run(this.now());
      this.stmt('DELETE FROM handoffs WHERE at < ?').run(before);
      return this.stmt('DELETE FROM incidents WHERE last_seen < ?').run(before).changes;
    });
    return tx.immediate();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
