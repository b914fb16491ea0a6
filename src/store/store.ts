/**
 * The incident store: what the bot remembers between pastes and restarts. An interface, so that a
 * server database can serve several replicas later without touching the bot; every call returns a
 * promise because such a database answers over the network. Built only by `openStore` (open.ts).
 */
import type { Fingerprint } from '../core/fingerprint.ts';
import type { Finding, Sample, Summary } from '../core/types.ts';

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
  /** The channel is private or a DM; null when Slack could not say. */
  private: boolean | null;
}

/**
 * A reply about to be posted for an incident, kept before the post: if the process dies between
 * the post and saving its timestamp, whoever comes next finds the message by `key` (carried in
 * the message's metadata) in `threadTs` instead of posting again.
 */
export interface ReplyIntent {
  key: string;
  threadTs: string | null;
  at: number;
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
  /** Recorded in a private channel or a DM (once private, always); null when Slack could not say. */
  private: boolean | null;
  /** The reply being posted, while its timestamp is not saved yet. */
  replyIntent: ReplyIntent | null;
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
  /** The first thread of the same failure in another channel known to be public, to link to. */
  elsewhere: Incident | null;
  /** Every timestamped reading of the incident, across its occurrences. */
  samples: Sample[];
}

export interface PlaybookFeedback {
  playbookId: string;
  helpful: number;
  notHelpful: number;
}

/** A button press, as it stands after the press: on, or taken back by a second press. */
export interface Toggled {
  incident: Incident;
  marked: boolean;
}

/** How long a claimed key stays claimed: Slack has long stopped retrying the event by then. */
export const DEDUPE_TTL = 24 * 60 * 60 * 1000;

/**
 * Slack retries events (and can deliver one twice): each is answered once. The store keeps the
 * claimed keys for DEDUPE_TTL, so a restart does not answer again.
 */
export interface Deduper {
  /**
   * True the first time a key is claimed within its lifetime, and again for the same `by` (the
   * event that claimed it, answered again after a restart); false for anyone else.
   */
  claim(key: string, by?: string): Promise<boolean>;
}

/** Who holds an event: the replica (host) and the run of the process on it. */
export interface Claimant {
  replica: string;
  run: string;
}

/** An event claimed and not answered, taken over to be answered now. */
export interface Unanswered {
  key: string;
  /** What begin() was given: the event, to answer it again. */
  work: string;
  /** 2 for the first take-over, and so on. */
  attempt: number;
}

/**
 * Claimed → answered, for events whose answer a killed process may have left undone. An event's
 * holder is gone when it is an earlier run of the same replica (a replica runs one process), or
 * when it has held the event longer than the lease.
 */
export interface Outbox {
  /**
   * Claim an event to answer, keeping `work` to answer it again: attempt 1 the first time, more
   * when taken over from a holder that is gone; null while it is answered or held by a live holder.
   */
  begin(key: string, work: string, by: Claimant, leaseMs: number): Promise<{ attempt: number } | null>;
  /** The event is answered (or given up): nobody answers it again, and its work is dropped. */
  finish(key: string): Promise<void>;
  /** Take over, for `by`, up to `limit` unanswered events whose holder is gone, oldest first. */
  takeOver(by: Claimant, leaseMs: number, limit: number): Promise<Unanswered[]>;
}

export interface Store extends Deduper, Outbox {
  /**
   * Group the occurrence into the open incident of its fingerprint in its channel, or open one. A
   * message recorded again (the same channel and messageTs) is the same occurrence, not another.
   */
  record(o: NewOccurrence): Promise<Recorded>;
  /** The bot's reply for an incident (updated on repeats) and the occurrence's permalink. */
  setReply(
    incidentId: number,
    occurrenceId: number,
    reply: { channel: string; ts: string } | null,
    permalink: string | null,
  ): Promise<void>;
  /** Keep, before posting the incident's first reply, what finds it again (see ReplyIntent). */
  setReplyIntent(incidentId: number, intent: ReplyIntent): Promise<void>;
  /** Keep the parts the incident's reply is built from (opaque text), to build it again on a click. */
  saveMessage(incidentId: number, message: string): Promise<void>;
  /** What saveMessage kept for the incident; null when nothing was kept or the incident is gone. */
  messageOf(incidentId: number): Promise<string | null>;
  /**
   * Press a button: one mark per person, incident and kind, a second press takes it back. The
   * status follows the marks left: resolved while anyone's Resolved stands, else mitigated while
   * anyone's Mitigated does, else open. Null when the incident is gone.
   */
  mark(m: Mark): Promise<Toggled | null>;
  get(incidentId: number): Promise<Incident | null>;
  /** The marks of these incidents, oldest first. */
  marksOf(incidentIds: number[]): Promise<Mark[]>;
  /** The incident's readings in time order. */
  samplesOf(incidentId: number): Promise<Sample[]>;
  /** The incident a thread was opened for (a paste in it was recorded), latest first; null when none. */
  incidentInThread(channel: string, threadTs: string): Promise<Incident | null>;
  /** Incidents seen since `since` (ms), optionally in some channels: open ones first, latest first. */
  incidentsSince(since: number, channels?: string | readonly string[]): Promise<Incident[]>;
  /** Incidents not resolved, latest first. */
  openIncidents(limit: number): Promise<Incident[]>;
  /** Helpful / Not helpful counts per playbook, by playbook id. */
  feedback(): Promise<PlaybookFeedback[]>;
  saveHandoff(at: number, text: string): Promise<void>;
  lastHandoff(): Promise<{ at: number; text: string } | null>;
  /** Remove incidents and handoffs older than `before`, and expired claims and outbox entries; returns the incidents removed. */
  purge(before: number): Promise<number>;
  close(): Promise<void>;
}
