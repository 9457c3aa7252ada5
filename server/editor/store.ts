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
  // Several guilds (issue 26): an account belongs to sites (the single guild is the site ''), a session to the site
  // it signed in on, a publish to the site it builds; `verwaltung` accounts create sites and accounts.
  `ALTER TABLE accounts ADD COLUMN role TEXT NOT NULL DEFAULT 'redaktion';
   CREATE TABLE account_sites (name TEXT NOT NULL REFERENCES accounts(name) ON DELETE CASCADE ON UPDATE CASCADE, site TEXT NOT NULL, PRIMARY KEY (name, site));
   INSERT INTO account_sites (name, site) SELECT name, '' FROM accounts;
   ALTER TABLE sessions ADD COLUMN site TEXT NOT NULL DEFAULT '';
   ALTER TABLE publishes ADD COLUMN site TEXT NOT NULL DEFAULT '';
   CREATE INDEX publishes_site ON publishes (site, kind, id);`,
];

/** The single guild's site in the tables; a site of several guilds is its kennung. */
export const SINGLE_SITE = '';

const EDITOR_SCHEMA: SqliteSchema = {
  migrations: MIGRATIONS,
  tooNew: (found) => `redaktion.db stammt aus einer neueren Version (Schema ${found}); bitte die neuere Version starten.`,
};

