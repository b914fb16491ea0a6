/** better-sqlite3's error codes for a full disk and a store that cannot be written. */
import type { StoreProblem } from '../failure.ts';

/** The problem a SQLite error names, or null when it is none the note has words for. */
export function sqliteProblem(err: unknown, message: string): StoreProblem | null {
  const code = (err as { code?: unknown } | null)?.code;
  const text = typeof code === 'string' ? code : '';
  if (text.startsWith('SQLITE_FULL')) return { kind: 'full' };
  if (text.startsWith('SQLITE_READONLY') || /readonly|read-only/i.test(message)) return { kind: 'read-only' };
  return null;
}
