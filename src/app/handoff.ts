/** The on-call handoff from the incident store: the period's incidents with their marks and readings. */
import type { Sample } from '../core/types.ts';
import { buildHandoff, type Handoff } from '../incidents/handoff.ts';
import type { Store } from '../store/store.ts';

/** The handoff for the last `sinceMs` before `now`, in one channel or all of them. */
export async function handoffFrom(
  store: Store,
  sinceMs: number,
  now: number,
  channel?: string,
): Promise<Handoff> {
  const since = now - sinceMs;
  const incidents = await store.incidentsSince(since, channel);
  const marks = await store.marksOf(incidents.map((i) => i.id));
  const samples = new Map<number, Sample[]>();
  for (const i of incidents) samples.set(i.id, await store.samplesOf(i.id));
  return buildHandoff(incidents, marks, (id) => samples.get(id) ?? [], since, now);
}