/** `redaktion`: edits and publishes its sites; `verwaltung`: also creates sites and accounts (/redaktion/verwaltung/). */
export type AccountRole = 'redaktion' | 'verwaltung';

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
  /** The site this view reads and writes sessions and publishes of ('' = the single guild). */
  readonly site: string;
  readonly #owner: boolean;

  /** A path opens the database; a database handle gives another site's view of the same file (`forSite`). */
  constructor(path: string | Database.Database, site = SINGLE_SITE) {
    this.#owner = typeof path === 'string';
    this.db = typeof path === 'string' ? openSqlite(path, EDITOR_SCHEMA) : path;
    this.site = site;
  }

  /** The same accounts, with the sessions and publishes of one site of several guilds. */
  forSite(kennung: string): EditorStore {
    return new EditorStore(this.db, kennung);
  }

  close(): void {
    if (this.#owner && this.db.open) this.db.close();
  }

  // Accounts
  accountCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }
  accounts(): Array<{ name: string; createdAt: number; role: AccountRole; sites: string[] }> {
    const rows = this.db.prepare('SELECT name, created_at, role FROM accounts ORDER BY name').all() as Array<{
      name: string;
      created_at: number;
      role: string;
    }>;
    return rows.map((r) => ({
      name: r.name,
      createdAt: r.created_at,
      role: r.role === 'verwaltung' ? 'verwaltung' : 'redaktion',
      sites: this.sitesOf(r.name),
    }));
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
    // A new password ends the account's open sessions; a new account belongs to this view's site.
    if (existed) this.db.prepare('DELETE FROM sessions WHERE name = ?').run(name);
    else this.db.prepare('INSERT OR IGNORE INTO account_sites (name, site) VALUES (?, ?)').run(name, this.site);
    return existed ? 'updated' : 'created';
  }
  deleteAccount(name: string): boolean {
    return this.db.prepare('DELETE FROM accounts WHERE name = ?').run(name).changes > 0;
  }
  role(name: string): AccountRole | undefined {
    const row = this.db.prepare('SELECT role FROM accounts WHERE name = ?').get(name) as { role: string } | undefined;
    return row && (row.role === 'verwaltung' ? 'verwaltung' : 'redaktion');
  }
  setRole(name: string, role: AccountRole): boolean {
    return this.db.prepare('UPDATE accounts SET role = ? WHERE name = ?').run(role, name).changes > 0;
  }
  /** The sites an account belongs to (kennungen, sorted; '' = the single guild). */
  sitesOf(name: string): string[] {
    return (this.db.prepare('SELECT site FROM account_sites WHERE name = ? ORDER BY site').all(name) as Array<{ site: string }>).map(
      (r) => r.site,
    );
  }
  /** Replaces an account's sites; its sessions on sites it leaves end. */
  setSites(name: string, sites: readonly string[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM account_sites WHERE name = ?').run(name);
      const add = this.db.prepare('INSERT OR IGNORE INTO account_sites (name, site) VALUES (?, ?)');
      for (const site of sites) add.run(name, site);
      const keep = sites.map(() => '?').join(', ');
      this.db.prepare(`DELETE FROM sessions WHERE name = ? AND site NOT IN (${keep || 'NULL'})`).run(name, ...sites);
    })();
  }
  /**
   * May this account work on this view's site? The single guild: every account (as before sites existed).
   * A site of several guilds: its members, and the `verwaltung` accounts (they look after every site).
   */
  mayWorkOn(name: string): boolean {
    if (this.site === SINGLE_SITE) return this.passwordHash(name) !== undefined;
    if (this.role(name) === 'verwaltung') return true;
    return this.db.prepare('SELECT 1 FROM account_sites WHERE name = ? AND site = ?').get(name, this.site) !== undefined;
  }

  // Sessions: only a hash of the id is stored.
  createSession(name: string, now = Date.now()): string {
    const id = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO sessions (id_hash, name, created_at, last_seen, site) VALUES (?, ?, ?, ?, ?)')
      .run(sessionIdHash(id), name, now, now, this.site);
    return id;
  }
  /** The signed-in name, or undefined when unknown, idle too long or past its lifetime; a valid session is kept alive. */
  touchSession(id: string, now = Date.now()): string | undefined {
    return this.liveSession(id, now)?.name;
  }
  liveSession(id: string, now = Date.now()): LiveSession | undefined {
    const hash = sessionIdHash(id);
    // A session signed in on another site's host is no session here, even with its cookie copied over.
    const row = this.db.prepare('SELECT name, created_at, last_seen FROM sessions WHERE id_hash = ? AND site = ?').get(hash, this.site) as
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
  /** The site of another site's live session with this id (never this view's own); undefined when there is none. */
  sessionSite(id: string, now = Date.now()): string | undefined {
    const row = this.db
      .prepare('SELECT site FROM sessions WHERE id_hash = ? AND site != ? AND last_seen >= ? AND created_at > ?')
      .get(sessionIdHash(id), this.site, now - SESSION_IDLE_MS, now - SESSION_MAX_MS) as { site: string } | undefined;
    return row?.site;
  }
  endSession(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ? AND site = ?').run(sessionIdHash(id), this.site);
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
          'INSERT INTO publishes (kind, requested_by, requested_at, only_files, awaiting_approval, list_token, site) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(kind, requestedBy, now, only ? JSON.stringify(only) : null, approval ? 1 : 0, approval?.token ?? null, this.site)
        .lastInsertRowid,
    );
  }
  /** Publishes waiting for a second account's approval, oldest first. */
  awaitingApproval(): Publish[] {
    return (
      this.db
        .prepare('SELECT * FROM publishes WHERE site = ? AND awaiting_approval = 1 AND finished_at IS NULL ORDER BY id')
        .all(this.site) as PublishRow[]
    ).map(toPublish);
  }
  /** Marks a waiting publish approved by `by`; false when it is not waiting (any more). */
  approve(id: number, by: string): boolean {
    return (
      this.db
        .prepare('UPDATE publishes SET awaiting_approval = 0, approved_by = ? WHERE id = ? AND site = ? AND awaiting_approval = 1')
        .run(by, id, this.site).changes > 0
    );
  }
  startPublish(ids: number[], now = Date.now()): void {
    const update = this.db.prepare('UPDATE publishes SET started_at = ? WHERE id = ? AND site = ?');
    this.db.transaction(() => ids.forEach((id) => update.run(now, id, this.site)))();
  }
  finishPublish(ids: number[], result: { ok: boolean; error?: string; files?: string[]; buildDir?: string }, now = Date.now()): void {
    const update = this.db.prepare(
      'UPDATE publishes SET finished_at = ?, ok = ?, error = ?, files = ?, build_dir = ? WHERE id = ? AND site = ?',
    );
    this.db.transaction(() =>
      ids.forEach((id) =>
        update.run(
          now,
          result.ok ? 1 : 0,
          result.error ?? null,
          JSON.stringify(result.files ?? []),
          result.buildDir ?? null,
          id,
          this.site,
        ),
      ),
    )();
  }
  /** Requests that never finished (the server stopped during a build): they run again at start. */
  unfinished(): Publish[] {
    return (
      this.db
        .prepare('SELECT * FROM publishes WHERE site = ? AND finished_at IS NULL AND awaiting_approval = 0 ORDER BY id')
        .all(this.site) as PublishRow[]
    ).map(toPublish);
  }
  recent(limit = 10, kind: Publish['kind'] = 'publish'): Publish[] {
    return (
      this.db
        .prepare('SELECT * FROM publishes WHERE site = ? AND kind = ? ORDER BY id DESC LIMIT ?')
        .all(this.site, kind, limit) as PublishRow[]
    ).map(toPublish);
  }
  lastFinished(kind: Publish['kind'] = 'publish'): Publish | undefined {
    const row = this.db
      .prepare('SELECT * FROM publishes WHERE site = ? AND kind = ? AND finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1')
      .get(this.site, kind) as PublishRow | undefined;
    return row && toPublish(row);
  }
}
