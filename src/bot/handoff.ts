/** The handoff from the incident store, for Slack. */
import type { WebClient } from '@slack/web-api';
import { buildHandoff, type Handoff } from '../incidents/handoff.ts';
import { handoffBlocks, handoffToText } from '../render/handoff.ts';
import type { IncidentStore } from '../store/store.ts';
import type { BotDeps } from './deps.ts';

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

/** Post the handoff to a channel (the scheduled shift-change post) and keep it for App Home. */
export async function postHandoff(
  client: WebClient,
  deps: BotDeps,
  channel: string,
  sinceMs: number,
): Promise<void> {
  const h = handoffFrom(deps.store, sinceMs, deps.now());
  const { blocks, text } = handoffBlocks(h);
  await client.chat.postMessage({ channel, blocks: blocks as never, text, unfurl_links: false });
  deps.store.saveHandoff(deps.now(), handoffToText(h));
}
