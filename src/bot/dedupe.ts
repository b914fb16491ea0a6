/**
 * Slack retries events (and can deliver one twice): each is answered once. The incident store keeps
 * the keys, with an expiry, so a restart does not answer again.
 */
import { DEDUPE_TTL, type Deduper } from '../store/store.ts';

export type { Deduper };

/** Claim every key (event id, client message id…): the event is new only when none was seen. */
export async function claimAll(deduper: Deduper, keys: (string | undefined | null)[]): Promise<boolean> {
  let fresh = true;
  for (const key of keys) if (key && !(await deduper.claim(key))) fresh = false;
  return fresh;
}

/**
 * Claims go to the incident store; while it fails (disk full, read-only) they are kept in memory so
 * each event is still answered once, and the failure is logged.
 */
export class ResilientDeduper implements Deduper {
  private readonly memory = new Map<string, number>();

  constructor(
    private readonly store: Deduper,
    private readonly onError: (err: unknown) => void,
    private readonly ttlMs = DEDUPE_TTL,
  ) {}

  async claim(key: string): Promise<boolean> {
    try {
      const fresh = await this.store.claim(key);
      return fresh && !this.memory.has(key);
    } catch (err) {
      this.onError(err);
      const now = Date.now();
      for (const [k, at] of this.memory) if (now - at > this.ttlMs) this.memory.delete(k);
      if (this.memory.has(key)) return false;
      this.memory.set(key, now);
      return true;
    }
  }
}
