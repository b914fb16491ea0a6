/** Empty incident stores in folders of their own, removed when the test file ends. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';

const folders: string[] = [];
after(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A new folder for a store file, removed at the end of the test file. */
export function tempStorePath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netty-oom-test-'));
  folders.push(dir);
  return join(dir, 'incidents.db');
}

/** An empty SQLite store in a file of its own. */
export function freshStore(): Promise<Store> {
  return openStore({ path: tempStorePath() });
}
