/**
 * Editors per site (issue 26): two fixture sites (copies of tests/fixtures/sites/nord and sued, so no publish
 * touches the fixtures) built and served by one real server. An editor of Nord signs in on Nord's host and works
 * there; with Nord's session every editor route (the server's route table, every Astro editor page and endpoint,
 * Keystatic's API) answers Süd's host with 401/403/404 and nothing of Süd, and Nord's host knows none of Süd's ids
 * (a publish waiting for approval, a comment, a post). The `verwaltung` page opens for that role only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { holdBuildLock } from '../helpers/build';
import { buildSiteFolder } from '../helpers/site-build';
import { childEnv } from '../../scripts/child-env';
import { ROOT, TEST_RUN } from '../helpers/paths';
import type { RunningServer } from '../helpers/server';
import { startSitesServer } from '../helpers/many-sites-client';
import { de } from '@/i18n/de';

const WORK = join(TEST_RUN, 'site-editors');
const SITES = join(WORK, 'sites');
const BUILDS = join(WORK, 'dist-sites');
const NORD = 'nord.innung.test';
const SUED = 'sued.innung.test';
/** Words only Süd's pages, posts and config carry. */
const SUED_MARKS = ['Südwind', 'Südstadt', 'Innung Süd'];
const PASSWORD = 'geheimes-passwort-123';

let server: RunningServer;
let dataDir: string;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the given Host header (fetch may not set Host); an Origin of that host for writes. */
function call(host: string, path: string, options: { method?: string; body?: string; cookie?: string; type?: string } = {}) {
  const url = new URL(path, server.url);
  const method = options.method ?? 'GET';
  // no-cors: Keystatic's API asks for it, as its app sends it.
  const headers: Record<string, string> = { Host: host, 'no-cors': '1' };
  if (options.cookie) headers.Cookie = options.cookie;
  const body = options.body ?? (method === 'GET' || method === 'HEAD' ? undefined : '{}');
  if (method !== 'GET' && method !== 'HEAD') headers.Origin = `http://${host}`;
  if (body !== undefined) {
    headers['Content-Type'] = options.type ?? 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(body));
  }
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function signIn(host: string, name: string): Promise<Answer & { cookie: string }> {
  const answer = await call(host, '/redaktion/anmelden/', {
    method: 'POST',
    type: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ name, passwort: PASSWORD }).toString(),
  });
  const set = answer.headers['set-cookie'];
  return { ...answer, cookie: (Array.isArray(set) ? set[0]! : '').split(';')[0]! };
}

/** The login allows ten attempts per client in 15 minutes: each account signs in once per host, reused after. */
const signedIn = new Map<string, string>();
async function sessionOn(host: string, name: string): Promise<{ cookie: string }> {
  const key = `${host} ${name}`;
  if (!signedIn.has(key)) {
    const answer = await signIn(host, name);
    expect(answer.status, `${name} on ${host}`).toBe(303);
    signedIn.set(key, answer.cookie);
  }
  return { cookie: signedIn.get(key)! };
}

function account(...args: string[]): void {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/redaktion.ts'), 'konto', 'anlegen', ...args],
    { cwd: ROOT, env: childEnv({ DATA_DIR: dataDir }), input: `${PASSWORD}\n`, encoding: 'utf8' },
  );
  expect(result.status, result.stderr).toBe(0);
}

const build = (site: string) => buildSiteFolder(site, SITES, BUILDS);

/** Every Astro editor page and endpoint, as a path with a made-up id where the route has a parameter. */
function astroEditorRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const route = `/${relative(join(ROOT, 'src/pages'), path)}`
          .replace(/\.(astro|ts)$/, '')
          .replace(/\/index$/, '/')
          .replace(/\[[^\]]+\]/g, '1');
        found.push(route);
      }
    }
  };
  walk(join(ROOT, 'src/pages/redaktion'));
  walk(join(ROOT, 'src/pages/api/redaktion'));
  return found;
}

