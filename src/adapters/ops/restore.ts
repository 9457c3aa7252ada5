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
 *
 * Before the restored copy goes live, every comment in the erasure log (written by each deletion, see
 * ../comments/erasure-log.ts) is deleted from it, so a restore never brings an erased comment back. The
 * replaced database is deleted once the restore succeeded, or kept `keepOldDays` and then deleted by the
 * next backup run (guild config comments.restoreKeepDays).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { backupFileName, restoreLeftoverName } from './backup';
import { applyErasures, erasureLogPath, readErasureLog } from '../comments/erasure-log';
import { checkDatabaseFile } from './verify';
import { messages } from '@/lib/ops/messages';

export interface RestoreResult {
  target: string;
  /** Where the replaced database now lies (null when there was none or it was deleted). */
  keptOld: string | null;
  /** Whether a replaced database existed and was deleted. */
  removedOld: boolean;
  /** Comments in the restored database (after the erasure log was applied). */
  comments: number;
  /** Comments of the backup removed again because the erasure log lists them. */
  erased: number;
}

export class RestoreRefused extends Error {}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function sqliteCode(error: unknown): string {
  return error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
}

export interface RestoreOptions {
  file: string;
  dbPath: string;
  /** Days the replaced database stays beside the restored one; 0 = deleted at once. */
  keepOldDays?: number;
  now?: () => Date;
}

export function restoreDatabase({ file, dbPath, keepOldDays = 0, now = () => new Date() }: RestoreOptions): RestoreResult {
  const source = resolve(file);
  const target = resolve(dbPath);
  if (!existsSync(source)) throw new RestoreRefused(messages.refused(messages.fileMissing(source)));
  mkdirSync(dirname(target), { recursive: true });

  // 1. Check a private copy, in the target's folder (so the final rename is atomic).
  const temp = `${target}.restore-${process.pid}.tmp`;
  const removeTemp = () => SIDE_FILES.concat('').forEach((suffix) => rmSync(temp + suffix, { force: true }));
  let comments: number;
  let erased = 0;
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
    checkDatabaseFile(temp);
    erased = eraseLogged(temp, erasureLogPath(target));
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

  // 3. Move the replaced database aside, put the checked copy in place, then delete the old one (or keep it for its days).
  let keptOld: string | null = null;
  if (existsSync(target)) {
    const stamp = backupFileName(now()).replace(/^comments-|\.db$/g, '');
    keptOld = join(dirname(target), restoreLeftoverName(target, stamp));
    renameSync(target, keptOld);
    for (const suffix of SIDE_FILES) if (existsSync(target + suffix)) renameSync(target + suffix, keptOld + suffix);
  }
  renameSync(temp, target);
  removeTemp();
  const removedOld = keptOld !== null && keepOldDays <= 0;
  if (removedOld) {
    for (const suffix of SIDE_FILES.concat('')) rmSync(keptOld + suffix, { force: true });
    keptOld = null;
  }
  return { target, keptOld, removedOld, comments, erased };
}

/** Deletes the logged erasures from the copy at `path` (plain DELETE journal: nothing erased lingers in a WAL). */
function eraseLogged(path: string, logPath: string): number {
  const entries = readErasureLog(logPath);
  if (entries.length === 0) return 0;
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    const removed = applyErasures(db, entries);
    db.exec('VACUUM');
    return removed;
  } finally {
    db.close();
  }
}
