/** The schema, one numbered step at a time; the database records how far it has come. */

export const MIGRATIONS: string[] = [
  // 1: incidents, their occurrences and readings, marks, de-duplication keys, handoffs
  `
  CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    kind TEXT NOT NULL,
    exception_class TEXT NOT NULL,
    framework TEXT,
    first_frame TEXT,
    max_bytes INTEGER,
    title TEXT NOT NULL,
    playbook_id TEXT,
    playbook_title TEXT,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    occurrences INTEGER NOT NULL DEFAULT 0,
    first_thread_ts TEXT,
    first_permalink TEXT,
    reply_channel TEXT,
    reply_ts TEXT,
    latest_used INTEGER,
    latest_max INTEGER
  );
  CREATE INDEX incidents_by_fingerprint ON incidents (fingerprint, channel, status);
  CREATE INDEX incidents_by_last_seen ON incidents (last_seen);
  CREATE TABLE occurrences (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    channel TEXT NOT NULL,
    thread_ts TEXT,
    message_ts TEXT,
    user_id TEXT,
    permalink TEXT,
    summary_json TEXT NOT NULL,
    findings_json TEXT NOT NULL,
    playbook_id TEXT,
    used_bytes INTEGER,
    max_bytes INTEGER
  );
  CREATE INDEX occurrences_by_incident ON occurrences (incident_id, at);
  CREATE TABLE samples (
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    timestamp TEXT NOT NULL,
    used_bytes INTEGER NOT NULL,
    PRIMARY KEY (incident_id, timestamp, used_bytes)
  );
  CREATE TABLE marks (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    action TEXT NOT NULL,
    user_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    playbook_id TEXT
  );
  CREATE INDEX marks_by_incident ON marks (incident_id);
  CREATE TABLE dedupe (key TEXT PRIMARY KEY, expires INTEGER NOT NULL);
  CREATE INDEX dedupe_by_expiry ON dedupe (expires);
  CREATE TABLE handoffs (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, text TEXT NOT NULL);
  `,
  // 2: the parts each incident's reply is built from, so a click can build it again.
  `ALTER TABLE incidents ADD COLUMN message TEXT;`,
];
