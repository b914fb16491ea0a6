/** The one way to get an incident store: from store-level options, never from the app's configuration. */
import type { Store } from './store.ts';

/**
 * Where the incidents live. Today one SQLite file; a server database will join as another shape of
 * these options (a `{ url }`), chosen here, so no caller names a backend.
 */
export interface StoreOptions {
  /** The SQLite file, created with its folder when absent. */
  path: string;
  /** The clock that ages de-duplication claims (tests move it). */
  now?: () => number;
}

/** Open the store, migrating it when needed; rejects with a StoreError that says what to fix. */
export async function openStore(options: StoreOptions): Promise<Store> {
  // Loaded here, not above: the commands that never touch the store start without the native module.
  const { SqliteStore } = await import('./sqlite/sqlite-store.ts');
  return new SqliteStore(options.path, options.now);
}
