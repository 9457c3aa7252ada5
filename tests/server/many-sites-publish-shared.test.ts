/**
 * „Gemeinsamen Vergleich veröffentlichen“ in the running server (issue 26): three fixture sites (nord, sued, and west,
 * which keeps version 1 of the shared comparison) built and served by one real server. A fact changes in the shared
 * working copy; a `verwaltung` account presses the button (POST /redaktion/verwaltung/gemeinsam); the server keeps
 * version 2 and rebuilds nord and sued through the fair queue, and serves their new builds without a restart. West
 * keeps the old fact. A Redaktion account gets 403 with a German JSON message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdBuildLock } from '../helpers/build';
import { buildSiteFolder } from '../helpers/site-build';
import { ROOT, TEST_RUN } from '../helpers/paths';
import type { RunningServer } from '../helpers/server';
import { manySitesClient, startSitesServer } from '../helpers/many-sites-client';
import { releaseSharedSet } from '@/adapters/sites/shared-versions';
import { SITE_SHARED_PIN_FILE } from '@/lib/config/data-paths';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';

const WORK = join(TEST_RUN, 'many-sites-publish-shared');
const SITES = join(WORK, 'sites');
const BUILDS = join(WORK, 'dist-sites');
const SHARED = join(WORK, 'shared');
const VERSIONS = join(WORK, 'versions');
const HOSTS = { nord: 'nord.innung.test', sued: 'sued.innung.test', west: 'west.innung.test' } as const;
const PASSWORD = 'geheimes-passwort-123';
const OLD_SUMMARY = 'Schweizer Messenger ohne Telefonnummer, einmal bezahlen, Server in der Schweiz.';
const NEW_SUMMARY = 'Schweizer Messenger ohne Telefonnummer, einmal bezahlen, Server in der Schweiz; neu im Browser veröffentlicht.';
const t = de.sharedPublish;
const sharedEnv = { INNUNGSWISSEN_SHARED_CONTENT_DIR: SHARED, INNUNGSWISSEN_SHARED_VERSIONS_DIR: VERSIONS };

let server: RunningServer;
let dataDir: string;

const { call, signIn, account, copySite } = manySitesClient({
  server: () => server,
  dataDir: () => dataDir,
  sitesDir: SITES,
  password: PASSWORD,
});

interface Overview {
  newest: number | null;
  sites: Array<{ kennung: string; version: string; state: string; label: string }>;
}

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(SITES, { recursive: true });
  copySite('nord', 'nord');
  copySite('sued', 'sued');
  copySite('nord', 'west', { name: 'Innung West', host: HOSTS.west });
  for (const entry of ['messengers', 'sources', 'aenderungen.yaml'])
    cpSync(join(ROOT, 'content', entry), join(SHARED, entry), { recursive: true });
  // Version 1, which west keeps.
  expect(releaseSharedSet(ROOT, sharedEnv).version).toBe(1);
  writeFileSync(join(SITES, 'west', SITE_SHARED_PIN_FILE), JSON.stringify({ version: 1 }));
  const release = await holdBuildLock();
  try {
    for (const site of ['nord', 'sued', 'west']) {
      const result = await buildSiteFolder(site, SITES, BUILDS, sharedEnv);
      expect(result.status, result.output.slice(-3000)).toBe(0);
    }
  } finally {
    release();
  }
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-publish-shared-'));
  account('Anna Nord', '--innung', 'nord');
  account('Vera Verwaltung', '--verwaltung');
  mkdirSync(join(WORK, 'builds'), { recursive: true });
  server = await startSitesServer(
    { work: WORK, sites: SITES, builds: BUILDS, dataDir },
    { ...sharedEnv, OG_PICTURES: 'off', BUILD_CONCURRENCY: '1' },
  );
}, 900_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('publishing the shared comparison from the Verwaltung', () => {
  it('a Redaktion account gets 403 and a German JSON message; nothing is released', async () => {
    const cookie = await signIn(HOSTS.nord, 'Anna Nord');
    const refused = await call(HOSTS.nord, '/redaktion/verwaltung/gemeinsam', { method: 'POST', cookie });
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toContain('application/json');
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'verwaltung_only', message: t.onlyVerwaltung } });
    expect((await call(HOSTS.nord, '/redaktion/verwaltung/gemeinsam', { cookie })).status).toBe(403);
  });

  it('the button keeps version 2 and rebuilds the following sites one at a time; the pinned site keeps version 1', async () => {
    const cookie = await signIn(HOSTS.nord, 'Vera Verwaltung');
    const before = await call(HOSTS.nord, '/redaktion/verwaltung/', { cookie });
    expect(before.status).toBe(200);
    expect(before.body).toContain(format(t.newest, { version: 1 }));
    expect(before.body).toContain(format(t.keeps, { version: 1 }));
    expect(before.body).toContain(t.button);

    const threema = join(SHARED, 'messengers', 'threema.yaml');
    const yaml = readFileSync(threema, 'utf8');
    const changed = yaml.replace(/summary: >-\n[\s\S]*?\n(?=facts:)/, `summary: ${NEW_SUMMARY}\n`);
    expect(changed).not.toBe(yaml);
    writeFileSync(threema, changed);

    const started = Date.now();
    const pressed = await call(HOSTS.nord, '/redaktion/verwaltung/gemeinsam', { method: 'POST', cookie });
    expect(pressed.status, pressed.body).toBe(202);
    const answer = JSON.parse(pressed.body) as Overview & { message: string };
    expect(answer.message).toBe(format(t.started, { version: 2, names: 'Innung Nord, Innung Süd' }));
    expect(answer.newest).toBe(2);
    const states = () => Object.fromEntries(answer.sites.map((site) => [site.kennung, site.state]));
    expect(states().west).toBe('ruht');
    expect(['wartet', 'baut']).toContain(states().nord);
    expect(states().sued).toBe('wartet');

    // One at a time: never both building; each ends „fertig“.
    let overview: Overview = answer;
    for (;;) {
      const polled = await call(HOSTS.nord, '/redaktion/verwaltung/gemeinsam', { cookie });
      expect(polled.status).toBe(200);
      overview = JSON.parse(polled.body) as Overview;
      const byKennung = Object.fromEntries(overview.sites.map((site) => [site.kennung, site]));
      expect(byKennung.nord!.state === 'baut' && byKennung.sued!.state === 'baut').toBe(false);
      for (const site of overview.sites) expect(site.state, site.label).not.toBe('fehlgeschlagen');
      if (byKennung.nord!.state === 'fertig' && byKennung.sued!.state === 'fertig') break;
      expect(Date.now() - started, JSON.stringify(overview)).toBeLessThan(840_000);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    console.log(`shared publish of 2 sites: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const west = overview.sites.find((site) => site.kennung === 'west')!;
    expect(west.version).toBe(format(t.keeps, { version: 1 }));
    expect(west.state).toBe('ruht');

    // Served without a restart: the following sites show the new fact, west the old one.
    for (const host of [HOSTS.nord, HOSTS.sued]) {
      const page = await call(host, '/messenger/threema/');
      expect(page.status, host).toBe(200);
      expect(page.body, host).toContain(NEW_SUMMARY);
    }
    const westPage = await call(HOSTS.west, '/messenger/threema/');
    expect(westPage.body).toContain(OLD_SUMMARY);
    expect(westPage.body).not.toContain(NEW_SUMMARY);

    // A reload of the page shows the state in German.
    const after = await call(HOSTS.nord, '/redaktion/verwaltung/', { cookie });
    expect(after.body).toContain(format(t.newest, { version: 2 }));
    expect(after.body).toMatch(new RegExp(`data-shared-site="nord"[\\s\\S]*?data-shared-state="fertig"[^>]*>${t.stateDone}<`));
  }, 900_000);
});
