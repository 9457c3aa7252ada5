/**
 * The editor's own small database (data/redaktion.db): accounts, sessions and the publish log.
 * Separate from the comments so a comment backup never carries password hashes.
 */
import type Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { openSqlite, type SqliteSchema } from '@/adapters/sqlite';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '@/lib/editor/session-limits';

export { SESSION_IDLE_MS, SESSION_MAX_MS };
/** The database is written at most this often per session, and the cookie refreshed. */
const TOUCH_EVERY_MS = 60_000;

export interface LiveSession {
  name: string;
  /** True when this request moved the idle clock on: the cookie is sent again with `maxAgeMs`. */
  refreshed: boolean;
  /** How long the cookie should live from now: the idle time, capped by the absolute lifetime. */
  maxAgeMs: number;
}

const MIGRATIONS = [
  `CREATE TABLE accounts (name TEXT PRIMARY KEY COLLATE NOCASE, password_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
   CREATE TABLE sessions (id_hash TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE, created_at INTEGER NOT NULL, last_seen INTEGER NOT NULL);
   CREATE TABLE publishes (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL,
     requested_by TEXT NOT NULL,
     requested_at INTEGER NOT NULL,
     started_at INTEGER,
     finished_at INTEGER,
     ok INTEGER,
     error TEXT,
     files TEXT NOT NULL DEFAULT '[]',
     build_dir TEXT
   );`,
  // A scheduled run publishes only its due files (JSON list, content-relative); NULL = everything saved.
  `ALTER TABLE publishes ADD COLUMN only_files TEXT;`,
  // Freigabe (guild config publishApproval): a publish waits until a second account approves it.
  `ALTER TABLE publishes ADD COLUMN awaiting_approval INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE publishes ADD COLUMN approved_by TEXT;
   ALTER TABLE publishes ADD COLUMN list_token TEXT;`,
];

const EDITOR_SCHEMA: SqliteSchema = {
  migrations: MIGRATIONS,
  tooNew: (found) => `redaktion.db stammt aus einer neueren Version (Schema ${found}); bitte die neuere Version starten.`,
};

export interface Publish {
  id: number;
  kind: 'publish' | 'preview';
  requestedBy: string;
  requestedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  ok: boolean | null;
  error: string | null;
  files: string[];
  /** Only these content files go live (a scheduled run); undefined = everything saved. */
  only?: string[];
  /** Waiting for a second account's approval (Freigabe). */
  awaitingApproval: boolean;
  approvedBy: string | null;
  /** The token of the "what goes live" list the request was made for. */
  listToken: string | null;
}

interface PublishRow {
  id: number;
  kind: string;
  requested_by: string;
  requested_at: number;
  started_at: number | null;
  finished_at: number | null;
  ok: number | null;
  error: string | null;
  files: string;
  only_files?: string | null;
  awaiting_approval?: number;
  approved_by?: string | null;
  list_token?: string | null;
}

const toPublish = (row: PublishRow): Publish => ({
  id: row.id,
  kind: row.kind === 'preview' ? 'preview' : 'publish',
  requestedBy: row.requested_by,
  requestedAt: row.requested_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  ok: row.ok === null ? null : row.ok === 1,
  error: row.error,
  files: JSON.parse(row.files) as string[],
  ...(row.only_files ? { only: JSON.parse(row.only_files) as string[] } : {}),
  awaitingApproval: row.awaiting_approval === 1,
  approvedBy: row.approved_by ?? null,
  listToken: row.list_token ?? null,
});

