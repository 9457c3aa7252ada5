import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openDatabase, SCHEMA_VERSION } from '@/adapters/comments/db';
import { backupDatabase, backupFileName, listBackups } from '@/adapters/ops/backup';
import { startDailyBackups } from '@/adapters/ops/backup-scheduler';
import { readBackupSettings } from '@/lib/ops/backup-settings';
import { restoreDatabase, RestoreRefused } from '@/adapters/ops/restore';
import { checkDatabaseFile } from '@/adapters/ops/verify';

async function until(condition: () => boolean, ms = 10_000) {
  for (const end = Date.now() + ms; !condition() && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
}

const temp = () => mkdtempSync(join(tmpdir(), 'innungswissen-ops-'));

function seeded(dir: string, n = 3): string {
  const path = join(dir, 'comments.db');
  const db = openDatabase(path);
  const insert = db.prepare(
    `INSERT INTO comments (thread, author, text, html, status, created_at, status_changed_at, edit_token_hash, text_hash)
     VALUES ('t', 'A', ?, '<p>x</p>', 'approved', 1, 1, 'h', ?)`,
  );
  for (let i = 0; i < n; i++) insert.run(`Kommentar ${i}`, `hash-${i}`);
  db.close();
  return path;
}

describe('backup settings and names', () => {
  it('reads the defaults and the switches', () => {
    expect(readBackupSettings({})).toEqual({ dir: './data/backups/', keep: 14, daily: true });
    expect(readBackupSettings({ COMMENTS_BACKUP_DIR: '/srv/b', COMMENTS_BACKUP_KEEP: '3', COMMENTS_BACKUP_DAILY: '0' })).toEqual({
      dir: '/srv/b',
      keep: 3,
      daily: false,
    });
    expect(() => readBackupSettings({ COMMENTS_BACKUP_KEEP: '0' })).toThrow(/COMMENTS_BACKUP_KEEP muss eine ganze Zahl/);
  });

  it('names files by UTC date and time so that names sort by age', () => {
    expect(backupFileName(new Date('2026-03-01T04:05:06.789Z'))).toBe('comments-2026-03-01_04-05-06.db');
    expect(backupFileName(new Date('2026-03-01T04:05:06Z'), 2)).toBe('comments-2026-03-01_04-05-06-2.db');
  });
});

describe('backupDatabase', () => {
  it('writes a verified single-file copy, keeps the newest N and never touches other files', async () => {
    const dir = temp();
    const db = seeded(dir, 5);
    const backups = join(dir, 'backups');
    mkdirSync(backups);
    writeFileSync(join(backups, 'notiz.txt'), 'bleibt');
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await backupDatabase({ dbPath: db, dir: backups, keep: 2, now: () => new Date(clock) }));
      clock += 3_600_000;
    }
    const same = await backupDatabase({ dbPath: db, dir: backups, keep: 2, now: () => new Date(clock - 3_600_000) });
    expect(basename(same.path)).toBe('comments-2026-01-01_03-00-00-1.db');
    expect(readdirSync(backups).sort()).toEqual(['comments-2026-01-01_03-00-00-1.db', 'comments-2026-01-01_03-00-00.db', 'notiz.txt']);
    expect(results[3]!.removed.map((p) => basename(p))).toEqual(['comments-2026-01-01_01-00-00.db']);
    expect(same.bytes).toBeGreaterThan(0);
    expect(checkDatabaseFile(same.path)).toEqual({ schemaVersion: SCHEMA_VERSION, comments: 5 });
    // Self-contained: DELETE journal mode, so the file alone is the whole backup.
    expect(readFileSync(same.path)[18]).toBe(1);
    expect(listBackups(backups).map((p) => basename(p))).toEqual(['comments-2026-01-01_03-00-00-1.db', 'comments-2026-01-01_03-00-00.db']);
  });

  it('says in German when the folder cannot be written, and when the database is missing', async () => {
    const dir = temp();
    const db = seeded(dir);
    writeFileSync(join(dir, 'eine-datei'), '');
    await expect(backupDatabase({ dbPath: db, dir: join(dir, 'eine-datei', 'sicherungen'), keep: 3 })).rejects.toThrow(
      /Der Sicherungsordner .* kann nicht angelegt oder beschrieben werden/,
    );
    await expect(backupDatabase({ dbPath: join(dir, 'fehlt.db'), dir, keep: 3 })).rejects.toThrow(/gibt es nicht/);
  });

  it('the daily schedule makes one backup a day, catches up when the last is older, and logs failures', async () => {
    const dir = temp();
    const db = seeded(dir);
    const backups = join(dir, 'backups');
    const lines: string[] = [];
    const log = { info: (l: string) => lines.push(l), error: (l: string) => lines.push(`FEHLER ${l}`) };
    const daily = startDailyBackups({ dbPath: db, dir: backups, keep: 3, log, intervalMs: 150, firstDelayMs: 10 });
    await until(() => lines.length >= 2);
    daily.stop();
    await daily.done();
    expect(listBackups(backups).length).toBeGreaterThanOrEqual(2);
    expect(lines[0]).toMatch(/^Sicherung geschrieben: .*comments-.*\.db \(.* kB, geprüft\)/);

    // A fresh backup exists: the next one waits for the rest of the interval.
    const later: string[] = [];
    const waiting = startDailyBackups({
      dbPath: db,
      dir: backups,
      keep: 3,
      log: { info: (l) => later.push(l), error: (l) => later.push(l) },
      intervalMs: 60_000,
      firstDelayMs: 10,
    });
    await new Promise((r) => setTimeout(r, 100));
    waiting.stop();
    expect(later).toEqual([]);

    // An old newest backup: catch up soon after start. A broken folder: a German line, no crash.
    for (const file of listBackups(backups)) utimesSync(file, new Date(0), new Date(0));
    const failing: string[] = [];
    writeFileSync(join(dir, 'datei'), '');
    const broken = startDailyBackups({
      dbPath: db,
      dir: join(dir, 'datei', 'x'),
      keep: 3,
      log: { info: (l) => failing.push(l), error: (l) => failing.push(l) },
      intervalMs: 60_000,
      firstDelayMs: 10,
    });
    const catchUp = startDailyBackups({
      dbPath: db,
      dir: backups,
      keep: 3,
      log: { info: (l) => later.push(l), error: (l) => later.push(l) },
      intervalMs: 60_000,
      firstDelayMs: 10,
    });
    await until(() => failing.length >= 1 && later.length >= 1);
    await new Promise((r) => setTimeout(r, 100));
    broken.stop();
    catchUp.stop();
    expect(failing).toEqual([
      expect.stringMatching(/^Tägliche Sicherung fehlgeschlagen \(der Server läuft weiter\): Der Sicherungsordner/),
    ]);
    expect(later).toEqual([expect.stringMatching(/^Sicherung geschrieben/)]);
  });
});

