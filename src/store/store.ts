/**
 * The incident store: what the bot remembers between pastes and restarts. An interface, so that a
 * server database can serve several replicas later without touching the bot; every call returns a
 * promise because such a database answers over the network. Built only by `openStore` (open.ts).
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

/** How long a claimed key stays claimed: Slack has long stopped retrying the event by then. */
export const DEDUPE_TTL = 24 * 60 * 60 * 1000;

/**
 * Slack retries events (and can deliver one twice): each is answered once. The store keeps the
 * claimed keys for DEDUPE_TTL, so a restart does not answer again.
 */
export interface Deduper {
  /** True the first time a key is claimed within its lifetime; false for a repeat. */
  claim(key: string): Promise<boolean>;
}

export interface Store extends Deduper {
  /** Group the occurrence into the open incident of its fingerprint in its channel, or open one. */
  record(o: NewOccurrence): Promise<Recorded>;
  /** The bot's reply for an incident (updated on repeats) and the occurrence's permalink. */
  setReply(
    incidentId: number,
    occurrenceId: number,
    reply: { channel: string; ts: string } | null,
    permalink: string | null,
  ): Promise<void>;
  /** Keep the parts the incident's reply is built from (opaque text), to build it again on a click. */
  saveMessage(incidentId: number, message: string): Promise<void>;
  /** What saveMessage kept for the incident; null when nothing was kept or the incident is gone. */
  messageOf(incidentId: number): Promise<string | null>;
  /** Record a button press; null when the incident is gone. Resolved stays resolved. */
  mark(m: Mark): Promise<Incident | null>;
  get(incidentId: number): Promise<Incident | null>;
  /** The marks of these incidents, oldest first. */
  marksOf(incidentIds: number[]): Promise<Mark[]>;
  /** The incident's readings in time order. */
  samplesOf(incidentId: number): Promise<Sample[]>;
  /** The incident a thread was opened for (a paste in it was recorded), latest first; null when none. */
  incidentInThread(channel: string, threadTs: string): Promise<Incident | null>;
  /** Incidents seen since `since` (ms), optionally in one channel: open ones first, latest first. */
  incidentsSince(since: number, channel?: string): Promise<Incident[]>;
  /** Incidents not resolved, latest first. */
  openIncidents(limit: number): Promise<Incident[]>;
  /** Helpful / Not helpful counts per playbook, by playbook id. */
  feedback(): Promise<PlaybookFeedback[]>;
  saveHandoff(at: number, text: string): Promise<void>;
  lastHandoff(): Promise<{ at: number; text: string } | null>;
  /** Remove incidents and handoffs older than `before`, and expired claims; returns the incidents removed. */
  purge(before: number): Promise<number>;
  close(): Promise<void>;
}
