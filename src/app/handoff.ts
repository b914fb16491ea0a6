/** The on-call handoff from the incident store: the period's incidents with their marks and readings. */
import type { Sample } from '../core/types.ts';
import { buildHandoff, type Handoff } from '../incidents/handoff.ts';
import type { Incident, Store } from '../store/store.ts';

/**
 * The handoff for the last `sinceMs` before `now`, in some channels or all of them, of the
 * incidents `keep` lets through (its readers may see them).
 */
export async function handoffFrom(
  store: Store,
  sinceMs: number,
  now: number,
  channels?: string | readonly string[],
  keep: (incidents: Incident[]) => Promise<Incident[]> = async (all) => all,
): Promise<Handoff> {
  const since = now - sinceMs;
  const incidents = await keep(await store.incidentsSince(since, channels));
  const marks = await store.marksOf(incidents.map((i) => i.id));
  const samples = new Map<number, Sample[]>();
  for (const i of incidents) samples.set(i.id, await store.samplesOf(i.id));
  return buildHandoff(incidents, marks, (id) => samples.get(id) ?? [], since, now);
}