describe('restoreDatabase', () => {
  it('restores a backup, keeping the replaced database beside it for the configured days', async () => {
    const dir = temp();
    const db = seeded(dir, 4);
    const { path } = await backupDatabase({ dbPath: db, dir: join(dir, 'b'), keep: 3 });
    const live = seeded(temp(), 1);
    const result = restoreDatabase({ file: path, dbPath: live, keepOldDays: 3, now: () => new Date('2026-02-02T10:00:00Z') });
    expect(result.comments).toBe(4);
    expect(basename(result.keptOld!)).toBe('comments.vor-wiederherstellung-2026-02-02_10-00-00.db');
    expect(checkDatabaseFile(live).comments).toBe(4);
    expect(checkDatabaseFile(result.keptOld!).comments).toBe(1);
  });

  it('refuses a corrupt or foreign file and replaces nothing', async () => {
    const dir = temp();
    const db = seeded(dir, 40);
    const { path } = await backupDatabase({ dbPath: db, dir: join(dir, 'b'), keep: 3 });
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 4096 + 8, 4096 + 600); // garbage in the second page
    const corrupt = join(dir, 'kaputt.db');
    writeFileSync(corrupt, bytes);
    const foreign = join(dir, 'fremd.db');
    new Database(foreign).exec('CREATE TABLE x (a)');
    const text = join(dir, 'text.db');
    writeFileSync(text, 'keine Datenbank');
    const before = readFileSync(db);
    for (const [file, message] of [
      [corrupt, /beschädigt|keine lesbare SQLite-Datenbank/],
      [foreign, /keine Kommentar-Datenbank von Innungswissen/],
      [text, /keine lesbare SQLite-Datenbank/],
      [join(dir, 'gibt-es-nicht.db'), /gibt es nicht/],
    ] as const) {
      expect(() => restoreDatabase({ file, dbPath: db })).toThrow(RestoreRefused);
      expect(() => restoreDatabase({ file, dbPath: db })).toThrow(message);
    }
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['b', 'comments.db', 'fremd.db', 'kaputt.db', 'text.db']);
  });

  it('refuses while another connection holds the database', async () => {
    const dir = temp();
    const db = seeded(dir, 2);
    const { path } = await backupDatabase({ dbPath: db, dir: join(dir, 'b'), keep: 3 });
    const server = openDatabase(db);
    try {
      expect(() => restoreDatabase({ file: path, dbPath: db })).toThrow(/ist gerade geöffnet – vermutlich läuft der Server noch/);
      expect(readdirSync(dir).sort()).toEqual(['b', 'comments.db', 'comments.db-shm', 'comments.db-wal']);
    } finally {
      server.close();
    }
  });

  it('restores into a fresh folder', async () => {
    const dir = temp();
    const { path } = await backupDatabase({ dbPath: seeded(dir, 2), dir: join(dir, 'b'), keep: 3 });
    const target = join(temp(), 'neu', 'comments.db');
    expect(restoreDatabase({ file: path, dbPath: target })).toMatchObject({ keptOld: null, comments: 2 });
    expect(existsSync(target)).toBe(true);
  });
});

describe('schema version guard', () => {
  it('refuses a database from a newer version in German and leaves it as it was', () => {
    const path = join(temp(), 'neuer.db');
    const newer = new Database(path);
    newer.exec('CREATE TABLE zukunft (a)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(
      /stammt aus einer neueren Version von Innungswissen \(Schema \d+, diese Version kennt nur bis Schema \d+\)/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
