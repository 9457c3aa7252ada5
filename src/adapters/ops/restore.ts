/**
 * Restore of the comment database from a backup file. Nothing is replaced unless the file is an
 * intact comment database of a schema this code knows, and never while a server holds the database.
 *
 * How a running server is detected (no pid file needed): the server keeps its SQLite connection
 * open in WAL mode for as long as it runs, and every such connection holds a shared lock on the
 * database file. Switching the journal mode from WAL to DELETE needs that file to ourselves, so it
 * fails with SQLITE_BUSY while any server (or other program) has the database open. When it
 * succeeds, it has also folded the WAL into the main file, so the kept copy of the replaced
 * database is complete on its own.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { backupFileName } from './backup';
import { checkDatabaseFile } from './verify';
import { messages } from '@/lib/ops/messages';

export interface RestoreResult {
  target: string;
  /** Where the replaced database now lies (null when there was none). */
  keptOld: string | null;
  comments: number;
}

export class RestoreRefused extends Error {}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function sqliteCode(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
}

export function restoreDatabase({ file, dbPath, now = () => new Date() }: { file: string; dbPath: string; now?: () => Date }): RestoreResult {
  const source = resolve(file);
  const target = resolve(dbPath);
  if (!existsSync(source)) throw new RestoreRefused(messages.refused(messages.fileMissing(source)));
  mkdirSync(dirname(target), { recursive: true });

  // 1. Check a private copy, in the target's folder (so the final rename is atomic).
  const temp = `${target}.restore-${process.pid}.tmp`;
  const removeTemp = () => SIDE_FILES.concat('').forEach((suffix) => rmSync(temp + suffix, { force: true }));
  let comments: number;
  try {
    copyFileSync(source, temp);
    try {
      const copy = new Database(temp, { fileMustExist: true });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
    } catch (error) {
      throw new Error(messages.notADatabase(source, error));
    }
    comments = checkDatabaseFile(temp).comments;
  } catch (error) {
    removeTemp();
    const detail = error instanceof Error ? error.message.replaceAll(temp, source) : String(error);
    throw new RestoreRefused(messages.refused(detail));
  }

  // 2. Refuse while the database is held; fold its WAL in.
  if (existsSync(target)) {
    try {
      const current = new Database(target, { fileMustExist: true, timeout: 0 });
      try {
        current.pragma('journal_mode = DELETE');
      } finally {
        current.close();
      }
    } catch (error) {
      const code = sqliteCode(error);
      if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_LOCKED')) {
        removeTemp();
        throw new RestoreRefused(messages.refused(messages.serverRunning(target)));
      }
      // A broken current database (the usual reason to restore) is kept beside as it is.
    }
  }

  // 3. Keep the replaced database beside the new one, then put the checked copy in place.
  let keptOld: string | null = null;
  if (existsSync(target)) {
    const stamp = backupFileName(now()).replace(/^comments-|\.db$/g, '');
    keptOld = join(dirname(target), `${basename(target).replace(/\.db$/, '')}.vor-wiederherstellung-${stamp}.db`);
    renameSync(target, keptOld);
    for (const suffix of SIDE_FILES) if (existsSync(target + suffix)) renameSync(target + suffix, keptOld + suffix);
  }
  renameSync(temp, target);
  removeTemp();
  return { target, keptOld, comments };
}
