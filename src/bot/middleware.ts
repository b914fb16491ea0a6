/**
 * What every listener of a kind does before (or around) its own work, written once: log and count
 * failures, skip unwatched channels, answer each event once, count events, acknowledge first and
 * apologise when an answer fails.
 */
import type {
  AllMiddlewareArgs,
  MessageShortcut,
  Middleware,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import type { Language } from '../core/types.ts';
import type { Reply } from '../render/blocks.ts';
import { claimAll } from './dedupe.ts';
import type { BotDeps } from './deps.ts';
import { errorRef } from './post.ts';
import { languageOf, sorryReply } from './replies.ts';

type EventArgs<E extends string> = SlackEventMiddlewareArgs<E> & AllMiddlewareArgs;

/** An event listener's failure is logged with the event's id and counted, then dropped: Slack has its ack. */
export function logFailures<E extends string>(
  deps: BotDeps,
  surface: E,
): Middleware<SlackEventMiddlewareArgs<E>> {
  return async ({ body, next }) => {
    try {
      await next();
    } catch (err) {
      deps.metrics.errors.inc({ surface });
      deps.log.error({ err, event_id: body.event_id, event_type: surface }, 'event listener failed');
    }
  };
}

/** Only channels listed in NETTY_OOM_CHANNELS are watched, when any are. */
export function inWatchedChannel<E extends string>(
  deps: BotDeps,
  channelOf: (args: EventArgs<E>) => string,
): Middleware<SlackEventMiddlewareArgs<E>> {
  return async (args) => {
    const { channels } = deps.config;
    if (channels.length > 0 && !channels.includes(channelOf(args))) return;
    await args.next();
  };
}

/**
 * Slack retries events and can deliver one twice: go on only when none of its keys was claimed.
 * The event itself is claimed in the outbox until it is answered, so a run killed halfway leaves
 * it to the next (`context.rerun` then says it may have been answered in part already). The app
 * claims it before Slack is told it was received (claiming-app.ts); without that, it is claimed here.
 */
export function claimOnce<E extends string>(
  deps: BotDeps,
  keysOf: (args: EventArgs<E>) => (string | false | undefined | null)[],
): Middleware<SlackEventMiddlewareArgs<E>> {
  return async (args) => {
    const eventId: unknown = args.body?.event_id;
    const key = typeof eventId === 'string' ? `event:${eventId}` : undefined;
    const others = keysOf(args).map((k) => (k && k !== key ? k : null));
    if (!key) {
      if (await claimAll(deps.dedupe, others)) await args.next();
      return;
    }
    // Claimed before its acknowledgement, or taken over from a stopped run by the outbox scan: the
    // event is this run's already, and whoever claimed it closes it.
    const ours = args.context.claimed === true || args.context.rerun === true;
    if (!ours) {
      const got = await deps.outbox.begin(key, args.body);
      if (!got) return;
      if (got.attempt > 1) args.context.rerun = true;
    }
    try {
      // Claimed for this event: answered again after a restart, its keys are still its own.
      if (await claimAll(deps.dedupe, others, key)) await args.next();
    } finally {
      if (!ours) await deps.outbox.finish(key);
    }
  };
}

/** Acknowledge at once (Slack waits 3 s), then do the work. */
export function ackFirst<A extends { ack: () => Promise<void>; next: () => Promise<void> }>(): (
  args: A,
) => Promise<void> {
  return async ({ ack, next }) => {
    await ack();
    await next();
  };
}

/** Count the event (after it was claimed, so a retry is not counted twice). */
export function counted<A extends AllMiddlewareArgs>(
  deps: BotDeps,
  type: string,
): (args: A) => Promise<void> {
  return async ({ next }) => {
    deps.metrics.events.inc({ type });
    await next();
  };
}

/** Who is told, and how, when a command's or a shortcut's answer fails. */
interface Apology {
  surface: string;
  /** What the log line says about the request. */
  fields: Record<string, unknown>;
  lang: Language;
  deliver(sorry: Reply): Promise<unknown>;
}

/**
 * Acknowledge at once, start the work after every pending acknowledgement went out, and answer a
 * failure with an apology that carries the reference of its log line.
 */
async function ackThenWork(
  deps: BotDeps,
  ack: () => Promise<void>,
  next: () => Promise<void>,
  apology: () => Apology,
): Promise<void> {
  await ack();
  await new Promise((resolve) => setImmediate(resolve));
  try {
    await next();
  } catch (err) {
    const { surface, fields, lang, deliver } = apology();
    const ref = errorRef();
    deps.metrics.errors.inc({ surface });
    deps.log.error({ err, ref, ...fields }, `${surface} failed`);
    await deliver(sorryReply(ref, lang)).catch((e: unknown) =>
      deps.log.warn({ err: e, ref }, 'could not deliver the apology'),
    );
  }
}

/** A slash command: the apology goes to the person who asked, through its response_url. */
export function ackThenApologize(deps: BotDeps): Middleware<SlackCommandMiddlewareArgs> {
  return ({ ack, next, respond, command }) =>
    ackThenWork(deps, ack, next, () => ({
      surface: 'command',
      fields: { command: command.command, channel: command.channel_id },
      lang: languageOf(command.text),
      deliver: (sorry) => respond({ response_type: 'ephemeral', blocks: sorry.blocks, text: sorry.text }),
    }));
}

/** A message shortcut: the apology is sent privately to the person who asked. */
export function ackShortcutThenApologize(
  deps: BotDeps,
): Middleware<SlackShortcutMiddlewareArgs<MessageShortcut>> {
  return ({ ack, next, shortcut, client }) =>
    ackThenWork(deps, ack, next, () => ({
      surface: 'shortcut',
      fields: { channel: shortcut.channel.id },
      lang: languageOf(shortcut.message.text ?? ''),
      deliver: (sorry) =>
        client.chat.postEphemeral({ channel: shortcut.channel.id, user: shortcut.user.id, text: sorry.text }),
    }));
}
