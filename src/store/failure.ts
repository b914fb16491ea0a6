/** What a failing store call means to a person: a full disk, a read-only store, or something else. */
import { clip } from '../core/clip.ts';
import { sqliteProblem } from './sqlite/failure.ts';

export type StoreProblem = { kind: 'full' } | { kind: 'read-only' } | { kind: 'failing'; message: string };

/** Name the problem behind a store error, so a note can say it in words a person can act on. */
export function classifyStoreFailure(err: unknown): StoreProblem {
  const message = err instanceof Error ? err.message : String(err);
  // Each backend knows its own driver's codes; anything else is shown as the driver put it.
  return sqliteProblem(err, message) ?? { kind: 'failing', message: clip(message, 200) };
}
