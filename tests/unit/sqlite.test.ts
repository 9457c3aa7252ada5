/** The one SQLite opener: pragmas, the migration ladder and the newer-schema guard, for both databases. */
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite, type SqliteSchema } from '@/adapters/sqlite';
import { COMMENTS_SCHEMA, SCHEMA_VERSION } from '@/adapters/comments/db';
import { EditorStore } from '../../server/editor/store';

const ladder = (migrations: string[]): SqliteSchema => ({
  migrations,
  tooNew: (found, known) => `Schema ${found} ist neuer als ${known}.`,
});
const first = 'CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b(id));';
const second = 'CREATE TABLE b (id INTEGER PRIMARY KEY);';

describe('openSqlite', () => {
  it('creates the folder, sets the pragmas and applies the ladder; a reopen applies only the new steps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-'));
    try {
      const path = join(dir, 'neu', 'x.db');
      const db = openSqlite(path, ladder([first]));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('user_version', { simple: true })).toBe(1);
      db.close();
      const again = openSqlite(path, ladder([first, second]));
      expect(again.pragma('user_version', { simple: true })).toBe(2);
      expect(again.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual(['a', 'b']);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file from a newer release with the German sentence and leaves it unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-'));
    try {
      const path = join(dir, 'x.db');
      const newer = new Database(path);
      newer.pragma('user_version = 3');
      newer.close();
      const before = readFileSync(path);
      expect(() => openSqlite(path, ladder([first, second]))).toThrow('Schema 3 ist neuer als 2.');
      expect(readFileSync(path).equals(before)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens both databases: comments and the editor store reach their newest schema with the same pragmas', () => {
    const comments = openSqlite(':memory:', COMMENTS_SCHEMA);
    expect(comments.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const store = new EditorStore(':memory:');
    expect(store.db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    for (const db of [comments, store.db]) {
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    }
    comments.close();
    store.close();
  });
});
