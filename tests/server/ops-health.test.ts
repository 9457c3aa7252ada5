import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { startServer, type RunningServer } from '../helpers/server';
import { tempDb } from '../helpers/comments';
import { SCHEMA_VERSION } from '@/adapters/comments/db';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

/** The server opens (and creates) its database just after it starts listening; wait for that. */
async function serverOn(db: string, ready = true) {
  const server = await startServer({ COMMENTS_DB: db });
  servers.push(server);
  for (let i = 0; ready && i < 100 && !existsSync(`${db}-wal`); i++) await new Promise((r) => setTimeout(r, 50));
  return server;
}

async function health(base: string) {
  const response = await fetch(`${base}/api/health`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, string> };
}

describe('GET /api/health', () => {
  let shared: { server: RunningServer; db: string } | undefined;
  async function sharedServer() {
    if (!shared) {
      const db = tempDb();
      shared = { server: await serverOn(db), db };
    }
    return shared;
  }

  it('answers 200 with build and version, never cached, and nothing personal', async () => {
    const { server } = await sharedServer();
    const { status, headers, body } = await health(server.url);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('content-type')).toContain('application/json');
    expect(Object.keys(body).sort()).toEqual(['build', 'database', 'status', 'version']);
    expect(body).toMatchObject({ status: 'ok', database: 'ok', version: pkg.version });
    // The build's time, embedded when the test build ran (not the time of this request).
    expect(Date.parse(body.build!)).toBeLessThan(Date.now() - 1000);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|comments\.db|innungswissen-/);
  });

  it('answers 503 in German when the database file is gone or damaged, and 200 again once it is back', async () => {
    const { server, db } = await sharedServer();
    const files = ['', '-wal', '-shm'].map((suffix) => db + suffix);
    for (const file of files) renameSync(file, `${file}.weg`);
    try {
      const missing = await health(server.url);
      expect(missing.status).toBe(503);
      expect(missing.headers.get('cache-control')).toBe('no-store');
      expect(missing.body).toMatchObject({
        status: 'error',
        database: 'error',
        reason: 'Die Kommentar-Datenbank fehlt.',
        version: pkg.version,
      });
      writeFileSync(db, 'Dies ist keine Datenbank, sondern ein zerstörter Block.'.repeat(200));
      const damaged = await health(server.url);
      expect(damaged.status).toBe(503);
      expect(damaged.body).toMatchObject({ status: 'error', reason: 'Die Kommentar-Datenbank kann nicht gelesen werden.' });
    } finally {
      for (const file of files) renameSync(`${file}.weg`, file);
    }
    expect((await health(server.url)).status).toBe(200);
  });

  it('answers 503 when the database cannot be written (files made immutable)', async () => {
    const { server, db } = await sharedServer();
    // chattr +i makes a file unwritable even for root (the tests run as root here, so chmod would not).
    const files = [db, `${db}-wal`];
    const locked = files.filter((file) => spawnSync('chattr', ['+i', file]).status === 0);
    try {
      if (locked.length < files.length) {
        console.warn('chattr +i is not possible on this file system: the unwritable case is not tested here.');
        return;
      }
      const { status, body } = await health(server.url);
      expect(status).toBe(503);
      expect(body.reason).toBe('In die Kommentar-Datenbank kann nicht geschrieben werden.');
    } finally {
      for (const file of locked) spawnSync('chattr', ['-i', file]);
    }
    expect((await health(server.url)).status).toBe(200);
  });

  it('a database from a newer version: the server refuses to start in German and the file stays untouched', async () => {
    const db = tempDb();
    const newer = new Database(db);
    newer.exec('CREATE TABLE comments (id INTEGER PRIMARY KEY); CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)');
    newer.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newer.close();
    const before = readFileSync(db);
    await expect(startServer({ COMMENTS_DB: db })).rejects.toThrow(/stammt aus einer neueren Version von Innungswissen/);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });
});
