/** What every listener gets: configuration, knowledge, logging, metrics and the de-duplication store. */
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../app/config.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Deduper, Store } from '../store/store.ts';
import type { Metrics } from './metrics.ts';
import type { SharedReplies } from './shared-replies.ts';

export interface BotDeps {
  config: Config;
  kb: KnowledgeBase;
  log: Logger;
  metrics: Metrics;
  /** Retried and duplicated events are claimed here (the incident store, or memory). */
  dedupe: Deduper;
  store: Store;
  shared: SharedReplies;
  now: () => number;
}

/** Everything the app listens to, recorded as it is registered (the manifest test reads it). */
export interface Registered {
  events: string[];
  commands: string[];
  shortcuts: string[];
  actions: string[];
}

/** Registers listeners on the app and records what it registered. */
export class Registrar {
  readonly registered: Registered = { events: [], commands: [], shortcuts: [], actions: [] };

  constructor(
    readonly app: App,
    private readonly deps: Pick<BotDeps, 'log' | 'metrics'>,
  ) {}

  /** Event listeners' failures are logged with the event's id and type, then dropped: Slack has its ack. */
  event(name: string, listener: Parameters<App['event']>[1]): void {
    this.registered.events.push(name);
    this.app.event(name, async (args) => {
      try {
        await listener(args);
      } catch (err) {
        const body = args.body as { event_id?: string };
        this.deps.metrics.errors.inc({ surface: name });
        this.deps.log.error({ err, event_id: body.event_id, event_type: name }, 'event listener failed');
      }
    });
  }

  command(name: string, listener: Parameters<App['command']>[1]): void {
    this.registered.commands.push(name);
    this.app.command(name, listener);
  }

  shortcut(callbackId: string, listener: Parameters<App['shortcut']>[1]): void {
    this.registered.shortcuts.push(callbackId);
    this.app.shortcut(callbackId, listener);
  }

  action(actionId: string, listener: Parameters<App['action']>[1]): void {
    this.registered.actions.push(actionId);
    this.app.action(actionId, listener);
  }
}
