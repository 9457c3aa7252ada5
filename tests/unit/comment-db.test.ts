import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION, migrate, openDatabase } from '@/adapters/comments/db';
import { CommentStore } from '@/adapters/comments/store';
import { tempDb } from '../helpers/comments';

const input = (text: string) => ({
  thread: 't',
  parentId: null,
  author: 'A',
  text,
  html: `<p>${text}</p>`,
  status: 'approved' as const,
  editTokenHash: 'h',
  textHash: text,
  now: 1,
});

describe('comment database', () => {
  it('overwrites deleted comments in the file (secure_delete)', () => {
    const path = tempDb();
    const db = openDatabase(path);
    const store = new CommentStore(db);
    const id = store.create(input('Ein-unverwechselbares-Wort-Ohrenqualle'));
    store.create(input('bleibt'));
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path).toString('latin1')).toContain('Ohrenqualle');
    store.delete(id);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path).toString('latin1')).not.toContain('Ohrenqualle');
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('migrates a version-1 database additively, keeping its comments', () => {
    const path = tempDb();
    const old = new Database(path);
    // Schema 1 as the first release created it (the first migration only).
    old.exec(`CREATE TABLE comments (id INTEGER PRIMARY KEY, thread TEXT NOT NULL, parent_id INTEGER, author TEXT NOT NULL, text TEXT NOT NULL, html TEXT NOT NULL,
      status TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER, status_changed_at INTEGER NOT NULL, edit_token_hash TEXT NOT NULL,
      text_hash TEXT NOT NULL, report_count INTEGER NOT NULL DEFAULT 0, report_reason TEXT); CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO comments VALUES (1, 't', NULL, 'Alt', 'alter Text', '<p>alter Text</p>', 'approved', 1, NULL, 1, 'h', 'x', 0, NULL);
      PRAGMA user_version = 1;`);
    old.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const store = new CommentStore(db);
    expect(store.get(1)).toMatchObject({ author: 'Alt', text: 'alter Text', status: 'approved', edited: false, moderatedBy: null });
    expect(store.setStatus(1, 'rejected', 2, 'Anna Beispiel')).toBe(true);
    expect(store.get(1)?.moderatedBy).toBe('Anna Beispiel');
    expect(store.createWithToken(input('neu'), 'nonce-1', 10)).toEqual(expect.any(Number));
    expect(store.createWithToken(input('noch einer'), 'nonce-1', 10)).toBeNull();
    expect(store.purgeUsedTokens(11)).toBe(1);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
  });
});
