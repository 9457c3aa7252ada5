/**
 * The running server's backup timers (Node's setTimeout/setInterval): one verified backup a day and an hourly
 * deletion of copies past their days, so the Datenschutzerklärung's "spätestens nach N Tagen" holds to the hour.
 */
import { statSync } from 'node:fs';
import { backupDatabase, DAY_MS, HOUR_MS, listBackups, pruneAll } from './backup';
import { messages } from '@/lib/ops/messages';

export interface DailyBackupOptions {
  dbPath: string;
  dir: string;
  keep: number;
  restoreKeepDays?: number;
  erasureLogDays?: number;
  /** false: no copies, but old ones are still deleted every hour (COMMENTS_BACKUP_DAILY=0). */
  copy?: boolean;
  log?: { info: (line: string) => void; error: (line: string) => void };
  /** For tests: clock and the interval (one day). */
  now?: () => Date;
  intervalMs?: number;
  /** How often old copies are deleted (one hour). */
  pruneIntervalMs?: number;
  /** Delay of the first backup when none is due earlier (default one minute after start). */
  firstDelayMs?: number;
}

/**
 * Makes a backup once a day while the server runs. The first one comes a minute after start when
 * the newest backup in `dir` is a day old or missing, else a day after that newest one, so restarts
 * neither skip a day nor pile up copies. A failed backup is logged in German; the server goes on.
 */
export function startDailyBackups(options: DailyBackupOptions): { stop: () => void; done: () => Promise<void> } {
  const { dbPath, dir, keep, restoreKeepDays = 0, erasureLogDays, copy = true } = options;
  const log = options.log ?? { info: (line: string) => console.log(line), error: (line: string) => console.error(line) };
  const now = options.now ?? (() => new Date());
  const interval = options.intervalMs ?? DAY_MS;
  const firstDelay = options.firstDelayMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const newest = copy ? listBackups(dir)[0] : undefined;
  const sinceNewest = newest ? now().getTime() - statSync(newest).mtimeMs : Infinity;
  schedule(Math.max(firstDelay, interval - sinceNewest));

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(run, delay);
    timer.unref();
  }

  // Every hour, old copies go, so "older than `keep` days" holds to the hour, also for copies of `npm run backup`.
  const prune = () => {
    try {
      const removed = pruneAll({ dbPath, dir, keep, restoreKeepDays, erasureLogDays }, now());
      if (removed.length) log.info(messages.pruned(removed.length));
    } catch (error) {
      log.error(messages.dailyFailed(error));
    }
  };
  const pruning = setInterval(prune, options.pruneIntervalMs ?? HOUR_MS);
  pruning.unref();
  if (!copy) prune();

  function run() {
    if (!copy) return;
    running = backupDatabase({ dbPath, dir, keep, restoreKeepDays, erasureLogDays, now })
      .then((result) => log.info(messages.written(result.path, result.bytes, result.removed.length)))
      .catch((error: unknown) => log.error(messages.dailyFailed(error)))
      .finally(() => schedule(interval));
  }

  return {
    stop: () => {
      stopped = true;
      clearInterval(pruning);
      if (timer) clearTimeout(timer);
    },
    /** Resolves when a backup that is running has finished (for a clean shutdown). */
    done: () => running,
  };
}
