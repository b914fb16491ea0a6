/** The handoff from the incident store, for Slack. */
import type { WebClient } from '@slack/web-api';
import type { Sample } from '../core/types.ts';
import { buildHandoff, type Handoff } from '../incidents/handoff.ts';
import { handoffBlocks, handoffToText } from '../render/handoff.ts';
import type { Store } from '../store/store.ts';
import type { BotDeps } from './deps.ts';

/** The handoff of the last `sinceMs`, read from the store. */
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

/** Post the handoff to a channel (the scheduled shift-change post) and keep it for App Home. */
export async function postHandoff(
  client: WebClient,
  deps: BotDeps,
  channel: string,
  sinceMs: number,
): Promise<void> {
  const h = await handoffFrom(deps.store, sinceMs, deps.now());
  const { blocks, text } = handoffBlocks(h);
  await client.chat.postMessage({ channel, blocks: blocks as never, text, unfurl_links: false });
  await deps.store.saveHandoff(deps.now(), handoffToText(h));
}
