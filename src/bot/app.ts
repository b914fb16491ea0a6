/**
 * The Slack app: Bolt over Socket Mode or the HTTP Events API, listeners registered per surface.
 * Wiring only; the answers come from the core.
 */
import { Server } from 'node:http';
import { HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';
import { type Analyzer, inProcessAnalyzer } from '../app/analysis.ts';
import type { Config } from '../app/config.ts';
import { currentKnowledge, type KnowledgeSource } from '../knowledge/live.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';
import type { Store } from '../store/store.ts';
import { ChannelAccess } from './channel-access.ts';
import { ClaimingApp } from './claiming-app.ts';
import { ResilientDeduper } from './dedupe.ts';
import { type BotDeps, type Registered, Registrar } from './deps.ts';
import { withContent } from './event-copy.ts';
import { startHousekeeping } from './housekeeping.ts';
import { registerActions } from './listeners/actions/index.ts';
import { registerCommands } from './listeners/commands/index.ts';
import { registerEvents } from './listeners/events/index.ts';
import { registerShortcuts } from './listeners/shortcuts/index.ts';
import { boltLogger } from './logger.ts';
import { Metrics } from './metrics.ts';
import { LEASE_MS, ReplyOutbox } from './outbox.ts';
import { SharedReplies } from './shared-replies.ts';
import { answerMalformed } from './well-formed.ts';

export interface Bot {
  app: ClaimingApp;
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
  /** The deadline of one file download, body included (tests shorten it). */
  downloadTimeoutMs?: number;
}

export function createBot({
  config,
  kb,
  log,
  store,
  analyzer,
  now = Date.now,
  retries,
  downloadTimeoutMs = 30_000,
}: BotOptions): Bot {
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
    receiver.requestListener = answerMalformed(receiver.requestListener, {
      path: '/slack/events',
      signingSecret: config.signingSecret ?? '',
      onMalformed: (status) => log.warn({ status }, 'refused a request Slack could not have sent'),
    });
  }
  const app = new ClaimingApp({
    token: config.botToken ?? '',
    logger,
    logLevel: LogLevel.INFO,
    clientOptions,
    ...(config.mode === 'socket'
      ? { socketMode: true, appToken: config.appToken ?? '', installerOptions: { clientOptions } }
      : { receiver }),
  });
  const dedupe = new ResilientDeduper(store, (err) =>
    log.error({ err }, `incident store failed to record an event id: ${(err as Error).message}`),
  );
  const deps: BotDeps = {
    config,
    // Read at each use, so a reloaded knowledge base answers the next event.
    get kb() {
      return currentKnowledge(kb);
    },
    log,
    metrics,
    dedupe,
    outbox: new ReplyOutbox(store, dedupe, log),
    store,
    access: new ChannelAccess(app.client, log),
    files: { token: config.botToken ?? '', apiUrl: config.slackApiUrl, timeoutMs: downloadTimeoutMs },
    shared: new SharedReplies(),
    analysis: analyzer ?? inProcessAnalyzer(() => currentKnowledge(kb)),
    now,
  };
  app.claimWith(deps.outbox);
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
  // Events a stopped run claimed and did not answer, read again from Slack, go through the same
  // listeners, marked as answered again.
  const recover = () =>
    deps.outbox.recover(async (kept) => {
      const body = await withContent(app.client, kept);
      if (!body) {
        log.info({ event_id: kept.event_id }, 'a left event is gone from Slack: not answered');
        return;
      }
      await app.processEvent({ body, ack: async () => {}, customProperties: { rerun: true } });
    });
  let recovery: NodeJS.Timeout | undefined;
  return {
    app,
    registered: r.registered,
    metrics,
    async start() {
      stopHousekeeping = startHousekeeping(app.client, deps);
      let port: number | null = null;
      if (config.mode !== 'http') await app.start();
      else {
        const server = await app.start({ port: config.port, host: config.host });
        const address = server instanceof Server ? server.address() : null;
        port = typeof address === 'object' && address ? address.port : config.port;
      }
      // At start for what an earlier run of this host left; then now and again for other replicas'
      // events whose lease ran out.
      void recover();
      recovery = setInterval(recover, LEASE_MS / 2);
      recovery.unref();
      return port;
    },
    async stop() {
      clearInterval(recovery);
      stopHousekeeping();
      await app.stop();
    },
  };
}
