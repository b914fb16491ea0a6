/** The incident store the configuration names. */
import { existsSync } from 'node:fs';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import type { Config } from './config.ts';

/** Open (creating when absent) the store at NETTY_OOM_DB; a StoreError says what is wrong with it. */
export function storeFromConfig(config: Pick<Config, 'dbPath'>): Promise<Store> {
  return openStore({ path: config.dbPath });
}

/**
 * Run `fn` on the store when its file exists, then close it; null when there is no store yet (a
 * command that only reads must not create one).
 */
export async function withExistingStore<T>(
  config: Pick<Config, 'dbPath'>,
  fn: (store: Store) => Promise<T>,
): Promise<T | null> {
  if (!existsSync(config.dbPath)) return null;
  const store = await storeFromConfig(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
