/**
 * Completing the Impressum of an existing Innung in the Verwaltung (issue 26). Innung Mitte was created with the
 * template's sample Impressum and built; one real server serves it „noch nicht live“ (503). A Redaktion account gets
 * 403 on the Impressum form. A `verwaltung` account sees the form with the sample values empty and the checklist
 * „Es fehlt noch:“ (Chromium, axe clean), a bad e-mail address is refused with its field's German label and nothing
 * is written; the complete Impressum is saved, the config read again, the site rebuilt through the fair queue, and
 * without a restart its host serves readers its pages with the new Impressum instead of 503.
 * Chromium resolves the test host to this machine (--host-resolver-rules); nothing leaves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { holdBuildLock } from '../helpers/build';
import { buildSiteFolder } from '../helpers/site-build';
import { CHROMIUM_FLAGS, chromiumPath } from '../helpers/browser';
import { ROOT, TEST_RUN } from '../helpers/paths';
import type { RunningServer } from '../helpers/server';
import { manySitesClient, startSitesServer } from '../helpers/many-sites-client';
import { writeSiteFolder } from '@/adapters/sites/create-site';
import { IMPRESSUM_FIELDS } from '@/lib/sites/impressum';
import { VERWALTUNG_IMPRESSUM_PATH } from '@/lib/editor/administration';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { COMPLETE_IMPRESSUM } from '../helpers/impressum';

const WORK = join(TEST_RUN, 'verwaltung-impressum');
const SITES = join(WORK, 'sites');
const BUILDS = join(WORK, 'dist-sites');
const HOST = 'mitte.innung.test';
const PASSWORD = 'geheimes-passwort-123';
const FORM = `${VERWALTUNG_IMPRESSUM_PATH}?innung=mitte`;
const CONFIG = join(SITES, 'mitte', 'guild.config.ts');
const l = de.siteImpressum;
const t = de.siteImpressumEdit;
const COMPLETE = COMPLETE_IMPRESSUM;

let server: RunningServer;
let dataDir: string;
let browser: Browser;
const { call, signIn, account } = manySitesClient({ server: () => server, dataDir: () => dataDir, sitesDir: SITES, password: PASSWORD });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(SITES, { recursive: true });
  // As `npm run sites -- anlegen` (with a name) writes it: the template's sample Impressum.
  writeSiteFolder(SITES, ROOT, { kennung: 'mitte', host: HOST, name: 'Innung Mitte' });
  const release = await holdBuildLock();
  try {
    const result = await buildSiteFolder('mitte', SITES, BUILDS);
    expect(result.status, result.output.slice(-3000)).toBe(0);
  } finally {
    release();
  }
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-impressum-edit-'));
  account('Vera Verwaltung', '--verwaltung');
  account('Rita Redaktion', '--innung', 'mitte');
  server = await startSitesServer({ work: WORK, sites: SITES, builds: BUILDS, dataDir }, { OG_PICTURES: 'off' });
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP *.innung.test 127.0.0.1'],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('completing the Impressum of an existing Innung in the Verwaltung', () => {
  it('a Redaktion account gets 403 and cannot change the Impressum', async () => {
    const before = readFileSync(CONFIG, 'utf8');
    const cookie = await signIn(HOST, 'Rita Redaktion');
    const shown = await call(HOST, FORM, { cookie });
    expect(shown.status).toBe(403);
    expect(shown.body).toContain(de.siteEditors.verwaltungOnly);
    const posted = await call(HOST, FORM, { method: 'POST', cookie, body: form(COMPLETE) });
    expect(posted.status).toBe(403);
    expect(readFileSync(CONFIG, 'utf8')).toBe(before);
    expect((await call(HOST, '/')).status).toBe(503);
  });

  it('in Chromium the form shows the sample values empty with the checklist, axe finds nothing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://${HOST}:${server.port}/redaktion/anmelden/`);
    await page.getByLabel('Name', { exact: true }).fill('Vera Verwaltung');
    await page.getByLabel('Passwort').fill(PASSWORD);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.waitForURL(`http://${HOST}:${server.port}/redaktion/`);
    await page.goto(`http://${HOST}:${server.port}/redaktion/verwaltung/`);
    await page.locator('[data-edit-impressum="mitte"]').click();
    await page.waitForURL(`http://${HOST}:${server.port}${FORM}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(format(t.title, { name: 'Innung Mitte' }));
    const missing = await page.locator('[data-missing] li').allTextContents();
    expect(missing).toContain(l.street);
    expect(missing).toContain(l.chamberAddress);
    for (const item of missing) expect(item).not.toMatch(/[a-z]+\.[a-z]+|\//);
    for (const field of IMPRESSUM_FIELDS) expect(await page.getByLabel(field.label, { exact: true }).inputValue(), field.label).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('a bad e-mail address is refused with its label; the complete Impressum is saved and the site goes live without a restart', async () => {
    const cookie = await signIn(HOST, 'Vera Verwaltung');
    const before = readFileSync(CONFIG, 'utf8');
    const refused = await call(HOST, FORM, { method: 'POST', cookie, body: form({ ...COMPLETE, email: 'keine-adresse' }) });
    expect(refused.status).toBe(422);
    expect(refused.body).toContain(format(l.invalidEmail, { label: l.email }));
    expect(refused.body).toContain('value="Marktplatz 3"');
    expect(readFileSync(CONFIG, 'utf8')).toBe(before);

    const started = Date.now();
    const saved = await call(HOST, FORM, { method: 'POST', cookie, body: form(COMPLETE) });
    expect(saved.status, saved.body.slice(0, 2000)).toBe(200);
    expect(saved.body).toContain(format(t.saved, { name: 'Innung Mitte' }));
    const config = readFileSync(CONFIG, 'utf8');
    expect(config).toContain('Marktplatz 3');
    expect(config).toContain('Landesbeauftragte für Datenschutz Mittelland');

    // Off the air until the rebuild with the new Impressum is live, then served: no reader ever sees the sample one.
    let status = 0;
    for (;;) {
      const answer = await call(HOST, '/impressum/');
      status = answer.status;
      if (status === 200) {
        expect(answer.body).toContain('Marktplatz 3');
        expect(answer.body).toContain('Otto Obermeister');
        break;
      }
      expect(status).toBe(503);
      expect(Date.now() - started).toBeLessThan(400_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    console.log(`Impressum saved to site live: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect((await call(HOST, '/')).status).toBe(200);
    const form2 = await call(HOST, FORM, { cookie });
    expect(form2.body).toContain(t.complete);
    expect(form2.body).toContain('value="Marktplatz 3"');
    const list = await call(HOST, '/redaktion/verwaltung/', { cookie });
    expect(list.body).toMatch(/<tr data-site="mitte">[\s\S]*?data-state="live"/);
  }, 600_000);
});
