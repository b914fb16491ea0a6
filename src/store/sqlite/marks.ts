/** The marks of incidents in SQLite: one per person, incident and kind, pressed and taken back. */
import type Database from 'better-sqlite3';
import type { Mark, PlaybookFeedback, Toggled } from '../store.ts';
import { type Prepare, type Row, toIncident, toMark } from './rows.ts';

export class SqliteMarks {
  constructor(
    private readonly db: Database.Database,
    private readonly stmt: Prepare,
  ) {}

  mark(m: Mark): Toggled | null {
    const tx = this.db.transaction((): Toggled | null => {
      const found = this.stmt('SELECT id FROM incidents WHERE id = ?').get(m.incidentId);
      if (!found) return null;
      const takenBack =
        this.stmt('DELETE FROM marks WHERE incident_id = ? AND action = ? AND user_id = ?').run(
          m.incidentId,
          m.action,
          m.userId,
        ).changes > 0;
      if (!takenBack) {
        this.stmt(
          'INSERT INTO marks (incident_id, action, user_id, at, playbook_id) VALUES (?, ?, ?, ?, ?)',
        ).run(m.incidentId, m.action, m.userId, m.at, m.playbookId);
      }
      if (m.action === 'mitigated' || m.action === 'resolved') {
        // Resolved while anyone's Resolved stands; mitigated does not undo it.
        this.stmt(
          `UPDATE incidents SET status = CASE
             WHEN EXISTS (SELECT 1 FROM marks WHERE incident_id = @id AND action = 'resolved') THEN 'resolved'
             WHEN EXISTS (SELECT 1 FROM marks WHERE incident_id = @id AND action = 'mitigated') THEN 'mitigated'
             ELSE 'open' END WHERE id = @id`,
        ).run({ id: m.incidentId });
      }
      const incident = toIncident(this.stmt('SELECT * FROM incidents WHERE id = ?').get(m.incidentId) as Row);
      return { incident, marked: !takenBack };
    });
    return tx.immediate();
  }

  marksOf(incidentIds: number[]): Mark[] {
    if (incidentIds.length === 0) return [];
    // One statement for any number of ids (the ids travel as a JSON array), so the cache stays small.
    const rows = this.stmt(
      'SELECT * FROM marks WHERE incident_id IN (SELECT value FROM json_each(?)) ORDER BY at',
    ).all(JSON.stringify(incidentIds)) as Row[];
    return rows.map(toMark);
  }

  feedback(): PlaybookFeedback[] {
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
}
