/** `netty-oom serve`: the bot in the mode the environment asks for, until SIGINT/SIGTERM. */
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Analyzer } from '../app/analysis.ts';
import { createAnalysisPool } from '../app/analysis-pool.ts';
import type { Config } from '../app/config.ts';
import { storeFromConfig } from '../app/store.ts';
import { createBot } from '../bot/app.ts';
import { createLogger } from '../bot/logger.ts';
import { createConsoleServer } from '../console/server.ts';
import { LiveKnowledge } from '../knowledge/live.ts';
import type { KnowledgeBase } from '../knowledge/load.ts';

/** Serve until SIGINT/SIGTERM; `root` holds the knowledge files, reloaded when they change or on SIGHUP. */
export async function serve(config: Config, initial: KnowledgeBase, root: string): Promise<void> {
  const log = createLogger(config.logLevel);
  // A listener's failure is logged, never the end of the process.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  const kb = new LiveKnowledge(root, log, initial);
  // Watch before announcing readiness, so an edit made as soon as the process says it is up is seen;
  // a start that fails closes the watchers, so nothing holds the process open.
  kb.watch();
  // Traces are analysed in worker threads holding their own knowledge base, loaded from the same
  // root and loaded again when this one reloads; the event loop keeps Slack, the store and replies.
  const analyzer = createAnalysisPool({
    root,
    generation: () => kb.generation,
    deadlineMs: config.analysisTimeoutMs,
    onError: (err) => log.error({ err }, `analysis thread failed: ${err.message}`),
  });
  let stop: () => Promise<void>;
  try {
    // Ready before Slack or the browser is told so: the first paste is not kept waiting for a thread.
    await analyzer.ready();
    stop = await start(config, kb, log, analyzer);
  } catch (err) {
    kb.close();
    await analyzer.close();
    throw err;
  }
  process.on('SIGHUP', () => kb.reload('SIGHUP'));
  await new Promise<void>((resolve) => {
    const done = () => {
      kb.close();
      stop()
        .then(() => analyzer.close())
        .then(resolve, resolve);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}

/** Start the console or the bot; resolves, once it is serving, to the function that stops it. */
async function start(
  config: Config,
  kb: LiveKnowledge,
  log: Logger,
  analyzer: Analyzer,
): Promise<() => Promise<void>> {
  if (config.mode === 'console') {
    const server = createConsoleServer({
      kb,
      dbPath: config.dbPath,
      loopbackOnly: isLoopback(config.host),
      analyzer,
    });
    await listen(server, config);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    process.stderr.write(`netty-oom console: http://${config.host}:${port}/\n`);
    return () => new Promise((resolve) => server.close(() => resolve()));
  }
  const store = await storeFromConfig(config);
  const bot = createBot({ config, kb, log, store, analyzer });
  const port = await bot.start().catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  log.info(
    { mode: config.mode, ...(config.mode === 'http' ? { port, host: config.host } : {}) },
    `netty-oom bot running (${config.mode === 'socket' ? 'Socket Mode' : 'HTTP Events API'})`,
  );
  return async () => {
    await bot.stop();
    await store.close();
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

function listen(server: Server, config: Config): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(`cannot listen on ${config.host}:${config.port}: ${err.code ?? err.message}`)),
    );
    server.listen(config.port, config.host, () => resolve());
  });
}
