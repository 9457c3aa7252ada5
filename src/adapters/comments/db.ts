/** Adapter: the comment database file (better-sqlite3): opening, migrations, one shared connection per path. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Versioned migrations, applied in order at start; PRAGMA user_version records the last one. */
const MIGRATIONS: string[] = [
  `CREATE TABLE comments (
     id INTEGER PRIMARY KEY,
     thread TEXT NOT NULL,
     parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,
     author TEXT NOT NULL,
     text TEXT NOT NULL,
     html TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
     created_at INTEGER NOT NULL,
     updated_at INTEGER,
     status_changed_at INTEGER NOT NULL,
     edit_token_hash TEXT NOT NULL,
     text_hash TEXT NOT NULL,
     report_count INTEGER NOT NULL DEFAULT 0,
     report_reason TEXT
   );
   CREATE INDEX comments_thread ON comments (thread, status, created_at);
   CREATE INDEX comments_status ON comments (status, created_at);
   CREATE INDEX comments_duplicate ON comments (thread, text_hash);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 2: an approved comment changed by its author shows up for moderation again; form tokens are single-use.
  `ALTER TABLE comments ADD COLUMN edited_since_review INTEGER NOT NULL DEFAULT 0;
   CREATE INDEX comments_edited ON comments (edited_since_review) WHERE edited_since_review = 1;
   CREATE TABLE used_form_tokens (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;`,
  // 3: moderation by the Redaktion's accounts records who approved or rejected a comment.
  `ALTER TABLE comments ADD COLUMN moderated_by TEXT;`,
];

export type Db = Database.Database;

/**
 * One connection per file and process: the server opens it at start, and every build it serves
 * (each a separate module instance after a publish) takes the same one from here.
 */
const open: Map<string, Db> = ((globalThis as Record<symbol, unknown>)[Symbol.for('innungswissen.databases')] ??= new Map()) as Map<string, Db>;

export function openDatabase(path: string): Db {
  const key = path === ':memory:' ? '' : resolve(path);
  const known = key ? open.get(key) : undefined;
  if (known?.open) return known;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    checkSchemaVersion(db); // before any pragma changes the file
  } catch (error) {
    db.close();
    throw error;
  }
  if (key) open.set(key, db);
  // WAL: readers never block the writer. A commit is in the WAL before we answer 2xx, so a
  // killed process loses nothing acknowledged (synchronous=NORMAL guards against process crashes;
  // only a power loss could drop the last commits).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted comments are overwritten with zeros in the file, not just unlinked.
  db.pragma('secure_delete = ON');
  migrate(db);
  return db;
}

/** Closes every database this process opened (clean stop: the WAL is checkpointed). */
export function closeDatabases(): void {
  for (const [key, db] of open) {
    if (db.open) db.close();
    open.delete(key);
  }
}

export function migrate(db: Db): number {
  const current = checkSchemaVersion(db);
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

/** The newest schema this code knows (the number of migrations). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Version guard: a database written by a newer release is refused before anything touches it
 * (migrating "down" or writing with an older idea of the schema could corrupt it). Returns the
 * database's schema version.
 */
export function checkSchemaVersion(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `Die Kommentar-Datenbank stammt aus einer neueren Version von Innungswissen (Schema ${current}, ` +
        `diese Version kennt nur bis Schema ${MIGRATIONS.length}). Sie bleibt unverändert. Bitte die neuere ` +
        `Version einsetzen oder eine Sicherung aus dieser Version wiederherstellen (npm run restore).`,
    );
  }
  return current;
}