export function sessionIdHash(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

export class EditorStore {
  readonly db: Database.Database;

  constructor(path: string) {
    this.db = openSqlite(path, EDITOR_SCHEMA);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // Accounts
  accountCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }
  accounts(): Array<{ name: string; createdAt: number }> {
    return (
      this.db.prepare('SELECT name, created_at FROM accounts ORDER BY name').all() as Array<{ name: string; created_at: number }>
    ).map((r) => ({ name: r.name, createdAt: r.created_at }));
  }
  passwordHash(name: string): { name: string; hash: string } | undefined {
    const row = this.db.prepare('SELECT name, password_hash FROM accounts WHERE name = ?').get(name) as
      { name: string; password_hash: string } | undefined;
    return row && { name: row.name, hash: row.password_hash };
  }
  setAccount(name: string, hash: string, now = Date.now()): 'created' | 'updated' {
    const existed = this.passwordHash(name) !== undefined;
    this.db
      .prepare(
        'INSERT INTO accounts (name, password_hash, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash',
      )
      .run(name, hash, now);
    // A new password ends the account's open sessions.
    if (existed) this.db.prepare('DELETE FROM sessions WHERE name = ?').run(name);
    return existed ? 'updated' : 'created';
  }
  deleteAccount(name: string): boolean {
    return this.db.prepare('DELETE FROM accounts WHERE name = ?').run(name).changes > 0;
  }

  // Sessions: only a hash of the id is stored.
  createSession(name: string, now = Date.now()): string {
    const id = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO sessions (id_hash, name, created_at, last_seen) VALUES (?, ?, ?, ?)')
      .run(sessionIdHash(id), name, now, now);
    return id;
  }
  /** The signed-in name, or undefined when unknown, idle too long or past its lifetime; a valid session is kept alive. */
  touchSession(id: string, now = Date.now()): string | undefined {
    return this.liveSession(id, now)?.name;
  }
  liveSession(id: string, now = Date.now()): LiveSession | undefined {
    const hash = sessionIdHash(id);
    const row = this.db.prepare('SELECT name, created_at, last_seen FROM sessions WHERE id_hash = ?').get(hash) as
      { name: string; created_at: number; last_seen: number } | undefined;
    if (!row) return undefined;
    if (now - row.last_seen > SESSION_IDLE_MS || now - row.created_at >= SESSION_MAX_MS) {
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash);
      return undefined;
    }
    const refreshed = now - row.last_seen > TOUCH_EVERY_MS;
    if (refreshed) this.db.prepare('UPDATE sessions SET last_seen = ? WHERE id_hash = ?').run(now, hash);
    return { name: row.name, refreshed, maxAgeMs: Math.min(SESSION_IDLE_MS, row.created_at + SESSION_MAX_MS - now) };
  }
  endSession(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sessionIdHash(id));
  }
  purgeSessions(now = Date.now()): void {
    this.db.prepare('DELETE FROM sessions WHERE last_seen < ? OR created_at <= ?').run(now - SESSION_IDLE_MS, now - SESSION_MAX_MS);
  }

  // Publish log
  addPublish(
    kind: Publish['kind'],
    requestedBy: string,
    now = Date.now(),
    only?: readonly string[],
    approval?: { token: string | null },
  ): number {
    return Number(
      this.db
        .prepare(
          'INSERT INTO publishes (kind, requested_by, requested_at, only_files, awaiting_approval, list_token) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(kind, requestedBy, now, only ? JSON.stringify(only) : null, approval ? 1 : 0, approval?.token ?? null).lastInsertRowid,
    );
  }
  /** Publishes waiting for a second account's approval, oldest first. */
  awaitingApproval(): Publish[] {
    return (
      this.db.prepare('SELECT * FROM publishes WHERE awaiting_approval = 1 AND finished_at IS NULL ORDER BY id').all() as PublishRow[]
    ).map(toPublish);
  }
  /** Marks a waiting publish approved by `by`; false when it is not waiting (any more). */
  approve(id: number, by: string): boolean {
    return (
      this.db.prepare('UPDATE publishes SET awaiting_approval = 0, approved_by = ? WHERE id = ? AND awaiting_approval = 1').run(by, id)
        .changes > 0
    );
  }
  startPublish(ids: number[], now = Date.now()): void {
    const update = this.db.prepare('UPDATE publishes SET started_at = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => update.run(now, id)))();
  }
  finishPublish(ids: number[], result: { ok: boolean; error?: string; files?: string[]; buildDir?: string }, now = Date.now()): void {
    const update = this.db.prepare('UPDATE publishes SET finished_at = ?, ok = ?, error = ?, files = ?, build_dir = ? WHERE id = ?');
    this.db.transaction(() =>
      ids.forEach((id) =>
        update.run(now, result.ok ? 1 : 0, result.error ?? null, JSON.stringify(result.files ?? []), result.buildDir ?? null, id),
      ),
    )();
  }
  /** Requests that never finished (the server stopped during a build): they run again at start. */
  unfinished(): Publish[] {
    return (
      this.db.prepare('SELECT * FROM publishes WHERE finished_at IS NULL AND awaiting_approval = 0 ORDER BY id').all() as PublishRow[]
    ).map(toPublish);
  }
  recent(limit = 10, kind: Publish['kind'] = 'publish'): Publish[] {
    return (this.db.prepare('SELECT * FROM publishes WHERE kind = ? ORDER BY id DESC LIMIT ?').all(kind, limit) as PublishRow[]).map(
      toPublish,
    );
  }
  lastFinished(kind: Publish['kind'] = 'publish'): Publish | undefined {
    const row = this.db
      .prepare('SELECT * FROM publishes WHERE kind = ? AND finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1')
      .get(kind) as PublishRow | undefined;
    return row && toPublish(row);
  }
}
