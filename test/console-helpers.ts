/** Start the local console on a free loopback port for a test. */
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleServer } from '../src/console/server.ts';
import { kb } from './helpers.ts';

export async function startConsole(
  dbPath = join(mkdtempSync(join(tmpdir(), 'netty-oom-console-')), 'none.db'),
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createConsoleServer({ kb, dbPath, loopbackOnly: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
