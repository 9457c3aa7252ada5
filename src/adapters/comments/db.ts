/** Adapter: the comment database file: its migrations and one shared connection per path (opened by src/adapters/sqlite.ts). */
import { resolve } from 'node:path';
import { checkSchemaVersion as checkVersion, migrate as migrateSchema, openSqlite, type Db, type SqliteSchema } from '../sqlite';

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

/** The comment database's schema: its migrations and what a file from a newer release is told. */
export const COMMENTS_SCHEMA: SqliteSchema = {
  migrations: MIGRATIONS,
  tooNew: (found, known) =>
    `Die Kommentar-Datenbank stammt aus einer neueren Version von Innungswissen (Schema ${found}, ` +
    `diese Version kennt nur bis Schema ${known}). Sie bleibt unverändert. Bitte die neuere ` +
    `Version einsetzen oder eine Sicherung aus dieser Version wiederherstellen (npm run restore).`,
};

export type { Db };

/**
 * One connection per file and process: the server opens it at start, and every build it serves
 * (each a separate module instance after a publish) takes the same one from here.
 */
const open: Map<string, Db> = ((globalThis as Record<symbol, unknown>)[Symbol.for('innungswissen.databases')] ??= new Map()) as Map<
  string,
  Db
>;

export function openDatabase(path: string): Db {
  const key = path === ':memory:' ? '' : resolve(path);
  const known = key ? open.get(key) : undefined;
  if (known?.open) return known;
  const db = openSqlite(path, COMMENTS_SCHEMA);
  if (key) open.set(key, db);
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
  return migrateSchema(db, COMMENTS_SCHEMA);
}

/** The newest schema this code knows (the number of migrations). */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Version guard of the comment database (see src/adapters/sqlite.ts); returns its schema version. */
export function checkSchemaVersion(db: Db): number {
  return checkVersion(db, COMMENTS_SCHEMA);
}
