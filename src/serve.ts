/** `netty-oom serve`: the bot in the mode the environment asks for, until SIGINT/SIGTERM. */
import type { Server } from 'node:http';
import { createBot } from './bot/app.ts';
import { createLogger } from './bot/logger.ts';
import type { Config } from './config.ts';
import { createConsoleServer } from './console/server.ts';
import { LiveKnowledge } from './knowledge/live.ts';
import type { KnowledgeBase } from './knowledge/load.ts';
import { openStore } from './store/open.ts';

/** Serve until SIGINT/SIGTERM; `root` holds the knowledge files, reloaded when they change or on SIGHUP. */
export async function serve(config: Config, initial: KnowledgeBase, root: string): Promise<void> {
  const log = createLogger(config.logLevel);
  // A listener's failure is logged, never the end of the process.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
  const kb = new LiveKnowledge(root, log, initial);
  let stop: () => Promise<void>;
  if (config.mode === 'console') {
    const server = createConsoleServer({ kb, dbPath: config.dbPath, loopbackOnly: isLoopback(config.host) });
    await listen(server, config);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    process.stderr.write(`netty-oom console: http://${config.host}:${port}/\n`);
    stop = () => new Promise((resolve) => server.close(() => resolve()));
  } else {
    const store = await openStore({ path: config.dbPath });
    const bot = createBot({ config, kb, log, store });
    const port = await bot.start();
    log.info(
      { mode: config.mode, ...(config.mode === 'http' ? { port, host: config.host } : {}) },
      `netty-oom bot running (${config.mode === 'socket' ? 'Socket Mode' : 'HTTP Events API'})`,
    );
    stop = async () => {
      await bot.stop();
      await store.close();
    };
  }
  // Watch only once serving: a start that fails must leave nothing holding the process open.
  kb.watch();
  process.on('SIGHUP', () => kb.reload('SIGHUP'));
  await new Promise<void>((resolve) => {
    const done = () => {
      kb.close();
      stop().then(resolve, resolve);
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
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
