import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { startServer, type RunningServer } from '../helpers/server';
import { THREAD, formToken, postJson, tempDb } from '../helpers/comments';

/** Sends raw bytes and returns the status line (or '' if the server closed the connection silently). */
function raw(port: number, payload: string, { keepOpenMs = 0 } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(data.split('\r\n')[0] ?? ''));
    socket.write(payload);
    if (keepOpenMs) setTimeout(() => socket.end(), keepOpenMs);
  });
}

async function comment(base: string, n: number, headers: Record<string, string> = {}) {
  const formTokenValue = await formToken(base);
  return postJson(
    base,
    { thread: THREAD, text: `Kommentar Nummer ${n} zum Test der Drosselung.`, consent: true, website: '', formToken: formTokenValue },
    headers,
  );
}

describe('the client the rate limit sees', () => {
  it('a spoofed X-Forwarded-For buys no fresh budget when no proxy is trusted', async () => {
    const server = await startServer({ COMMENTS_DB: tempDb(), COMMENTS_RATE_LIMIT: '2', COMMENTS_MIN_SUBMIT_SECONDS: '0' });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await comment(server.url, i, { 'X-Forwarded-For': `198.51.100.${i}` })).status);
      expect(statuses).toEqual([201, 201, 429, 429]);
    } finally {
      await server.stop();
    }
  });

  it('behind a trusted proxy each forwarded client has its own budget', async () => {
    const server = await startServer({
      COMMENTS_DB: tempDb(),
      COMMENTS_RATE_LIMIT: '1',
      COMMENTS_MIN_SUBMIT_SECONDS: '0',
      TRUSTED_PROXIES: '127.0.0.1',
    });
    try {
      // The proxy appends the real client after whatever the client sent.
      expect((await comment(server.url, 1, { 'X-Forwarded-For': '1.1.1.1, 198.51.100.1' })).status).toBe(201);
      expect((await comment(server.url, 2, { 'X-Forwarded-For': '2.2.2.2, 198.51.100.1' })).status).toBe(429);
      expect((await comment(server.url, 3, { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});

// Two of these wait for the server's own timeouts (10 s and 30 s): they run side by side on one server.
describe.concurrent('the server process', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ COMMENTS_DB: tempDb() });
  });
  afterAll(() => server?.stop());

  it('answers an absolute-form request line with 400, not a stack trace', async () => {
    const status = await raw(server.port, 'GET http://x/../../.. HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(status).toBe('HTTP/1.1 400 Bad Request');
    expect(server.output()).not.toMatch(/at .*\(.*\.m?js:\d+/);
  });

  it('cuts off a client that sends its headers too slowly', async () => {
    const started = Date.now();
    // Headers never finish: the server must drop the connection by its header timeout (10 s).
    const status = await raw(server.port, 'GET / HTTP/1.1\r\nHost: x\r\n', { keepOpenMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(status === '' || status.startsWith('HTTP/1.1 408')).toBe(true);
    expect(server.process.exitCode).toBeNull();
  }, 40_000);

  it('cuts off a trickled request body', async () => {
    const started = Date.now();
    const status = await raw(
      server.port,
      'POST /api/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"a":',
      { keepOpenMs: 90_000 },
    );
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(status === '' || /^HTTP\/1.1 (408|400|500)/.test(status)).toBe(true);
    expect(server.process.exitCode).toBeNull();
  }, 60_000);
});

describe('a clean stop', () => {
  it('on SIGTERM finishes the comment in flight, exits 0 and keeps every acknowledged comment', async () => {
    const db = tempDb();
    const env = { COMMENTS_DB: db, COMMENTS_RATE_LIMIT: '0', COMMENTS_MIN_SUBMIT_SECONDS: '0' };
    const server = await startServer(env);
    const acknowledged: number[] = [];
    const refused: number[] = [];
    let stopped = false;
    // Writers post without pause until the server is gone; SIGTERM comes while they write.
    const writer = async (worker: number) => {
      for (let i = 0; !stopped; i++) {
        try {
          const token = await formToken(server.url);
          const response = await postJson(server.url, {
            thread: THREAD,
            text: `Kommentar ${worker}-${i} kurz vor dem Neustart des Servers.`,
            consent: true,
            website: '',
            formToken: token,
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id);
          else refused.push(response.status);
        } catch {
          return; // the server stopped accepting: nothing was acknowledged for this one
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acknowledged.length < 5) await new Promise((r) => setTimeout(r, 5));
    const exit = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    expect(await exit).toBe(0);
    stopped = true;
    await Promise.all(writers);
    expect(server.output()).toContain('sauber beendet');
    // A write is either acknowledged or refused with a proper answer; never a server error.
    expect(refused.filter((status) => status >= 500)).toEqual([]);

    // The stopped server closed its database cleanly; every acknowledged comment is in the file.
    const { default: Database } = await import('better-sqlite3');
    const file = new Database(db, { readonly: true });
    const stored = new Set((file.prepare('SELECT id FROM comments').all() as Array<{ id: number }>).map((r) => r.id));
    expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
    file.close();
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  });
});
