/**
 * The `verwaltung` role in the browser (issue 26): a Kreishandwerkerschaft's account signs in on one guild's host,
 * creates a new guild site at /redaktion/verwaltung/ (Kennung, Adresse, Name der Innung), waits for its build,
 * creates an editor account for it, and that editor signs in on the new host and sees only that site; then changes that
 * account, deletes it after asking, and cannot remove the last Verwaltung account; last, publishes the shared comparison
 * and watches each site's rebuild on the page.
 * Chromium resolves the test hosts to this machine (--host-resolver-rules); nothing leaves it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { holdBuildLock } from '../helpers/build';
import { buildSiteFolder } from '../helpers/site-build';
import { CHROMIUM_FLAGS, chromiumPath } from '../helpers/browser';
import { childEnv } from '../../scripts/child-env';
import { ROOT, TEST_RUN } from '../helpers/paths';
import { startServer, type RunningServer } from '../helpers/server';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';

const WORK = join(TEST_RUN, 'verwaltung');
const SITES = join(WORK, 'sites');
const BUILDS = join(WORK, 'dist-sites');
const PASSWORD = 'geheimes-passwort-123';
const s = de.siteEditors;
const SHARED = join(WORK, 'shared');
const VERSIONS = join(WORK, 'versions');
/** The new site's Impressum, by the form's German labels. */
const OST_IMPRESSUM: Record<string, string> = {
  [de.siteImpressum.street]: 'Ostweg 5',
  [de.siteImpressum.postalCode]: '03046',
  [de.siteImpressum.city]: 'Oststadt',
  [de.siteImpressum.phone]: '+49 355 123456',
  [de.siteImpressum.email]: 'info@ost.innung.test',
  [de.siteImpressum.responsible]: 'Olivia Ostmann',
  [de.siteImpressum.boardChair]: 'Oskar Obermeister',
  [de.siteImpressum.chamber]: 'Handwerkskammer Oststadt',
  [de.siteImpressum.chamberAddress]: 'Kammerplatz 1, 03046 Oststadt',
  [de.siteImpressum.chamberUrl]: 'https://www.hwk-ost.test/',
  [de.siteImpressum.dpoName]: 'Doris Datenschutz',
  [de.siteImpressum.dpoEmail]: 'datenschutz@ost.innung.test',
  [de.siteImpressum.dpaName]: 'Landesbeauftragte für Datenschutz Ostland',
  [de.siteImpressum.dpaUrl]: 'https://www.datenschutz-ostland.test/',
};

let server: RunningServer;
let browser: Browser;
let dataDir: string;
const at = (host: string, path: string) => `http://${host}:${server.port}${path}`;

const build = (site: string) => buildSiteFolder(site, SITES, BUILDS);

