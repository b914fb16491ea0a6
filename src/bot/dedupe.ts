/**
 * Slack retries events (and can deliver one twice): each is answered once. The interface lets the
 * incident store keep the keys on disk; this one keeps them in memory with an expiry.
 */
export interface Deduper {
  /** True the first time a key is claimed within its lifetime; false for a repeat. */
  claim(key: string): Promise<boolean> | boolean;
}

export class MemoryDeduper implements Deduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly max = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  claim(key: string): boolean {
    const t = this.now();
    const at = this.seen.get(key);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.set(key, t);
    if (this.seen.size > this.max) {
      // Oldest first: Map keeps insertion order.
      for (const [k, v] of this.seen) {
        if (this.seen.size <= this.max * 0.9 && t - v < this.ttlMs) break;
        this.seen.delete(k);
      }
    }
    return true;
  }
}

/** Claim every key (event id, client message id…): the event is new only when none was seen. */
export async function claimAll(deduper: Deduper, keys: (string | undefined | null)[]): Promise<boolean> {
  let fresh = true;
  for (const key of keys) if (key && !(await deduper.claim(key))) fresh = false;
  return fresh;
}
