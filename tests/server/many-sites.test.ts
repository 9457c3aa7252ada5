/**
 * Several guilds on one server (issue 26): two fixture sites (tests/fixtures/sites/nord, sued) built with
 * `SITE=<kennung> npm run build`, served by one real server that routes by Host; a third site (kaputt) has a
 * broken config and must not stop the others.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdBuildLock } from '../helpers/build';
import { buildSiteFolder } from '../helpers/site-build';
import { ROOT, TEST_RUN } from '../helpers/paths';
import { startServer, type RunningServer } from '../helpers/server';
import { de } from '@/i18n/de';

const SITES = join(ROOT, 'tests/fixtures/sites');
const BUILDS = join(TEST_RUN, 'many-sites');
const NORD = 'nord.innung.test';
const SUED = 'sued.innung.test';
const sitesEnv = (builds = BUILDS): Record<string, string> => ({ INNUNGSWISSEN_SITES_DIR: SITES, SITES_BUILD_DIR: builds });

let server: RunningServer;
let dataDir: string;
let againAfterOther: { status: number | null; output: string };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the given Host header (fetch may not set Host). */
function call(
  base: string,
  host: string,
  path: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const url = new URL(path, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: options.method ?? 'GET',
        headers: { Host: host, ...(payload ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const build = (site: string) => buildSiteFolder(site, SITES, BUILDS);

beforeAll(async () => {
  const release = await holdBuildLock();
  try {
    rmSync(BUILDS, { recursive: true, force: true });
    for (const site of ['nord', 'sued']) {
      const result = await build(site);
      expect(result.status, result.output.slice(-3000)).toBe(0);
    }
    // nord once more after sued (into a folder of its own, the server's stays as built): under the same lock,
    // so no other file's build of these sites comes between.
    againAfterOther = await buildSiteFolder('nord', SITES, join(TEST_RUN, 'many-sites-again'));
  } finally {
    release();
  }
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-sites-'));
  // DIST_DIR empty: the server chooses by the sites folder, not a fixed build.
  server = await startServer({
    ...sitesEnv(),
    DATA_DIR: dataDir,
    DIST_DIR: '',
    COMMENTS_MIN_SUBMIT_SECONDS: '0',
    COMMENTS_RATE_LIMIT: '0',
  });
}, 900_000);
afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('one server, several guilds, routed by Host', () => {
  it('each host serves its own home page, posts and Impressum, with its own canonical address', async () => {
    const nord = await call(server.url, NORD, '/');
    const sued = await call(server.url, SUED, '/');
    expect(nord.status).toBe(200);
    expect(sued.status).toBe(200);
    expect(nord.body).toContain('Nordlicht-Stammtisch der Innung Nord');
    expect(nord.body).not.toContain('Südwind-Fortbildung');
    expect(sued.body).toContain('Südwind-Fortbildung der Innung Süd');
    expect(sued.body).not.toContain('Nordlicht-Stammtisch');
    expect(nord.body).toContain('<link rel="canonical" href="https://nord.innung.test/">');
    expect(sued.body).toContain('<link rel="canonical" href="https://sued.innung.test/">');

    const impressumNord = await call(server.url, NORD, '/impressum/');
    const impressumSued = await call(server.url, SUED, '/impressum/');
    expect(impressumNord.body).toContain('24103 Nordstadt');
    expect(impressumNord.body).not.toContain('Südstadt');
    expect(impressumSued.body).toContain('80331 Südstadt');

    // A post of one site is not found on the other's host; port and case of the Host do not matter.
    expect((await call(server.url, SUED, '/beitraege/nordlicht-stammtisch/')).status).toBe(404);
    expect((await call(server.url, 'NORD.Innung.Test:443', '/beitraege/nordlicht-stammtisch/')).status).toBe(200);
  });

  it('every site shows the one shared messenger comparison', async () => {
    for (const host of [NORD, SUED]) {
      const page = await call(server.url, host, '/messenger-vergleich/');
      expect(page.status, host).toBe(200);
      expect(page.body).toMatch(/Threema/);
    }
  });

  it('an unknown host gets 404 and nothing of any site', async () => {
    for (const host of ['innung.test', 'kaputt.innung.test', '127.0.0.1', 'evil.example']) {
      for (const path of ['/', '/impressum/', '/api/comments/counts', '/_astro/']) {
        const answer = await call(server.url, host, path);
        expect(answer.status, `${host}${path}`).toBe(404);
        expect(answer.body).toBe(de.sites.unknownHost);
        expect(answer.headers['cache-control']).toBe('private, no-store');
      }
    }
  });

  it('a comment on one site is invisible on the other, also by its id and edit token', async () => {
    const thread = 'nordlicht-stammtisch';
    const token = JSON.parse((await call(server.url, NORD, '/api/comments/form-token')).body) as { token: string };
    const posted = await call(server.url, NORD, '/api/comments', {
      method: 'POST',
      headers: { Origin: `https://${NORD}` },
      body: { thread, text: 'Nur für die Innung Nord bestimmt.', consent: true, website: '', formToken: token.token },
    });
    expect(posted.status, posted.body).toBe(201);
    const { id, editToken } = JSON.parse(posted.body) as { id: number; editToken: string };

    const onNord = await call(server.url, NORD, `/api/comments?thread=${thread}`);
    expect(onNord.body).toContain('Nur für die Innung Nord bestimmt.');
    const onSued = await call(server.url, SUED, `/api/comments?thread=${thread}`);
    expect(onSued.body).not.toContain('Nur für die Innung Nord');
    expect(onSued.status).not.toBe(200);

    // The same id path with the other site's host: no such comment there, and nothing changes on Nord.
    const patch = await call(server.url, SUED, `/api/comments/${id}`, {
      method: 'PATCH',
      headers: { Origin: `https://${SUED}`, 'X-Edit-Token': editToken },
      body: { text: 'Von Süd überschrieben.' },
    });
    expect(patch.status, patch.body).toBe(404);
    const remove = await call(server.url, SUED, `/api/comments/${id}`, {
      method: 'DELETE',
      headers: { Origin: `https://${SUED}`, 'X-Edit-Token': editToken },
    });
    expect(remove.status, remove.body).toBe(404);
    expect((await call(server.url, NORD, `/api/comments?thread=${thread}`)).body).toContain('Nur für die Innung Nord bestimmt.');
    // The token itself was good: on its own site's host it deletes the comment.
    const own = await call(server.url, NORD, `/api/comments/${id}`, {
      method: 'DELETE',
      headers: { Origin: `https://${NORD}`, 'X-Edit-Token': editToken },
    });
    expect(own.status, own.body).toBe(204);

    // Each site has its own database file in the data folder.
    expect(existsSync(join(dataDir, 'sites', 'nord', 'comments.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'sites', 'sued', 'comments.db'))).toBe(true);
  });

  it('each host has its Redaktion: without an account it names the command, in German (editors per site: many-sites-editors.test.ts)', async () => {
    const page = await call(server.url, NORD, '/redaktion/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(de.editor.offTitle);
    const api = await call(server.url, SUED, '/api/redaktion/kommentare');
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body).error.code).toBe('editor_off');
  });

  it('each site keeps its own safety verdicts: nord built again after sued parses none of its posts', () => {
    expect(againAfterOther.status, againAfterOther.output.slice(-3000)).toBe(0);
    // „Inhaltsprüfung: 12 ms“ alone; with posts to parse the line goes on „, 3 Beiträge in der Sicherheitsprüfung …“.
    const [before, after] = de.contentCheckWorker.timing.split('{ms}') as [string, string];
    expect(againAfterOther.output).toMatch(new RegExp(`${before}\\d+${after}(?!,)`));
  });

  it('a site with a broken config is named in the log and the others run', () => {
    const log = server.output();
    expect(log).toContain(
      'Innung „kaputt“ wird nicht ausgeliefert: Die Konfiguration tests/fixtures/sites/kaputt/guild.config.ts ist ungültig: address.postalCode: erwartet eine fünfstellige Postleitzahl',
    );
    expect(log).toMatch(/Innung „nord“: http:\/\/nord\.innung\.test\//);
    expect(log).toMatch(/Innung „sued“: http:\/\/sued\.innung\.test\//);
  });

  it('a site without a build is named and the others run', async () => {
    const only = join(TEST_RUN, 'many-sites-nord-only');
    rmSync(only, { recursive: true, force: true });
    mkdirSync(only, { recursive: true });
    symlinkSync(join(BUILDS, 'nord'), join(only, 'nord'));
    const data = mkdtempSync(join(tmpdir(), 'innungswissen-sites-'));
    const second = await startServer({ ...sitesEnv(only), DATA_DIR: data, DIST_DIR: '' });
    try {
      expect(second.output()).toContain(
        'Innung „sued“ wird nicht ausgeliefert: Für die Innung „sued“ gibt es noch keinen Build (.tmp/test-run/many-sites-nord-only/sued).',
      );
      expect((await call(second.url, NORD, '/')).status).toBe(200);
      expect((await call(second.url, SUED, '/')).status).toBe(404);
    } finally {
      await second.stop();
      rmSync(data, { recursive: true, force: true });
      rmSync(only, { recursive: true, force: true });
    }
  });
});
