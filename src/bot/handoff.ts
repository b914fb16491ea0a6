/** The handoff posted to a channel by the bot. */
import type { WebClient } from '@slack/web-api';
import { handoffFrom } from '../app/handoff.ts';
import { handoffBlocks, handoffToText } from '../render/handoff.ts';
import type { BotDeps } from './deps.ts';

/** Post the handoff to a channel (the scheduled shift-change post) and keep it for App Home. */
export async function postHandoff(
  client: WebClient,
  deps: BotDeps,
  channel: string,
  sinceMs: number,
): Promise<void> {
  const h = await handoffFrom(deps.store, sinceMs, deps.now());
  const { blocks, text } = handoffBlocks(h);
  await client.chat.postMessage({ channel, blocks, text, unfurl_links: false });
  await deps.store.saveHandoff(deps.now(), handoffToText(h));
}