/** The server's own editor routes (server/editor/routes.ts) and Keystatic's API. */
const SERVER_ROUTES = [
  '/api/keystatic/tree',
  '/api/keystatic/blob/0/posts/suedwind-fortbildung.md',
  '/api/keystatic/update',
  '/api/redaktion/veroeffentlichen',
  '/api/redaktion/freigeben',
  '/api/redaktion/vorschau',
  '/api/redaktion/was-geht-online',
  '/api/redaktion/status',
  '/api/redaktion/verlauf',
  '/keystatic/',
  '/keystatic/collection/posts',
  '/redaktion/vorschau/',
  '/redaktion/vorschau/beitraege/suedwind-fortbildung/',
  '/redaktion/abmelden/',
];

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  for (const site of ['nord', 'sued']) {
    const to = join(SITES, site);
    cpSync(join(ROOT, 'tests/fixtures/sites', site), to, { recursive: true });
    // The copy imports the schema from its own place.
    const config = join(to, 'guild.config.ts');
    const schema = relative(to, join(ROOT, 'src/lib/config/schema'));
    let source = readFileSync(config, 'utf8').replace(/'(\.\.\/)+src\/lib\/config\/schema'/, `'${schema}'`);
    // Freigabe on for Süd (its guild config, the one switch): a publish request waits for a second account, so Süd
    // has a publish id without a build.
    if (site === 'sued') source = source.replace('postsPerPage: 10,', 'postsPerPage: 10,\n  publishApproval: true,');
    writeFileSync(config, source);
  }
  const release = await holdBuildLock();
  try {
    for (const site of ['nord', 'sued']) {
      const result = await build(site);
      expect(result.status, result.output.slice(-3000)).toBe(0);
    }
  } finally {
    release();
  }
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-site-editors-'));
  account('Anna Nord', '--innung', 'nord');
  account('Bruno Sued', '--innung', 'sued');
  account('Clara Beide', '--innung', 'nord', '--innung', 'sued');
  account('Vera Verwaltung', '--verwaltung');
  mkdirSync(join(WORK, 'builds'), { recursive: true });
  server = await startSitesServer(
    { work: WORK, sites: SITES, builds: BUILDS, dataDir },
    { COMMENTS_MIN_SUBMIT_SECONDS: '0', COMMENTS_RATE_LIMIT: '0' },
  );
}, 900_000);
afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('editors per site', () => {
  it("an editor signs in on the host of a site the account belongs to, and on no other site's host", async () => {
    const own = await signIn(NORD, 'Anna Nord');
    expect(own.status).toBe(303);
    expect(own.headers.location).toBe('/redaktion/');
    signedIn.set(`${NORD} Anna Nord`, own.cookie);
    const other = await signIn(SUED, 'Anna Nord');
    expect(other.status).toBe(401);
    expect(other.body).toContain(de.editor.loginFailed);
    expect(other.headers['set-cookie']).toBeUndefined();
    await sessionOn(SUED, 'Bruno Sued');
    await sessionOn(SUED, 'Vera Verwaltung');
  });

  it("the dashboard works on the site's own content and lists only the editor's own sites, each under its address", async () => {
    const { cookie } = await sessionOn(NORD, 'Anna Nord');
    const page = await call(NORD, '/redaktion/', { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain(`Innung Nord (${de.siteEditors.thisSite})`);
    for (const mark of SUED_MARKS) expect(page.body).not.toContain(mark);
    const tree = await call(NORD, '/api/keystatic/tree', { cookie });
    expect(tree.status).toBe(200);
    expect(tree.body).toContain('nordlicht-stammtisch');
    expect(tree.body).not.toContain('suedwind');

    const both = await sessionOn(NORD, 'Clara Beide');
    const clara = await call(NORD, '/redaktion/', { cookie: both.cookie });
    expect(clara.body).toContain(`href="http://${SUED}/redaktion/"`);
  });

  it("with Nord's session, every editor route on Süd's host answers 401/403/404 and nothing of Süd", async () => {
    const { cookie } = await sessionOn(NORD, 'Anna Nord');
    // The login page is the door, the same form for everyone.
    const routes = [...new Set([...SERVER_ROUTES, ...astroEditorRoutes()])].filter((path) => !path.startsWith('/redaktion/anmelden'));
    expect(routes).toContain('/redaktion/kommentare');
    expect(routes).toContain('/redaktion/verwaltung/');
    expect(routes).toContain('/api/redaktion/kommentare/1/approve');
    for (const path of routes) {
      for (const method of ['GET', 'POST']) {
        const answer = await call(SUED, path, { method, cookie, body: method === 'POST' ? '{}' : undefined });
        if (method === 'POST' && path === '/redaktion/abmelden/') {
          // Logging out is open to anyone; here it ends nothing (Nord's session lives on, checked below).
          expect(answer.status).toBe(303);
          expect(answer.body).toBe('');
          continue;
        }
        expect([401, 403, 404], `${method} ${path}: ${answer.status}`).toContain(answer.status);
        for (const mark of SUED_MARKS) expect(answer.body, `${method} ${path}`).not.toContain(mark);
      }
    }
    // The refusal says why, in German; on its own host the session still works.
    const page = await call(SUED, '/redaktion/', { cookie });
    expect(page.status).toBe(403);
    expect(page.body).toContain(de.siteEditors.otherSite);
    expect((await call(NORD, '/redaktion/', { cookie })).status).toBe(200);
  });

  it("Nord's host knows none of Süd's ids: a publish waiting for approval, a comment, a post", async () => {
    const bruno = await sessionOn(SUED, 'Bruno Sued');
    const asked = await call(SUED, '/api/redaktion/veroeffentlichen', { method: 'POST', cookie: bruno.cookie, body: '{}' });
    expect(asked.status, asked.body).toBe(202);
    const { id } = JSON.parse(asked.body) as { id: number };

    const token = JSON.parse((await call(SUED, '/api/comments/form-token')).body) as { token: string };
    const comment = await call(SUED, '/api/comments', {
      method: 'POST',
      body: JSON.stringify({
        thread: 'suedwind-fortbildung',
        text: 'Ein Kommentar nur für Süd.',
        consent: true,
        website: '',
        formToken: token.token,
      }),
    });
    expect(comment.status, comment.body).toBe(201);
    const commentId = (JSON.parse(comment.body) as { id: number }).id;

    const { cookie } = await sessionOn(NORD, 'Clara Beide');
    const approve = await call(NORD, '/api/redaktion/freigeben', { method: 'POST', cookie, body: JSON.stringify({ id }) });
    expect(approve.status).toBe(404);
    const status = await call(NORD, '/api/redaktion/status', { cookie });
    expect(JSON.parse(status.body).awaitingApproval).toEqual([]);
    expect((await call(NORD, '/api/redaktion/verlauf', { cookie })).body).not.toContain('Bruno');
    for (const action of ['approve', 'reject', 'export']) {
      const method = action === 'export' ? 'GET' : 'POST';
      const answer = await call(NORD, `/api/redaktion/kommentare/${commentId}/${action}`, { method, cookie });
      expect(answer.status, action).toBe(404);
      expect(answer.body).not.toContain('nur für Süd');
    }
    const list = await call(NORD, '/api/redaktion/kommentare?status=pending', { cookie });
    expect(list.body).not.toContain('nur für Süd');
    const blob = await call(NORD, '/api/keystatic/blob/0/posts/suedwind-fortbildung.md', { cookie });
    expect(blob.status).toBe(404);
    // On its own host the publish is there, waiting.
    const own = await call(SUED, '/api/redaktion/status', { cookie: bruno.cookie });
    expect(JSON.parse(own.body).awaitingApproval.map((p: { id: number }) => p.id)).toEqual([id]);
  });

  it('/redaktion/verwaltung/ opens for the verwaltung role only, and refuses a bad site in German', async () => {
    const anna = await sessionOn(NORD, 'Anna Nord');
    const refused = await call(NORD, '/redaktion/verwaltung/', { cookie: anna.cookie });
    expect(refused.status).toBe(403);
    expect(refused.body).toContain(de.siteEditors.verwaltungOnly);
    const posted = await call(NORD, '/redaktion/verwaltung/', {
      method: 'POST',
      cookie: anna.cookie,
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ aktion: 'innung', kennung: 'ost', adresse: 'ost.innung.test', name: 'Innung Ost' }).toString(),
    });
    expect(posted.status).toBe(403);

    const vera = await sessionOn(NORD, 'Vera Verwaltung');
    const page = await call(NORD, '/redaktion/verwaltung/', { cookie: vera.cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-site="sued"');
    const bad = await call(NORD, '/redaktion/verwaltung/', {
      method: 'POST',
      cookie: vera.cookie,
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ aktion: 'innung', kennung: 'Ost Innung', adresse: SUED, name: 'Innung Ost' }).toString(),
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toContain('Die Kennung „Ost Innung“ ist ungültig');
    expect(bad.body).toContain(`Die Adresse „${SUED}“ gehört schon zur Innung „sued“.`);
    const noSite = await call(NORD, '/redaktion/verwaltung/', {
      method: 'POST',
      cookie: vera.cookie,
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ aktion: 'konto', konto: 'Dora', passwort: 'kurz' }).toString(),
    });
    expect(noSite.status).toBe(422);
    expect(noSite.body).toContain('mindestens 10 Zeichen');
    expect(noSite.body).toContain(de.siteEditors.accountNoSite);
  });
});