async function signIn(page: Page, host: string, name: string): Promise<void> {
  await page.goto(at(host, '/redaktion/anmelden/'));
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Passwort').fill(PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  const nord = join(SITES, 'nord');
  cpSync(join(ROOT, 'tests/fixtures/sites/nord'), nord, { recursive: true });
  const config = join(nord, 'guild.config.ts');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace(/'(\.\.\/)+src\/lib\/config\/schema'/, `'${relative(nord, join(ROOT, 'src/lib/config/schema'))}'`),
  );
  const release = await holdBuildLock();
  try {
    const result = await build('nord');
    expect(result.status, result.output.slice(-3000)).toBe(0);
  } finally {
    release();
  }
  for (const entry of ['messengers', 'sources', 'aenderungen.yaml'])
    cpSync(join(ROOT, 'content', entry), join(SHARED, entry), { recursive: true });
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-verwaltung-'));
  const created = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      join(ROOT, 'scripts/redaktion.ts'),
      'konto',
      'anlegen',
      'Vera Verwaltung',
      '--verwaltung',
    ],
    { cwd: ROOT, env: childEnv({ DATA_DIR: dataDir }), input: `${PASSWORD}\n`, encoding: 'utf8' },
  );
  expect(created.status, created.stderr).toBe(0);
  server = await startServer({
    INNUNGSWISSEN_SITES_DIR: SITES,
    SITES_BUILD_DIR: BUILDS,
    BUILDS_DIR: join(WORK, 'builds'),
    DATA_DIR: dataDir,
    DIST_DIR: '',
    EDITOR_SCHEDULE: '0',
    INNUNGSWISSEN_SHARED_CONTENT_DIR: SHARED,
    INNUNGSWISSEN_SHARED_VERSIONS_DIR: VERSIONS,
  });
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, '--host-resolver-rules=MAP *.innung.test 127.0.0.1'],
  });
}, 900_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the Verwaltung creates a guild site and its editor in the browser', () => {
  it('a new site is built and served on its host, and its new editor sees only that site', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'nord.innung.test', 'Vera Verwaltung');
    await page.waitForURL(at('nord.innung.test', '/redaktion/'));
    await page.locator('[data-verwaltung-link]').click();
    await page.waitForURL(at('nord.innung.test', '/redaktion/verwaltung/'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(s.verwaltungTitle);
    expect(await axeViolations(page)).toEqual([]);

    // A bad address first: the form says why, in German, and keeps what was typed.
    await page.getByLabel(s.siteKennung, { exact: true }).fill('ost');
    await page.getByLabel(s.siteHost, { exact: true }).fill('nord.innung.test');
    await page.getByLabel(s.siteName, { exact: true }).fill('Innung Ost');
    // The Impressum: without it the site would stay „noch nicht live“ (tests/server/many-sites-impressum.test.ts).
    for (const [label, value] of Object.entries(OST_IMPRESSUM)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: s.siteCreate }).click();
    await expect
      .poll(() => page.locator('[data-notice="error"]').textContent())
      .toContain('Die Adresse „nord.innung.test“ gehört schon zur Innung „nord“.');
    expect(await page.getByLabel(s.siteKennung, { exact: true }).inputValue()).toBe('ost');
    expect(await page.getByLabel(de.siteImpressum.chamber, { exact: true }).inputValue()).toBe('Handwerkskammer Oststadt');

    await page.getByLabel(s.siteHost, { exact: true }).fill('ost.innung.test');
    await page.getByRole('button', { name: s.siteCreate }).click();
    await expect.poll(() => page.locator('[data-notice="ok"]').textContent()).toBe(format(s.siteCreated, { name: 'Innung Ost' }));

    await page.getByLabel(s.accountName, { exact: true }).fill('Olga Ost');
    await page.getByLabel(s.accountPassword, { exact: true }).fill(PASSWORD);
    await page.locator('[data-new-account]').getByLabel('Innung Ost (ost.innung.test)').check();
    await page.getByRole('button', { name: s.accountCreate }).click();
    await expect
      .poll(() => page.locator('[data-notice="ok"]').textContent())
      .toBe(format(s.accountCreated, { name: 'Olga Ost', hosts: 'ost.innung.test' }));

    // The site's build runs in the server; the page shows its state until it is served.
    const deadline = Date.now() + 600_000;
    for (;;) {
      await page.goto(at('nord.innung.test', '/redaktion/verwaltung/'));
      const state = await page.locator('[data-site="ost"] [data-state]').getAttribute('data-state');
      expect(state).not.toBe('failed');
      if (state === 'live') break;
      expect(Date.now(), 'the new site was not built in time').toBeLessThan(deadline);
      await page.waitForTimeout(5_000);
    }
    const home = await page.goto(at('ost.innung.test', '/'));
    expect(home?.status()).toBe(200);
    expect(await page.locator('body').textContent()).toContain('Innung Ost');
    await page.goto(at('ost.innung.test', '/impressum/'));
    expect(await page.locator('main').textContent()).toContain('Oskar Obermeister');

    const olgaContext = await browser.newContext();
    const olga = await olgaContext.newPage();
    // Not on another guild's host...
    await signIn(olga, 'nord.innung.test', 'Olga Ost');
    await expect.poll(() => olga.locator('body').textContent()).toContain(de.editor.loginFailed);
    // ...but on her own: the Redaktion of Innung Ost and no other site.
    await signIn(olga, 'ost.innung.test', 'Olga Ost');
    await olga.waitForURL(at('ost.innung.test', '/redaktion/'));
    expect((await olga.locator('[data-editor-sites]').textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      `${s.yourSites}: Innung Ost (${s.thisSite})`,
    );
    expect(await olga.locator('body').textContent()).not.toContain('Innung Nord');
    expect(await olga.locator('[data-verwaltung-link]').count()).toBe(0);
    const refused = await olga.goto(at('ost.innung.test', '/redaktion/verwaltung/'));
    expect(refused?.status()).toBe(403);
    expect(await olga.locator('[data-verwaltung-refused]').textContent()).toBe(s.verwaltungOnly);
    await olgaContext.close();
    await context.close();
  }, 900_000);

  // Builds on the test above: Olga Ost's account and the live site Ost.
  it("the Verwaltung changes an account's sites, deletes it after asking (its sign-in ends), and keeps the last Verwaltung account", async () => {
    const olgaContext = await browser.newContext();
    const olga = await olgaContext.newPage();
    await signIn(olga, 'ost.innung.test', 'Olga Ost');
    await olga.waitForURL(at('ost.innung.test', '/redaktion/'));

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'nord.innung.test', 'Vera Verwaltung');
    await page.waitForURL(at('nord.innung.test', '/redaktion/'));
    await page.goto(at('nord.innung.test', '/redaktion/verwaltung/'));
    const row = page.locator('[data-account="Olga Ost"]');
    await row.getByText(s.accountEdit).click();
    await row.getByLabel('Innung Nord (nord.innung.test)').check();
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('button', { name: s.accountSave }).click();
    await expect.poll(() => page.locator('[data-notice="ok"]').textContent()).toBe(format(s.accountChanged, { name: 'Olga Ost' }));
    expect(await page.locator('[data-account="Olga Ost"]').textContent()).toContain(format(s.accountOf, { sites: 'nord, ost' }));

    // Deleting asks first; only the second press deletes.
    await page.locator('[data-account="Olga Ost"]').getByText(s.accountEdit).click();
    await page.locator('[data-account="Olga Ost"]').getByRole('button', { name: s.accountDelete }).click();
    await expect
      .poll(() => page.locator('[data-confirm-delete]').textContent())
      .toContain(format(s.accountDeleteQuestion, { name: 'Olga Ost' }));
    expect(await page.locator('[data-account="Olga Ost"]').count()).toBe(1);
    await page.getByRole('button', { name: s.accountDeleteConfirm }).click();
    await expect.poll(() => page.locator('[data-notice="ok"]').textContent()).toBe(format(s.accountDeleted, { name: 'Olga Ost' }));
    expect(await page.locator('[data-account="Olga Ost"]').count()).toBe(0);

    // Olga's open sign-in has ended: her next page is the sign-in form.
    await olga.goto(at('ost.innung.test', '/redaktion/'));
    expect(new URL(olga.url()).pathname).toBe('/redaktion/anmelden/');

    // Vera is the last Verwaltung account: she can neither delete herself nor make herself Redaktion.
    await page.locator('[data-account="Vera Verwaltung"]').getByText(s.accountEdit).click();
    await page.locator('[data-account="Vera Verwaltung"]').getByRole('button', { name: s.accountDelete }).click();
    await page.getByRole('button', { name: s.accountDeleteConfirm }).click();
    await expect.poll(() => page.locator('[data-notice="error"]').textContent()).toContain(s.accountDeleteOwn);
    const vera = page.locator('[data-account="Vera Verwaltung"]');
    await vera.getByText(s.accountEdit).click();
    await vera.getByLabel('Innung Nord (nord.innung.test)').check();
    await vera.getByLabel(s.roleRedaktion).check();
    await vera.getByRole('button', { name: s.accountSave }).click();
    await expect.poll(() => page.locator('[data-notice="error"]').textContent()).toContain(s.accountLastVerwaltung);
    expect(await page.locator('[data-account="Vera Verwaltung"]').textContent()).toContain(s.roleVerwaltung);
    await olgaContext.close();
    await context.close();
  }, 300_000);

  // Builds on the tests above: Nord and the live site Ost follow the shared comparison.
  it('the Verwaltung publishes the shared comparison and sees each site rebuilt, one after the other', async () => {
    const t = de.sharedPublish;
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'nord.innung.test', 'Vera Verwaltung');
    await page.waitForURL(at('nord.innung.test', '/redaktion/'));
    await page.goto(at('nord.innung.test', '/redaktion/verwaltung/'));
    expect(await page.locator('[data-shared-newest]').textContent()).toBe(t.none);
    await page.getByRole('button', { name: t.button }).click();
    await expect
      .poll(() => page.locator('[data-notice="ok"]').textContent())
      .toBe(format(t.started, { version: 1, names: 'Innung Nord, Innung Ost' }));
    expect(await page.locator('[data-shared-newest]').textContent()).toBe(format(t.newest, { version: 1 }));
    expect(await axeViolations(page)).toEqual([]);
    const started = Date.now();
    for (;;) {
      await page.goto(at('nord.innung.test', '/redaktion/verwaltung/'));
      const states = await page
        .locator('[data-shared-state]')
        .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-shared-state')));
      expect(states).not.toContain('fehlgeschlagen');
      expect(states.filter((state) => state === 'baut').length).toBeLessThanOrEqual(1);
      if (states.length === 2 && states.every((state) => state === 'fertig')) break;
      expect(Date.now() - started, 'the shared rebuild did not finish in time').toBeLessThan(600_000);
      await page.waitForTimeout(2_000);
    }
    expect(await page.locator('[data-shared-site="ost"] [data-shared-state]').textContent()).toBe(t.stateDone);
    expect(await page.locator('[data-shared-site="ost"] [data-shared-version]').textContent()).toBe(format(t.follows, { version: 1 }));
    expect(await axeViolations(page)).toEqual([]);
    expect((await page.goto(at('ost.innung.test', '/')))?.status()).toBe(200);
    await context.close();
  }, 900_000);
});
