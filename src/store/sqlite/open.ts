/** Open the SQLite file (creating it when absent) and bring its schema up to date, or say what is wrong. */
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import { MIGRATIONS } from './migrations.ts';

/** Open (creating when absent) and migrate, or explain what is wrong with the file. */
export function openDatabase(file: string): Database.Database {
  const fresh = !existsSync(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (err) {
    throw new StoreError(
      file,
      `cannot create its folder (${(err as NodeJS.ErrnoException).code})`,
      'Set NETTY_OOM_DB to a writable path',
    );
  }
  if (!fresh) {
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch (err) {
      const readOnlyDisk = (err as NodeJS.ErrnoException).code === 'EROFS';
      throw new StoreError(
        file,
        readOnlyDisk ? 'is on a read-only file system' : 'is not writable by this user',
        readOnlyDisk
          ? 'Mount its volume read-write, or set NETTY_OOM_DB to a path on a writable one'
          : 'Fix its permissions, or set NETTY_OOM_DB to a writable path',
      );
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (err) {
    const msg = (err as Error).message;
    if (/not a database|malformed|file is encrypted|corrupt/i.test(msg)) {
      throw new StoreError(
        file,
        `is not a usable SQLite database (${msg})`,
        'Move it aside (the bot will create a new one) or restore it from a backup',
      );
    }
    if (/readonly|read-only|EACCES|permission/i.test(msg)) {
      throw new StoreError(
        file,
        `cannot be written (${msg})`,
        'Fix its permissions, or set NETTY_OOM_DB to a writable path',
      );
    }
    throw new StoreError(file, `cannot be opened (${msg})`, 'Check the path in NETTY_OOM_DB');
  }
  migrate(db, file);
  return db;
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    db.close();
    throw new StoreError(
      file,
      `was written by a newer netty-oom (schema ${version}, this one knows ${MIGRATIONS.length})`,
      'Upgrade netty-oom, or point NETTY_OOM_DB at another file',
    );
  }
  try {
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v] as string);
        db.pragma(`user_version = ${v + 1}`);
      }).immediate();
    }
  } catch (err) {
    db.close();
    throw new StoreError(
      file,
      `could not be migrated (${(err as Error).message})`,
      'Check that the disk is writable and not full',
    );
  }
}