describe('builds of several sites share one queue', () => {
  it('two sites ask for a build at once: with BUILD_CONCURRENCY unset (1) the builds run one after the other', async () => {
    const nord = await sessionOn(NORD, 'Anna Nord');
    const sued = await sessionOn(SUED, 'Bruno Sued');
    const before = server.output().length;
    // A preview is a build like a publish (same publisher path, same queue) and needs no list of changes or Freigabe.
    const asked = await Promise.all([
      call(NORD, '/api/redaktion/vorschau', { method: 'POST', cookie: nord.cookie }),
      call(SUED, '/api/redaktion/vorschau', { method: 'POST', cookie: sued.cookie }),
    ]);
    for (const answer of asked) expect(answer.status, answer.body).toBe(202);
    const done = async (host: string, cookie: string) => {
      for (;;) {
        const status = JSON.parse((await call(host, '/api/redaktion/status', { cookie })).body) as {
          preview: { building: boolean; queued: boolean; last: { ok: boolean; error?: string } | null };
        };
        if (!status.preview.building && !status.preview.queued && status.preview.last) return status.preview.last;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const results = await Promise.all([done(NORD, nord.cookie), done(SUED, sued.cookie)]);
    for (const last of results) expect(last.ok, last.error).toBe(true);
    const events = server
      .output()
      .slice(before)
      .split('\n')
      .filter((line) => line.includes('Build beginnt') || line.includes('Build beendet'))
      .map((line) => (line.includes('Build beginnt') ? 'beginnt' : 'beendet'));
    expect(events).toEqual(['beginnt', 'beendet', 'beginnt', 'beendet']);
  }, 600_000);
});
