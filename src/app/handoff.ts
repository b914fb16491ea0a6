/** The on-call handoff from the incident store: the period's incidents with their marks and readings. */
import { buildHandoff, type Handoff } from '../incidents/handoff.ts';
import type { IncidentStore } from '../store/store.ts';

/** The handoff for the last `sinceMs` before `now`, in one channel or all of them. */
export function handoffFrom(store: IncidentStore, sinceMs: number, now: number, channel?: string): Handoff {
  const since = now - sinceMs;
  const incidents = store.incidentsSince(since, channel);
  return buildHandoff(
    incidents,
    store.marksOf(incidents.map((i) => i.id)),
    (id) => store.samplesOf(id),
    since,
    now,
  );
}
