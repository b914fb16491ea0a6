/** What every listener gets, and the registrar that records what the app listens to. */
import type {
  App,
  Middleware,
  SlackAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcut,
  SlackShortcutMiddlewareArgs,
} from '@slack/bolt';
import type { Logger } from 'pino';
import type { Analyzer } from '../app/analysis.ts';
import type { Config } from '../app/config.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Deduper, Store } from '../store/store.ts';
import type { ChannelAccess } from './channel-access.ts';
import type { FileAccess } from './files.ts';
import type { Metrics } from './metrics.ts';
import type { ReplyOutbox } from './outbox.ts';
import type { SharedReplies } from './shared-replies.ts';

export interface BotDeps {
  config: Config;
  kb: KnowledgeBase;
  log: Logger;
  metrics: Metrics;
  /** Retried and duplicated events are claimed here (the incident store, or memory while it fails). */
  dedupe: Deduper;
  /** Events claimed until answered, answered again after a kill. */
  outbox: ReplyOutbox;
  store: Store;
  /** Who may see a channel's incidents (Slack asked, answers kept briefly). */
  access: ChannelAccess;
  /** Downloading attached files: the token, where it may go, the deadline. */
  files: FileAccess;
  shared: SharedReplies;
  /** Where traces are analysed: the worker pool, or in process for a bot built without one. */
  analysis: Analyzer;
  now: () => number;
}

/** Everything the app listens to, recorded as it is registered (the manifest test reads it). */
export interface Registered {
  events: string[];
  commands: string[];
  shortcuts: string[];
  actions: string[];
}

/** Registers typed listeners (middleware first, the listener last) and records what it registered. */
export class Registrar {
  readonly registered: Registered = { events: [], commands: [], shortcuts: [], actions: [] };

  constructor(readonly app: App) {}

  event<E extends string>(name: E, ...listeners: Middleware<SlackEventMiddlewareArgs<E>>[]): void {
    this.registered.events.push(name);
    this.app.event(name, ...listeners);
  }

  command(name: string, ...listeners: Middleware<SlackCommandMiddlewareArgs>[]): void {
    this.registered.commands.push(name);
    this.app.command(name, ...listeners);
  }

  shortcut<S extends SlackShortcut>(
    callbackId: string,
    ...listeners: Middleware<SlackShortcutMiddlewareArgs<S>>[]
  ): void {
    this.registered.shortcuts.push(callbackId);
    this.app.shortcut<S>(callbackId, ...listeners);
  }

  action<A extends SlackAction>(
    actionId: string,
    ...listeners: Middleware<SlackActionMiddlewareArgs<A>>[]
  ): void {
    this.registered.actions.push(actionId);
    this.app.action<A>(actionId, ...listeners);
  }
}
