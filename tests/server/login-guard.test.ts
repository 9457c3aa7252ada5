/**
 * The editor's login and paths against the real server: one normalised path for every check, sandboxed
 * static files, a login that refuses instead of sleeping and caps its scrypt work, a throttle without
 * raw addresses, logout only when accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../helpers/server';
import { EDITOR, editorSetup, signIn } from '../helpers/editor';
import { LOGIN_ATTEMPTS } from '../../server/editor/throttle';
import { STATIC_FILE_CSP } from '../../server/security-headers';

let server: RunningServer;
let base: string;

beforeAll(async () => {
  const setup = editorSetup();
  server = await startServer({ ...setup.env, TRUSTED_PROXIES: '127.0.0.1', INNUNGSWISSEN_TEST_HOOKS: '1' });
  base = server.url;
});
afterAll(() => server?.stop());

/** What the server holds, through its test hook (SIGUSR2 → one line on stdout). */
async function hook(): Promise<{ throttleKeys: string[]; passwordChecks: number }> {
  const before = server.output().length;
  server.process.kill('SIGUSR2');
  for (let i = 0; i < 100; i++) {
    const line = /test-hook (\{.*\})\n/.exec(server.output().slice(before));
    if (line) return JSON.parse(line[1]!);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no test-hook line');
}

/** A raw request: fetch() would resolve dot segments itself, so the server would never see them. */
function rawGet(path: string): Promise<{ status: number; location?: string; cacheControl?: string; type?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          cacheControl: res.headers['cache-control'],
          type: res.headers['content-type'],
          body,
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function login(name: string, password: string, from: string) {
  return fetch(`${base}/redaktion/anmelden/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, 'X-Forwarded-For': from },
    body: new URLSearchParams({ name, passwort: password }),
  });
}

describe('one normalised path for routing, access checks and headers', () => {
  it.each(['/%72edaktion/', '/x/../redaktion/', '/redaktion/./', '/%72edaktion/vorschau/', '/%6beystatic'])(
    '%s without a session goes to the login like its plain form',
    async (path) => {
      const response = await rawGet(path);
      expect(response.status).toBe(303);
      expect(response.location).toBe('/redaktion/anmelden/');
      expect(response.cacheControl).toBe('private, no-store');
    },
  );

  it.each(['/%zz', '/%00', '/redaktion%2f', '/x/..%2fredaktion/', '/../redaktion/', '/%2572edaktion/'])(
    '%s is a German 400 in JSON, never a 500',
    async (path) => {
      const response = await rawGet(path);
      expect(response.status).toBe(400);
      expect(response.type).toContain('application/json');
      expect((JSON.parse(response.body) as { error: { message: string } }).error.message).toBe(
        'Diese Adresse ist ungültig. Bitte prüfen Sie den Link.',
      );
      expect(server.output()).not.toContain('Fehler bei einer Anfrage');
    },
  );

  it('an encoded reader path still finds its page', async () => {
    expect((await rawGet('/%62eitraege/')).status).toBe(200);
    expect((await rawGet('/x/../beitraege/')).status).toBe(200);
  });
});

describe('static files that are not pages', () => {
  it('carry the sandbox CSP and nosniff; an SVG from public/ is still served as a picture; pages keep their own policy', async () => {
    const svg = await fetch(`${base}/logo.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-security-policy')).toBe(STATIC_FILE_CSP);
    expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-security-policy')).toBeNull();
    // Pagefind's search worker runs under its script's own policy: scripts get nosniff only.
    const worker = await fetch(`${base}/pagefind/pagefind-worker.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('x-content-type-options')).toBe('nosniff');
    expect(worker.headers.get('content-security-policy')).toBeNull();
  });
});

describe('the login', () => {
  // First: after the flood below, password-check slots rest for a moment.
  it('logs a successful login with the name, and a cross-site logout changes nothing, the cookie included', async () => {
    const cookie = await signIn(base);
    expect(server.output()).toContain(`Anmeldung (name=${EDITOR.name} ergebnis=ok)`);
    const foreign = await fetch(`${base}/redaktion/abmelden/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: 'https://boese.example' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${base}/redaktion/`, { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(200);
    const own = await fetch(`${base}/redaktion/abmelden/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, Origin: base },
    });
    expect(own.status).toBe(303);
    expect(own.headers.getSetCookie().every((c) => c.includes('Max-Age=0'))).toBe(true);
    expect((await fetch(`${base}/redaktion/`, { headers: { Cookie: cookie }, redirect: 'manual' })).status).toBe(303);
  });

  it('refuses 50 parallel wrong guesses for one name past the limit with 429 and Retry-After, without checking them', async () => {
    const before = (await hook()).passwordChecks;
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => login('Erika Muster', `falsch-${i}`, `203.0.113.${i + 1}`)));
    const statuses = answers.map((a) => a.status);
    // The first LOGIN_ATTEMPTS are let in: checked one after the other (401), or refused as busy
    // while the one password-check slot rests (503); every later one is refused unchecked (429).
    expect(statuses.filter((s) => s === 429)).toHaveLength(50 - LOGIN_ATTEMPTS);
    expect(statuses.filter((s) => s === 401 || s === 503)).toHaveLength(LOGIN_ATTEMPTS);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.text()).toContain('Zu viele Anmeldeversuche');
    expect((await hook()).passwordChecks - before).toBe(checked);
    // The right password for that name is refused too while it is locked (the burst cannot win).
    expect((await login('erika.muster', 'egal-welches-passwort', '198.51.100.9')).status).toBe(429);
    // The lock-out and each failure are one log line with name and outcome, no address.
    expect(server.output()).toMatch(/Anmeldung gesperrt: zu viele Versuche \(name=Erika Muster ergebnis=gesperrt\)/);
    expect(server.output()).toMatch(/Anmeldung fehlgeschlagen \(name=Erika Muster ergebnis=falsch\)/);
    expect(server.output()).not.toContain('203.0.113.');
  });

  it('keeps reader pages under a second while 200 clients log in at once; past the cap they get 503', async () => {
    const flood = Array.from({ length: 200 }, (_, i) => login(`Flut ${i}`, 'falsches-passwort', `10.${i >> 8}.${i & 255}.7`));
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const page = await fetch(`${base}/`);
    await page.text();
    const readerMs = Date.now() - started;
    const statuses = (await Promise.all(flood)).map((a) => a.status);
    expect(page.status).toBe(200);
    expect(readerMs).toBeLessThan(1000);
    expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
  });

  it('holds no IP address in memory, only keyed hashes', async () => {
    await login('Jemand', 'falsches-passwort', '2001:db8:77:1::42');
    const { throttleKeys } = await hook();
    expect(throttleKeys.length).toBeGreaterThan(0);
    for (const key of throttleKeys) expect(key).not.toMatch(/203\.0\.113|10\.0\.|2001:db8|127\.0\.0\.1|jemand|erika/i);
  });
});
