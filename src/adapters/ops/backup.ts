/**
 * Backups of the comment database: SQLite's online backup API (safe while the server writes),
 * one self-contained file per run, named by UTC date and time, verified with integrity_check.
 * Copies older than `keep` days are deleted (and never more than the newest `keep` kept), and so is a
 * database replaced by a restore once its `restoreKeepDays` are over: by `npm run backup` and by the
 * running server alike, so the Datenschutzerklärung's "spätestens nach N Tagen" holds either way.
 */
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkDatabaseFile } from './verify';
import { erasureLogPath, pruneErasureLog } from '../comments/erasure-log';
import { messages } from '@/lib/ops/messages';

/** `comments-2026-11-30_23-46-13.db` (UTC): names sort by time. */
const NAME = /^comments-(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:-(\d+))?\.db$/;

export function backupFileName(now: Date, counter = 0): string {
  const stamp = now.toISOString().slice(0, 19).replace('T', '_').replaceAll(':', '-');
  return `comments-${stamp}${counter ? `-${counter}` : ''}.db`;
}

/** Backup files in `dir`, newest first (other files are never touched). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort((a, b) => sortKey(b).localeCompare(sortKey(a)))
    .map((name) => join(dir, name));
}

function sortKey(name: string): string {
  const match = NAME.exec(name)!;
  return `${match[1]}-${(match[2] ?? '0').padStart(6, '0')}`;
}

/** The UTC time in a backup's or restore leftover's name (`…2026-11-30_23-46-13…`). */
export function stampTime(name: string): number {
  const match = /(\d{4}-\d{2}-\d{2})_(\d{2})-(\d{2})-(\d{2})/.exec(name);
  return match ? Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`) : NaN;
}

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** Deletes backups beyond the newest `keep` and every one older than `keep` days; returns the deleted paths. */
export function pruneBackups(dir: string, keep: number, now: Date): string[] {
  const all = listBackups(dir);
  const cutoff = now.getTime() - keep * DAY_MS;
  const removed = all.filter((path, index) => index >= keep || stampTime(basename(path)) < cutoff);
  for (const old of removed) rmSync(old, { force: true });
  return removed;
}

/**
 * Everything that ages out with the backups: copies older than `keep` days, restore leftovers past their days,
 * and erasure-log entries once no copy can hold their comment (`erasureLogDays`, default `keep` + 1; longer when
 * an off-site copy is kept longer).
 */
export function pruneAll(
  o: { dbPath: string; dir: string; keep: number; restoreKeepDays: number; erasureLogDays?: number },
  now: Date,
): string[] {
  const removed = [...pruneBackups(o.dir, o.keep, now), ...pruneRestoreLeftovers(o.dbPath, o.restoreKeepDays, now)];
  pruneErasureLog(erasureLogPath(o.dbPath), now.getTime() - (o.erasureLogDays ?? o.keep + 1) * DAY_MS);
  return removed;
}

/** `comments.vor-wiederherstellung-<Zeit>.db`: the database a restore replaced (see ./restore.ts). */
export function restoreLeftoverName(dbPath: string, stamp: string): string {
  return `${basename(dbPath).replace(/\.db$/, '')}.vor-wiederherstellung-${stamp}.db`;
}

/** Deletes databases replaced by a restore once they are `keepDays` old (with their side files). */
export function pruneRestoreLeftovers(dbPath: string, keepDays: number, now: Date): string[] {
  const dir = dirname(resolve(dbPath));
  if (!existsSync(dir)) return [];
  const prefix = `${basename(dbPath).replace(/\.db$/, '')}.vor-wiederherstellung-`;
  const cutoff = now.getTime() - keepDays * DAY_MS;
  const removed = readdirSync(dir).filter((name) => name.startsWith(prefix) && !(stampTime(name) >= cutoff));
  for (const name of removed) rmSync(join(dir, name), { force: true });
  return removed.map((name) => join(dir, name));
}

/** Throws the German message when `dir` cannot be created or written. */
export function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new Error(messages.dirNotWritable(resolve(dir)));
  }
}

export interface BackupResult {
  path: string;
  bytes: number;
  /** Older backups deleted to keep the newest `keep`. */
  removed: string[];
}

export interface BackupOptions {
  dbPath: string;
  dir: string;
  keep: number;
  /** Days a database replaced by a restore stays (guild config comments.restoreKeepDays). */
  restoreKeepDays?: number;
  /** Days erasure-log entries stay (src/lib/config/notice.ts erasureLogDays). */
  erasureLogDays?: number;
  now?: () => Date;
}

export async function backupDatabase({
  dbPath,
  dir,
  keep,
  restoreKeepDays = 0,
  erasureLogDays,
  now = () => new Date(),
}: BackupOptions): Promise<BackupResult> {
  if (!existsSync(dbPath)) throw new Error(messages.dbMissing(resolve(dbPath)));
  ensureWritableDir(dir);
  const date = now();
  let counter = 0;
  while (existsSync(join(dir, backupFileName(date, counter)))) counter++;
  const target = join(dir, backupFileName(date, counter));
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });

  const source = new Database(dbPath, { fileMustExist: true, timeout: 5000 });
  try {
    // All pages in one step: one read transaction, so the copy is one consistent moment even while
    // the server writes (in smaller steps a write by another connection would restart the copy).
    await source.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(messages.backupFailed(error));
  } finally {
    source.close();
  }

  try {
    // A plain single file (no -wal beside it), checked before it gets its final name.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    checkDatabaseFile(partial);
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw new Error(messages.backupFailed(error));
  }

  const removed = pruneAll({ dbPath, dir, keep, restoreKeepDays, erasureLogDays }, date);
  return { path: target, bytes: statSync(target).size, removed };
}
