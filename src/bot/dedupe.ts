/**
 * Slack retries events (and can deliver one twice): each is answered once. The incident store keeps
 * the keys, with an expiry, so a restart does not answer again.
 */
import { DEDUPE_TTL, type Deduper } from '../store/store.ts';

export type { Deduper };

/**
 * Claim every key (client message id, file id…) for the event `by`: the event is new only when
 * none was claimed by another.
 */
export async function claimAll(
  deduper: Deduper,
  keys: (string | undefined | null)[],
  by?: string,
): Promise<boolean> {
  let fresh = true;
  for (const key of keys) if (key && !(await deduper.claim(key, by))) fresh = false;
  return fresh;
}

/**
 * Claims go to the incident store; while it fails (disk full, read-only) they are kept in memory so
 * each event is still answered once, and the failure is logged.
 */
export class ResilientDeduper implements Deduper {
  private readonly memory = new Map<string, { at: number; by: string | undefined }>();

  constructor(
    private readonly store: Deduper,
    private readonly onError: (err: unknown) => void,
    private readonly ttlMs = DEDUPE_TTL,
  ) {}

  async claim(key: string, by?: string): Promise<boolean> {
    try {
      const fresh = await this.store.claim(key, by);
      return fresh && this.mayClaim(key, by);
    } catch (err) {
      this.onError(err);
      return this.claimInMemory(key, by);
    }
  }

  /** The claim kept in this process alone (the store failing). */
  claimInMemory(key: string, by?: string): boolean {
    const now = Date.now();
    for (const [k, c] of this.memory) if (now - c.at > this.ttlMs) this.memory.delete(k);
    if (!this.mayClaim(key, by)) return false;
    this.memory.set(key, { at: now, by });
    return true;
  }

  private mayClaim(key: string, by: string | undefined): boolean {
    const held = this.memory.get(key);
    return !held || (by !== undefined && held.by === by);
  }
}
