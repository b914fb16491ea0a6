/**
 * The Slack app: Bolt over Socket Mode or the HTTP Events API, listeners registered per surface.
 * Wiring only; the answers come from the core.
 */
import { Server } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';
import { type Analyzer, inProcessAnalyzer } from '../app/analysis.ts';
import type { Config } from '../app/config.ts';
import { currentKnowledge, type KnowledgeSource } from '../knowledge/live.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Store } from '../store/store.ts';
import { ResilientDeduper } from './dedupe.ts';
import { type BotDeps, type Registered, Registrar } from './deps.ts';
import { startHousekeeping } from './housekeeping.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerShortcuts } from './listeners/shortcuts/index.ts';
import { boltLogger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { SharedReplies } from './shared-replies.ts';

export interface Bot {
  app: App;
  registered: Registered;
  metrics: Metrics;
  /** Start listening; in HTTP mode, resolves to the port bound. */
  start(): Promise<number | null>;
  stop(): Promise<void>;
}

export interface BotOptions {
  config: Config;
  /** A fixed knowledge base, or one that is reloaded while the bot runs. */
  kb: KnowledgeBase | KnowledgeSource;
  log: Logger;
  store: Store;
  /**
   * The worker pool that analyses traces off the event loop (the serve process passes its own);
   * without one, traces are analysed in process, as tests that build a bot of their own may.
   */
  analyzer?: Analyzer;
  now?: () => number;
  /** Web API retries (the client's default backs off and retries; tests want failures at once). */
  retries?: number;
}

export function createBot({ config, kb, log, store, analyzer, now = Date.now, retries }: BotOptions): Bot {
  const metrics = new Metrics();
  const logger = boltLogger(log);
  const clientOptions = {
    slackApiUrl: config.slackApiUrl,
    ...(retries !== undefined ? { retryConfig: { retries } } : {}),
  };
  let receiver: HTTPReceiver | undefined;
  if (config.mode === 'http') {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret ?? '',
      endpoints: '/slack/events',
      logger,
      customRoutes: [
        {
          path: '/healthz',
          method: ['GET'],
          handler: (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/plain' });
            res.end('ok');
          },
        },
        {
          path: '/metrics',
          method: ['GET'],
          handler: (_req, res) => {
            metrics.registry.metrics().then(
              (text) => {
                res.writeHead(200, { 'content-type': metrics.registry.contentType });
                res.end(text);
              },
              () => {
                res.writeHead(500);
                res.end();
              },
            );
          },
        },
      ],
    });
  }
  const app = new App({
    token: config.botToken ?? '',
    logger,
    logLevel: LogLevel.INFO,
    clientOptions,
    ...(config.mode === 'socket'
      ? { socketMode: true, appToken: config.appToken ?? '', installerOptions: { clientOptions } }
      : { receiver }),
  });
  const deps: BotDeps = {
    config,
    // Read at each use, so a reloaded knowledge base answers the next event.
    get kb() {
      return currentKnowledge(kb);
    },
    log,
    metrics,
    dedupe: new ResilientDeduper(store, (err) =>
      log.error({ err }, `incident store failed to record an event id: ${(err as Error).message}`),
    ),
    store,
    shared: new SharedReplies(),
    analysis: analyzer ?? inProcessAnalyzer(() => currentKnowledge(kb)),
    now,
  };
  app.error(async (err) => {
    metrics.errors.inc({ surface: 'listener' });
    log.error({ err: (err as { original?: Error }).original ?? err }, 'listener failed');
  });
  const r = new Registrar(app);
  registerEvents(r, deps);
  registerCommands(r, deps);
  registerShortcuts(r, deps);
  registerActions(r, deps);
  let stopHousekeeping = () => {};
  return {
    app,
    registered: r.registered,
    metrics,
    async start() {
      stopHousekeeping = startHousekeeping(app.client, deps);
      if (config.mode !== 'http') {
        await app.start();
        return null;
      }
      const server = await app.start({ port: config.port, host: config.host });
      const address = server instanceof Server ? server.address() : null;
      return typeof address === 'object' && address ? address.port : config.port;
    },
    async stop() {
      stopHousekeeping();
      await app.stop();
    },
  };
}
