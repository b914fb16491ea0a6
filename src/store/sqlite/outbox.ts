/**
 * Claims and the outbox in SQLite. Each method is one immediate transaction, so two claims of one
 * key never both win, whichever process on the file makes them.
 */
import type Database from 'better-sqlite3';
import { type Claimant, DEDUPE_TTL, type Unanswered } from '../store.ts';
import type { Prepare, Row } from './rows.ts';

export class SqliteOutbox {
  constructor(
    private readonly db: Database.Database,
    private readonly stmt: Prepare,
    private readonly now: () => number,
  ) {}

  claim(key: string, by: string | null): boolean {
    const t = this.now();
    return (
      this.stmt(
        `INSERT INTO dedupe (key, expires, claimant) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET expires = excluded.expires, claimant = excluded.claimant
           WHERE dedupe.expires < ? OR (excluded.claimant IS NOT NULL AND dedupe.claimant = excluded.claimant)`,
      ).run(key, t + DEDUPE_TTL, by, t).changes > 0
    );
  }

  begin(key: string, work: string, by: Claimant, leaseMs: number): { attempt: number } | null {
    const tx = this.db.transaction((): { attempt: number } | null => {
      const t = this.now();
      const row = this.stmt('SELECT * FROM outbox WHERE key = ?').get(key) as Row | undefined;
      if (!row || (row.expires as number) < t) {
        this.stmt(
          `INSERT OR REPLACE INTO outbox (key, work, replica, run, claimed_at, attempt, answered_at, expires)
             VALUES (?, ?, ?, ?, ?, 1, NULL, ?)`,
        ).run(key, work, by.replica, by.run, t, t + DEDUPE_TTL);
        return { attempt: 1 };
      }
      if (row.answered_at !== null) return null;
      const sameReplica = row.replica === by.replica;
      const gone = sameReplica ? row.run !== by.run : (row.claimed_at as number) + leaseMs < t;
      if (!gone) return null;
      this.stmt(
        'UPDATE outbox SET replica = ?, run = ?, claimed_at = ?, attempt = attempt + 1 WHERE key = ?',
      ).run(by.replica, by.run, t, key);
      return { attempt: (row.attempt as number) + 1 };
    });
    return tx.immediate();
  }

  finish(key: string): void {
    this.stmt('UPDATE outbox SET answered_at = ?, work = NULL WHERE key = ?').run(this.now(), key);
  }

  takeOver(by: Claimant, leaseMs: number, limit: number): Unanswered[] {
    const tx = this.db.transaction((): Unanswered[] => {
      const t = this.now();
      const rows = this.stmt(
        `SELECT key, work, attempt FROM outbox
           WHERE answered_at IS NULL AND expires >= ?
             AND ((replica = ? AND run != ?) OR (replica != ? AND claimed_at < ?))
           ORDER BY claimed_at, key LIMIT ?`,
      ).all(t, by.replica, by.run, by.replica, t - leaseMs, limit) as Row[];
      const take = this.stmt(
        'UPDATE outbox SET replica = ?, run = ?, claimed_at = ?, attempt = attempt + 1 WHERE key = ?',
      );
      return rows.map((r) => {
        take.run(by.replica, by.run, t, r.key);
        return {
          key: r.key as string,
          work: (r.work as string | null) ?? '',
          attempt: (r.attempt as number) + 1,
        };
      });
    });
    return tx.immediate();
  }

  /** Forget expired claims and outbox entries. */
  purge(): void {
    const t = this.now();
    this.stmt('DELETE FROM dedupe WHERE expires < ?').run(t);
    this.stmt('DELETE FROM outbox WHERE expires < ?').run(t);
  }
}
