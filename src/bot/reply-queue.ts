/**
 * One reply at a time per incident: the first occurrence posts, later ones (a burst of the same
 * paste) wait for it and update that reply instead of posting their own. In this process only: two
 * replicas answering the same incident at once may each post (the store's reply claim is first-wins).
 */
import type { BotDeps } from './deps.ts';

interface Queue {
  tail: Map<number, Promise<void>>;
  waiting: Map<number, number>;
}

const queues = new WeakMap<BotDeps, Queue>();

/** Run `work` after the incident's earlier work; `moreQueued()` says whether newer work waits behind. */
export async function serialized(
  deps: BotDeps,
  incidentId: number,
  work: (moreQueued: () => boolean) => Promise<void>,
): Promise<void> {
  let q = queues.get(deps);
  if (!q) {
    q = { tail: new Map(), waiting: new Map() };
    queues.set(deps, q);
  }
  const { tail, waiting } = q;
  waiting.set(incidentId, (waiting.get(incidentId) ?? 0) + 1);
  const previous = tail.get(incidentId) ?? Promise.resolve();
  const next = previous
    .catch(() => {})
    .then(() => {
      waiting.set(incidentId, (waiting.get(incidentId) ?? 1) - 1);
      return work(() => (waiting.get(incidentId) ?? 0) > 0);
    });
  tail.set(incidentId, next);
  try {
    await next;
  } finally {
    if (tail.get(incidentId) === next) {
      tail.delete(incidentId);
      waiting.delete(incidentId);
    }
  }
}
