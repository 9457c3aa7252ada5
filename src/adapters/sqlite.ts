/**
 * Adapter: the one way this project opens a SQLite file (better-sqlite3), for the comment database and the
 * editor's database alike: a newer schema is refused before anything touches the file, then the pragmas
 * are set and the migration ladder brings the schema up to date.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

export interface SqliteSchema {
  /** Versioned migrations, applied in order at open; PRAGMA user_version records the last one applied. */
  migrations: readonly string[];
  /** The German sentence for a file written by a newer release (its schema version, the newest this code knows). */
  tooNew: (found: number, known: number) => string;
}

/** How long a statement waits for another connection's lock before it fails. */
export const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (and creates, with its folder) the database at `path`, or an in-memory one for ':memory:'.
 * Throws the schema's `tooNew` sentence, leaving the file unchanged, when it comes from a newer release.
 */
export function openSqlite(path: string, schema: SqliteSchema): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    checkSchemaVersion(db, schema); // before any pragma changes the file
  } catch (error) {
    db.close();
    throw error;
  }
  // WAL: readers never block the writer. A commit is in the WAL before we answer 2xx, so a killed
  // process loses nothing acknowledged (synchronous=NORMAL guards against process crashes; only a
  // power loss could drop the last commits).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Deleted rows (comments, sessions, password hashes) are overwritten with zeros in the file, not just unlinked.
  db.pragma('secure_delete = ON');
  migrate(db, schema);
  return db;
}

/** Applies the migrations the file has not seen yet, each in its own transaction; returns the schema version reached. */
export function migrate(db: Db, schema: SqliteSchema): number {
  const current = checkSchemaVersion(db, schema);
  for (let version = current; version < schema.migrations.length; version++) {
    db.transaction(() => {
      db.exec(schema.migrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return schema.migrations.length;
}

/**
 * Version guard: a database written by a newer release is refused before anything touches it (migrating
 * "down" or writing with an older idea of the schema could corrupt it). Returns the file's schema version.
 */
export function checkSchemaVersion(db: Db, schema: SqliteSchema): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > schema.migrations.length) throw new Error(schema.tooNew(current, schema.migrations.length));
  return current;
}
