/**
 * The handoff as Slack shows it: each reader sees only what they may. A private channel's
 * incidents reach its members alone; App Home, which every user opens, keeps public ones only.
 */
import type { WebClient } from '@slack/web-api';
import { handoffFrom } from '../app/handoff.ts';
import type { Language } from '../core/types.ts';
import type { Handoff } from '../incidents/handoff.ts';
import { handoffBlocks, handoffToText } from '../render/handoff.ts';
import type { Incident } from '../store/store.ts';
import type { BotDeps } from './deps.ts';

/** The channels a handoff covers: the configured ones, else `asked` (undefined: every channel). */
export function coveredBy(deps: BotDeps, asked?: string): readonly string[] | undefined {
  const { handoffChannels } = deps.config;
  if (handoffChannels.length > 0) return handoffChannels;
  return asked ? [asked] : undefined;
}

/** Post the handoff to a channel (the scheduled shift-change post) and keep it for App Home. */
export async function postHandoff(
  client: WebClient,
  deps: BotDeps,
  channel: string,
  sinceMs: number,
): Promise<void> {
  const covered = coveredBy(deps);
  // Everyone in the channel reads it: its own incidents and public channels' ones.
  const h = await handoffFrom(deps.store, sinceMs, deps.now(), covered, (all) =>
    deps.access.visibleIn(channel, all),
  );
  const { blocks, text } = handoffBlocks(h);
  await client.chat.postMessage({ channel, blocks, text, unfurl_links: false });
  await keepForHome(deps, sinceMs, covered, 'en');
}

/**
 * The handoff `user` asked for in `channel`, and whether it may be shared there: not when it holds
 * incidents of another private channel, which that channel's members may not see.
 */
export async function handoffFor(
  deps: BotDeps,
  sinceMs: number,
  from: { channel: string; user: string },
  lang: Language,
): Promise<{ handoff: Handoff; shareable: boolean }> {
  const covered = coveredBy(deps, from.channel);
  let shown: Incident[] = [];
  const handoff = await handoffFrom(deps.store, sinceMs, deps.now(), covered, async (all) => {
    shown = await deps.access.visibleTo(from.user, all, from.channel);
    return shown;
  });
  const shareable = (await deps.access.visibleIn(from.channel, shown)).length === shown.length;
  await keepForHome(deps, sinceMs, covered, lang);
  return { handoff, shareable };
}

/** Keep the handoff for App Home, which every user opens: public channels' incidents only. */
async function keepForHome(
  deps: BotDeps,
  sinceMs: number,
  covered: readonly string[] | undefined,
  lang: Language,
): Promise<void> {
  const h = await handoffFrom(deps.store, sinceMs, deps.now(), covered, (all) => deps.access.everyones(all));
  await deps.store.saveHandoff(deps.now(), handoffToText(h, lang));
}
