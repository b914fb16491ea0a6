/**
 * Events are acknowledged before they are answered, so a process killed in between would leave
 * them unanswered for good: Slack does not send an acknowledged event again. Each event is
 * claimed in the store's outbox with what it was (claimed → answered); an event a dead run left
 * claimed is answered by the next run at its start, or by whoever gets Slack's retry, once.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Claimant, Outbox } from '../store/store.ts';
import type { ResilientDeduper } from './dedupe.ts';
import { withoutContent } from './event-copy.ts';

/** How long another replica may hold an event before it is taken over (longer than any answer). */
export const LEASE_MS = 10 * 60_000;
/** An event whose answer killed the process this often is given up, not tried for ever. */
export const MAX_ATTEMPTS = 3;

export class ReplyOutbox {
  /** This run of this replica: the host, and an id of the process's own. */
  readonly by: Claimant = { replica: hostname(), run: randomUUID() };

  constructor(
    private readonly store: Outbox,
    /** Claims in memory while the store fails: each event still answered once by this process. */
    private readonly fallback: ResilientDeduper,
    private readonly log: Logger,
  ) {}

  /**
   * Claim the event to answer it: its attempt, or null when it is answered or in hand. The outbox
   * keeps the event without what was written in it (see event-copy.ts).
   */
  async begin(key: string, body: unknown): Promise<{ attempt: number } | null> {
    try {
      return await this.store.begin(key, JSON.stringify(withoutContent(body)), this.by, LEASE_MS);
    } catch (err) {
      this.log.error({ err, key }, `incident store failed to claim an event: ${(err as Error).message}`);
      return this.fallback.claimInMemory(key) ? { attempt: 1 } : null;
    }
  }

  /** The event is answered (or failed, or was given up): nobody answers it again. */
  async finish(key: string): Promise<void> {
    await this.store
      .finish(key)
      .catch((err: unknown) => this.log.error({ err, key }, 'could not close an event'));
  }

  /**
   * Answer again, through `dispatch`, the events that a run now gone claimed and did not answer,
   * a few at a time; returns how many were taken over.
   */
  async recover(dispatch: (kept: Record<string, unknown>) => Promise<void>): Promise<number> {
    let taken = 0;
    for (;;) {
      const batch = await this.store.takeOver(this.by, LEASE_MS, 20).catch((err: unknown) => {
        this.log.error({ err }, 'could not read the outbox');
        return [];
      });
      if (batch.length === 0) return taken;
      taken += batch.length;
      for (const u of batch) {
        if (u.attempt > MAX_ATTEMPTS || u.work === '') {
          this.log.error({ key: u.key, attempt: u.attempt }, 'gave up an event its answer kept failing');
        } else {
          this.log.info(
            { key: u.key, attempt: u.attempt },
            'answering an event a stopped run left unanswered',
          );
          await dispatch(JSON.parse(u.work)).catch((err: unknown) =>
            this.log.error({ err, key: u.key }, 'answering a left event failed'),
          );
        }
        await this.finish(u.key);
      }
    }
  }
}
