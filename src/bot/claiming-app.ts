/**
 * Bolt acknowledges an Events API request before any middleware runs. A process killed between
 * that acknowledgement and the outbox's claim would lose the event for good: Slack does not send
 * an acknowledged event again, and no run knows it was received. This app claims each event in the
 * outbox first and lets Bolt acknowledge it after; the listeners find the claim in the context.
 */
import { App, type ReceiverEvent } from '@slack/bolt';
import type { ReplyOutbox } from './outbox.ts';

type Claims = Pick<ReplyOutbox, 'begin' | 'finish'>;

/** The outbox key of an Events API request: its event id. */
export function eventKey(body: Record<string, unknown>): string | null {
  return body.type === 'event_callback' && typeof body.event_id === 'string'
    ? `event:${body.event_id}`
    : null;
}

export class ClaimingApp extends App {
  private claims: Claims | null = null;

  /** From now on, claim each event in `claims` before it is acknowledged. */
  claimWith(claims: Claims): void {
    this.claims = claims;
  }

  /** Claim, then hand the event to Bolt (which acknowledges it); an event answered or in hand is only acknowledged. */
  override async processEvent(event: ReceiverEvent): Promise<void> {
    const key = eventKey(event.body);
    // Taken over from a stopped run by the outbox scan, the event is this run's already.
    if (!this.claims || !key || event.customProperties?.rerun === true) return super.processEvent(event);
    const got = await this.claims.begin(key, event.body);
    if (!got) {
      await event.ack();
      return;
    }
    const claimed = { claimed: true, ...(got.attempt > 1 ? { rerun: true } : {}) };
    try {
      await super.processEvent({ ...event, customProperties: { ...event.customProperties, ...claimed } });
    } finally {
      // Answered, failed, or passed over by every listener: nobody answers it again.
      await this.claims.finish(key);
    }
  }
}
