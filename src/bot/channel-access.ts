/**
 * Who may see a channel's incidents. A public channel's are anyone's; a private channel's or a
 * DM's only its members'. Slack says which is which (conversations.info) and who is in it
 * (conversations.members); its answers are kept briefly, and when it cannot say, the answer is no.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { Incident } from '../store/store.ts';

/** `channel_type` as events give it: only `channel` is public. */
const PRIVATE_TYPES = new Set(['group', 'im', 'mpim', 'private_channel']);

interface Kept<T> {
  value: T;
  at: number;
}

/** Where an incident was recorded, and what was known then of its channel. */
type Recorded = Pick<Incident, 'channel' | 'private'>;

export class ChannelAccess {
  private readonly privacy = new Map<string, Kept<boolean>>();
  private readonly members = new Map<string, Kept<ReadonlySet<string>>>();

  constructor(
    private readonly client: WebClient,
    private readonly log: Logger,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True for a private channel or a DM, false for a public channel, null when Slack cannot say. */
  async isPrivate(channel: string, channelType?: string): Promise<boolean | null> {
    if (channel.startsWith('D') || (channelType && PRIVATE_TYPES.has(channelType))) return true;
    if (channelType === 'channel') return false;
    return this.cached(this.privacy, channel, async () => {
      const { channel: c } = await this.client.conversations.info({ channel });
      if (!c) return null;
      return Boolean(c.is_private || c.is_im || c.is_mpim || c.is_group);
    });
  }

  /** Whether `user` may see incidents recorded in `i.channel`: a member of a private one. */
  async canSee(user: string, i: Recorded): Promise<boolean> {
    const priv = i.private ?? (await this.isPrivate(i.channel));
    if (priv === false) return true;
    if (priv === null) return false;
    const members = await this.membersOf(i.channel);
    return members?.has(user) ?? false;
  }

  /**
   * The incidents `user` may see. A request Slack signed from `from` shows the user is in it, so
   * that channel's incidents need no question to Slack.
   */
  async visibleTo<T extends Recorded>(user: string, incidents: T[], from?: string): Promise<T[]> {
    const kept: T[] = [];
    for (const i of incidents) if (i.channel === from || (await this.canSee(user, i))) kept.push(i);
    return kept;
  }

  /** The incidents every member of `channel` may see: its own, and public channels' ones. */
  async visibleIn<T extends Recorded>(channel: string, incidents: T[]): Promise<T[]> {
    const kept: T[] = [];
    for (const i of incidents) if (i.channel === channel || (await this.isPublic(i))) kept.push(i);
    return kept;
  }

  /** The incidents anyone may see: those of channels known to be public. */
  async everyones<T extends Recorded>(incidents: T[]): Promise<T[]> {
    const kept: T[] = [];
    for (const i of incidents) if (await this.isPublic(i)) kept.push(i);
    return kept;
  }

  private async isPublic(i: Recorded): Promise<boolean> {
    return (i.private ?? (await this.isPrivate(i.channel))) === false;
  }

  private membersOf(channel: string): Promise<ReadonlySet<string> | null> {
    return this.cached(this.members, channel, async () => {
      const all = new Set<string>();
      let cursor: string | undefined;
      do {
        const page = await this.client.conversations.members({
          channel,
          limit: 1000,
          ...(cursor ? { cursor } : {}),
        });
        for (const m of page.members ?? []) all.add(m);
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return all;
    });
  }

  /** A value Slack gave within ttlMs, or a fresh one; a failure is not kept, and is null. */
  private async cached<T>(
    map: Map<string, Kept<T>>,
    channel: string,
    ask: () => Promise<T | null>,
  ): Promise<T | null> {
    const kept = map.get(channel);
    if (kept && this.now() - kept.at < this.ttlMs) return kept.value;
    try {
      const value = await ask();
      if (value !== null) map.set(channel, { value, at: this.now() });
      return value;
    } catch (err) {
      this.log.warn({ err, channel }, 'Slack could not say who may see a channel; showing nothing of it');
      return null;
    }
  }
}
