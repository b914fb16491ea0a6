/**
 * The incident store: what the bot remembers between pastes and restarts. An interface, so that a
 * server database can serve several replicas later without touching the bot.
 */
import type { Fingerprint } from '../core/fingerprint.ts';
import type { Finding, Sample, Summary } from '../core/types.ts';

/**
 * Slack retries events (and can deliver one twice): each is answered once. The store keeps the
 * claimed keys, with an expiry, so a restart does not answer again.
 */
export interface Deduper {
  /** True the first time a key is claimed within its lifetime; false for a repeat. */
  claim(key: string): Promise<boolean> | boolean;
}

export type IncidentStatus = 'open' | 'mitigated' | 'resolved';
export type MarkAction = 'mitigated' | 'resolved' | 'helpful' | 'not-helpful';

export interface NewOccurrence {
  at: number;
  channel: string;
  threadTs: string | null;
  messageTs: string | null;
  userId: string | null;
  fingerprint: Fingerprint;
  title: string;
  summary: Summary;
  findings: Finding[];
  playbook: { id: string; title: string } | null;
  samples: Sample[];
}

export interface Incident {
  id: number;
  channel: string;
  fingerprint: string;
  status: IncidentStatus;
  kind: string;
  framework: string | null;
  firstFrame: string | null;
  title: string;
  playbookId: string | null;
  playbookTitle: string | null;
  firstSeen: number;
  lastSeen: number;
  occurrences: number;
  firstThreadTs: string | null;
  firstPermalink: string | null;
  replyChannel: string | null;
  replyTs: string | null;
  latestUsed: number | null;
  latestMax: number | null;
}

export interface Mark {
  incidentId: number;
  action: MarkAction;
  userId: string;
  at: number;
  playbookId: string | null;
}

export interface Recorded {
  incident: Incident;
  occurrenceId: number;
  /** True when this occurrence opened the incident. */
  isNew: boolean;
  /** The first thread of the same failure in another channel, to link to. */
  elsewhere: Incident | null;
  /** Every timestamped reading of the incident, across its occurrences. */
  samples: Sample[];
}

export interface PlaybookFeedback {
  playbookId: string;
  helpful: number;
  notHelpful: number;
}

export interface IncidentStore extends Deduper {
  record(o: NewOccurrence): Recorded;
  /** The bot's reply for an incident (updated on repeats) and the occurrence's permalink. */
  setReply(
    incidentId: number,
    occurrenceId: number,
    reply: { channel: string; ts: string } | null,
    permalink: string | null,
  ): void;
  mark(m: Mark): Incident | null;
  get(incidentId: number): Incident | null;
  marksOf(incidentIds: number[]): Mark[];
  samplesOf(incidentId: number): Sample[];
  /** Incidents seen since `since` (ms), optionally in one channel: open ones first, latest first. */
  incidentsSince(since: number, channel?: string): Incident[];
  openIncidents(limit: number): Incident[];
  feedback(): PlaybookFeedback[];
  saveHandoff(at: number, text: string): void;
  lastHandoff(): { at: number; text: string } | null;
  /** Remove what is older than the retention; returns the number of incidents removed. */
  purge(before: number): number;
  close(): void;
}
