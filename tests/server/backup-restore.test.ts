import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startServer, type RunningServer } from '../helpers/server';
import { withModerator, THREAD, admin, formToken, tempDb } from '../helpers/comments';
import { ROOT } from '../helpers/paths';
import { childEnv } from '../../scripts/child-env';

/** Runs an npm script the way an operator would, without blocking the event loop (the writers keep going). */
function npm(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));
const env = (db: string) => ({ COMMENTS_DB: db, ...withModerator(), COMMENTS_RATE_LIMIT: '0', COMMENTS_MIN_SUBMIT_SECONDS: '0' });

describe('backup under write load, restore, and the server on the restored copy', () => {
  it('every comment acknowledged before the backup is there after a restore into a fresh folder', async () => {
    const db = tempDb();
    const backupDir = join(dirname(db), 'sicherungen');
    const server = await startServer(env(db));
    servers.push(server);
    const acknowledged = new Map<number, string>();
    let stop = false;
    const writer = async (worker: number) => {
      for (let i = 0; !stop && acknowledged.size < 450; i++) {
        const text = `Sicherungstest ${worker}-${i}: Ist dieser Kommentar nach der Wiederherstellung noch da?`;
        // Form tokens are single-use: one per comment.
        const token = await formToken(server.url);
        const response = await fetch(`${server.url}/api/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ thread: THREAD, text, consent: true, website: '', formToken: token }),
        });
        if (response.status === 201) acknowledged.set(((await response.json()) as { id: number }).id, text);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const writers = [0, 1, 2].map((w) =>
      writer(w).catch((error) => {
        throw new Error(`writer failed: ${error}\nServer output:\n${server.output()}`);
      }),
    );
    while (acknowledged.size < 100) await new Promise((r) => setTimeout(r, 5));

    // `npm run backup` while the writers go on.
    const before = new Map(acknowledged);
    const backup = await npm(['backup'], { COMMENTS_DB: db, COMMENTS_BACKUP_DIR: backupDir });
    const duringBackup = acknowledged.size - before.size;
    stop = true;
    await Promise.all(writers);
    expect(backup.code, backup.output).toBe(0);
    const [file] = readdirSync(backupDir);
    expect(file).toMatch(/^comments-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.db$/);
    const path = join(backupDir, file!);
    expect(backup.output).toContain(`Sicherung geschrieben: ${path} (`);
    expect(backup.output).toContain(`${(statSync(path).size / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} kB, geprüft`);
    expect(duringBackup, 'comments written while the backup ran').toBeGreaterThan(0);

    // Restore refuses while the server holds the database, and changes nothing.
    const live = readdirSync(dirname(db)).sort();
    const refused = await npm(['restore', '--', path], { COMMENTS_DB: db });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Wiederherstellung abgelehnt, nichts wurde ersetzt');
    expect(refused.output).toContain('vermutlich läuft der Server noch');
    expect(readdirSync(dirname(db)).sort()).toEqual(live);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    // Restore into a fresh folder, start the real server on it.
    const fresh = join(mkdtempSync(join(tmpdir(), 'innungswissen-restore-')), 'daten', 'comments.db');
    const restored = await npm(['restore', '--', path], { COMMENTS_DB: fresh });
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toMatch(/Wiederhergestellt: .*comments\.db aus .* \(\d+ Kommentare\)/);
    const second = await startServer(env(fresh));
    servers.push(second);
    const pending = (await (await admin(second.url, '?status=pending')).json()) as { comments: Array<{ id: number; text: string }> };
    const stored = new Map(pending.comments.map((c) => [c.id, c.text]));
    expect(pending.comments.length).toBeLessThan(500); // the moderation list shows up to 500: all of them here
    expect([...before].filter(([id, text]) => stored.get(id) !== text)).toEqual([]);
    // and the API works on it
    const more = await fetch(`${second.url}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        thread: THREAD,
        text: 'Nach der Wiederherstellung geschrieben.',
        consent: true,
        website: '',
        formToken: await formToken(second.url),
      }),
    });
    expect(more.status).toBe(201);
    await second.stop();

    // A corrupt backup is refused and nothing is replaced.
    const bytes = readFileSync(path);
    bytes.fill(0x41, 4096 * 3, 4096 * 3 + 2000);
    const corrupt = join(dirname(fresh), 'kaputt.db');
    writeFileSync(corrupt, bytes);
    const filesBefore = readdirSync(dirname(fresh)).sort();
    const dbBefore = readFileSync(fresh);
    const bad = await npm(['restore', '--', corrupt], { COMMENTS_DB: fresh });
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(
      /Wiederherstellung abgelehnt, nichts wurde ersetzt: .*kaputt\.db (ist beschädigt|ist keine lesbare SQLite-Datenbank)/,
    );
    expect(readdirSync(dirname(fresh)).sort()).toEqual(filesBefore);
    expect(readFileSync(fresh).equals(dbBefore)).toBe(true);
  }, 240_000);

  it('an erased comment is in no file of the data folder: after the moderation deletes it on the running server, and after npm run backup + erase + npm run restore', async () => {
    const db = tempDb();
    const dir = dirname(db);
    const backupDir = join(dir, 'backups');
    const server = await startServer(env(db));
    servers.push(server);
    const secret = 'Loeschtest-Ohrenqualle-Zitronenfalter-0815';
    const response = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ thread: THREAD, text: secret, consent: true, website: '', formToken: await formToken(server.url) }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    const backup = await npm(['backup'], { COMMENTS_DB: db, COMMENTS_BACKUP_DIR: backupDir });
    expect(backup.code, backup.output).toBe(0);
    const holding = () =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map((name) => join(dir, name))
        .filter((file) => statSync(file).isFile() && readFileSync(file).includes(Buffer.from(secret)))
        .map((file) => file.slice(dir.length + 1));
    // Before the deletion: in the live database (its WAL or main file) and in the backup.
    expect(holding()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^comments\.db(-wal)?$/), expect.stringMatching(/^backups\/comments-.*\.db$/)]),
    );

    expect((await admin(server.url, `/${id}`, 'DELETE')).status).toBe(204);
    // The server still holds its connection: the WAL was truncated, only the backup (kept backupKeep days) has the text.
    expect(holding()).toEqual([expect.stringMatching(/^backups\/comments-.*\.db$/)]);
    await server.stop();

    const [file] = readdirSync(backupDir);
    const restored = await npm(['restore', '--', join(backupDir, file!)], { COMMENTS_DB: db });
    expect(restored.code, restored.output).toBe(0);
    expect(restored.output).toContain('1 gelöschte Kommentare aus dem Löschprotokoll wieder entfernt.');
    expect(restored.output).toContain('Die bisherige Datenbank wurde gelöscht.');
    expect(holding()).toEqual([`backups/${file}`]);
    expect(readdirSync(dir).filter((name) => name.includes('vor-wiederherstellung'))).toEqual([]);
  }, 120_000);

  it('a backup folder that cannot be written: German message, exit code 1, the server keeps running', async () => {
    const db = tempDb();
    const server = await startServer(env(db));
    servers.push(server);
    await formToken(server.url);
    const blocker = join(dirname(db), 'eine-datei');
    writeFileSync(blocker, '');
    const result = await npm(['backup'], { COMMENTS_DB: db, COMMENTS_BACKUP_DIR: join(blocker, 'sicherungen') });
    expect(result.code).toBe(1);
    expect(result.output).toContain('kann nicht angelegt oder beschrieben werden');
    expect(existsSync(join(blocker, 'sicherungen'))).toBe(false);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
