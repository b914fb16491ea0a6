/**
 * Slack retries events (and can deliver one twice): each is answered once. The incident store keeps
 * the keys, with an expiry, so a restart does not answer again.
 */
export interface Deduper {
  /** True the first time a key is claimed within its lifetime; false for a repeat. */
  claim(key: string): Promise<boolean> | boolean;
}

/** Claim every key (event id, client message id…): the event is new only when none was seen. */
export async function claimAll(deduper: Deduper, keys: (string | undefined | null)[]): Promise<boolean> {
  let fresh = true;
  for (const key of keys) if (key && !(await deduper.claim(key))) fresh = false;
  return fresh;
}
