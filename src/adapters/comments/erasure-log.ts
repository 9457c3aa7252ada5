/**
 * Adapter: the erasure log file beside the comment database (`comments.erasures.jsonl`), one JSON line
 * per erased comment (id, creation time, text hash, erasure time; no name, no text).
 */
import type { Database as Db } from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { ErasedComment, ErasureLog } from '@/lib/comments/erasure';

/** `data/comments.db` → `data/comments.erasures.jsonl`. */
export function erasureLogPath(dbPath: string): string {
  return `${dbPath.replace(/\.db$/, '')}.erasures.jsonl`;
}

/** Writes entries as JSON lines (mode 0600) and syncs them to disk before returning. */
function writeLines(path: string, flags: 'a' | 'w', entries: readonly ErasedComment[]): void {
  const fd = openSync(path, flags, 0o600);
  try {
    writeSync(fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fileErasureLog(path: string): ErasureLog {
  return {
    record(entries) {
      if (entries.length === 0) return;
      writeLines(path, 'a', entries);
    },
  };
}

export function readErasureLog(path: string): ErasedComment[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as ErasedComment;
        return Number.isInteger(entry.id) ? [entry] : [];
      } catch {
        return []; // a line cut off by a crash
      }
    });
}

/**
 * Drops entries erased before `before` (ms): no backup that could still hold those comments exists any more
 * (they are deleted after comments.backupKeep days). Returns how many went; atomic (write aside, rename).
 */
export function pruneErasureLog(path: string, before: number): number {
  const entries = readErasureLog(path);
  const kept = entries.filter((e) => !(e.erasedAt < before));
  if (kept.length === entries.length) return 0;
  const temp = `${path}.tmp`;
  writeLines(temp, 'w', kept);
  renameSync(temp, path);
  return entries.length - kept.length;
}

/**
 * Deletes every logged comment from `db` (matched by id and creation time or text hash, so a newer
 * comment that got a reused id stays) and checkpoints; returns how many rows went.
 */
export function applyErasures(db: Db, entries: readonly ErasedComment[]): number {
  const remove = db.prepare(`DELETE FROM comments WHERE id = ? AND (created_at = ? OR text_hash = ?)`);
  const removed = db.transaction(() => entries.reduce((n, e) => n + remove.run(e.id, e.createdAt, e.textHash).changes, 0))();
  db.pragma('wal_checkpoint(TRUNCATE)');
  return removed;
}
