/**
 * Backups of the comment database: SQLite's online backup API (safe while the server writes),
 * one self-contained file per run, named by UTC date and time, verified with integrity_check,
 * the newest `keep` kept. Used by `npm run backup` and, daily, by the running server.
 */
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkDatabaseFile } from './verify';
import { messages } from '@/lib/ops/messages';

export interface BackupSettings {
  dir: string;
  keep: number;
  /** Whether the running server makes a backup once a day. */
  daily: boolean;
}

/** COMMENTS_BACKUP_DIR (./data/backups/), COMMENTS_BACKUP_KEEP (14), COMMENTS_BACKUP_DAILY (on; "0" switches it off). */
export function readBackupSettings(env: Record<string, string | undefined>): BackupSettings {
  const keepRaw = env.COMMENTS_BACKUP_KEEP;
  const keep = keepRaw === undefined || keepRaw === '' ? 14 : Number(keepRaw);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(messages.keepInvalid(keepRaw ?? ''));
  const daily = !['0', 'false', 'aus', 'off', 'no', 'nein'].includes((env.COMMENTS_BACKUP_DAILY ?? '').trim().toLowerCase());
  return { dir: env.COMMENTS_BACKUP_DIR || './data/backups/', keep, daily };
}

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
  now?: () => Date;
}

export async function backupDatabase({ dbPath, dir, keep, now = () => new Date() }: BackupOptions): Promise<BackupResult> {
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

  const removed = listBackups(dir).slice(keep);
  for (const old of removed) rmSync(old, { force: true });
  return { path: target, bytes: statSync(target).size, removed };
}

export interface DailyBackupOptions {
  dbPath: string;
  dir: string;
  keep: number;
  log?: { info: (line: string) => void; error: (line: string) => void };
  /** For tests: clock and the interval (one day). */
  now?: () => Date;
  intervalMs?: number;
  /** Delay of the first backup when none is due earlier (default one minute after start). */
  firstDelayMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Makes a backup once a day while the server runs. The first one comes a minute after start when
 * the newest backup in `dir` is a day old or missing, else a day after that newest one, so restarts
 * neither skip a day nor pile up copies. A failed backup is logged in German; the server goes on.
 */
export function startDailyBackups(options: DailyBackupOptions): { stop: () => void; done: () => Promise<void> } {
  const { dbPath, dir, keep } = options;
  const log = options.log ?? { info: (line: string) => console.log(line), error: (line: string) => console.error(line) };
  const now = options.now ?? (() => new Date());
  const interval = options.intervalMs ?? DAY_MS;
  const firstDelay = options.firstDelayMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const newest = listBackups(dir)[0];
  const sinceNewest = newest ? now().getTime() - statSync(newest).mtimeMs : Infinity;
  schedule(Math.max(firstDelay, interval - sinceNewest));

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(run, delay);
    timer.unref();
  }

  function run() {
    running = backupDatabase({ dbPath, dir, keep, now })
      .then((result) => log.info(messages.written(result.path, result.bytes, result.removed.length)))
      .catch((error: unknown) => log.error(messages.dailyFailed(error)))
      .finally(() => schedule(interval));
  }

  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    /** Resolves when a backup that is running has finished (for a clean shutdown). */
    done: () => running,
  };
}
