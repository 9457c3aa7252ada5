/**
 * The messenger overview in Chromium: the overview matrix on a phone, its disclosures, filters acting on it,
 * the compact header, the print page. Screenshots land in .tmp/screenshots/ for people to look at.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { watchPage } from '../helpers/browser';
import { axeViolations } from '../helpers/axe';
import { useServerAndBrowser } from '../helpers/session';
import { ROOT } from '../helpers/paths';

const session = useServerAndBrowser();
const SHOTS = join(ROOT, '.tmp', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const matrixRows = (page: Page) =>
  page.$$eval('[data-matrix] tr[data-matrix-row]', (rows) =>
    rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset.matrixRow),
  );
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the overview matrix on /messenger-vergleich/', () => {
  it('fits a 360 px phone without sideways scrolling, every column and row visible', async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 800 } });
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const box = (await page.locator('[data-matrix]').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    // The columns a member looks for first are on screen, not cut off.
    for (const id of ['phone', 'avv']) {
      const cell = (await page.locator(`[data-matrix-row="threema-work"] td:has(> a[data-cell="${id}"])`).boundingBox())!;
      expect(cell.x + cell.width).toBeLessThanOrEqual(360);
      expect(cell.width).toBeGreaterThanOrEqual(20);
    }
    expect(await matrixRows(page)).toHaveLength(12);
    await page.screenshot({ path: join(SHOTS, 'vergleich-360.png') });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('gives every cell an accessible name with messenger, criterion and level', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    const cells = page.locator('[data-matrix] a[data-cell]');
    expect(await cells.count()).toBe(12 * 12);
    const names = await cells.evaluateAll((links) => links.map((l) => l.textContent?.replace(/[✓✗~●◐○]/g, '').trim()));
    expect(new Set(names).size).toBe(144);
    const threemaPhone = page.locator('[data-matrix-row="threema"] a[data-cell="phone"]');
    await expect.poll(() => threemaPhone.getAttribute('role')).toBe('button');
    const snapshot = await page.locator('[data-matrix-row="threema"] td:has(> a[data-cell="phone"])').ariaSnapshot();
    expect(snapshot).toContain('Threema, Telefonnummer nötig: nein');
    // Column headers: short on screen, full label as the accessible name.
    expect(await page.locator('[data-matrix] thead th[data-criterion="phone"]').ariaSnapshot()).toContain('Telefonnummer nötig');
    await page.close();
  });

  it("opens a cell's fact, source and date in place by keyboard and closes it again", async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    const cell = page.locator('[data-matrix-row="signal"] a[data-cell="phone"]');
    await expect.poll(() => cell.getAttribute('aria-expanded')).toBe('false');
    await cell.focus();
    await page.keyboard.press('Enter');
    const details = page.locator('[data-matrix-detail]');
    await expect.poll(() => details.isVisible()).toBe(true);
    expect(await cell.getAttribute('aria-expanded')).toBe('true');
    const panel = page.locator(`#${await cell.getAttribute('aria-controls')}`);
    const text = await panel.textContent();
    expect(text).toContain('Signal, Telefonnummer nötig');
    expect(await panel.locator('a[data-source-link]').count()).toBe(1);
    expect(await panel.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await panel.locator('a[href="#vergleich--signal"]').count()).toBe(1);
    // It sits right below the messenger's row.
    expect(
      await page.evaluate(() => (document.querySelector('[data-matrix-detail]')!.previousElementSibling as HTMLElement).dataset.matrixRow),
    ).toBe('signal');
    await page.screenshot({ path: join(SHOTS, 'vergleich-360-details.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => details.isVisible()).toBe(false);
    expect(await cell.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.matrixRow)).toBe('signal');
    // Space toggles it like a button.
    await page.keyboard.press('Space');
    await expect.poll(() => details.isVisible()).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => details.isVisible()).toBe(false);
    await page.close();
  });

  it('follows the filters, search and compare selection, with the same URL state', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    await page.check('input[data-filter][value="ohne-telefonnummer"]');
    await page.check('input[data-filter][value="avv"]');
    await expect
      .poll(() => matrixRows(page))
      .toEqual(
        await page.$$eval('tr[data-messenger]', (rows) =>
          rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset.messenger),
        ),
      );
    const shown = await matrixRows(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).not.toContain('whatsapp');
    // Every remaining row is green in both columns.
    for (const id of shown) {
      for (const c of ['phone', 'avv'])
        expect(await page.locator(`[data-matrix-row="${id}"] a[data-cell="${c}"]`).getAttribute('data-tone')).toBe('good');
    }
    expect(page.url()).toContain('filter=ohne-telefonnummer%2Cavv');
    await page.reload();
    await expect.poll(() => matrixRows(page)).toEqual(shown);
    await page.goto(`${session.server.url}/messenger-vergleich/?vergleich=signal,whatsapp&sortierung=datenschutz`);
    await expect.poll(() => matrixRows(page)).toEqual(['signal', 'whatsapp']);
    await page.goto(`${session.server.url}/messenger-vergleich/?q=adressbuch`);
    await expect
      .poll(() =>
        page.$$eval('[data-matrix] thead th[data-criterion]', (ths) =>
          ths.filter((t) => !(t as HTMLElement).hidden).map((t) => (t as HTMLElement).dataset.criterion),
        ),
      )
      .toEqual(['addressBook']);
    // The body cells follow their header: only the address book cell is left in each row.
    expect(
      await page.$$eval('[data-matrix-row="threema"] td:not([hidden]) a[data-cell]', (links) =>
        links.map((l) => (l as HTMLElement).dataset.cell),
      ),
    ).toEqual(['addressBook']);
    await page.close();
  });

  it('is complete without JavaScript: every cell links to its fact in the table', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    expect(await matrixRows(page)).toHaveLength(12);
    const hrefs = await page.$$eval('[data-matrix] a[data-cell]', (links) => links.map((l) => (l as HTMLAnchorElement).hash.slice(1)));
    expect(hrefs).toHaveLength(144);
    const missing = await page.evaluate(
      (ids) => ids.filter((id) => !document.getElementById(id)?.closest('[data-comparison-table]')),
      hrefs,
    );
    expect(missing).toEqual([]);
    await page.click('[data-matrix-row="threema"] a[data-cell="avv"]');
    expect(page.url()).toMatch(/#vergleich--threema--avv$/);
    await context.close();
  });

  it('prints the matrix with legend, data date and address on one A4 landscape page', async () => {
    // A4 landscape less 10 mm margins at 96 dpi: 277 × 190 mm.
    const page = await session.browser.newPage({ viewport: { width: 1047, height: 718 } });
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    await page.emulateMedia({ media: 'print' });
    const bottom = await page.evaluate(
      () => document.querySelector('[data-matrix-section]')!.getBoundingClientRect().bottom + window.scrollY,
    );
    expect(bottom).toBeLessThanOrEqual(718);
    expect(await page.locator('[data-print-note]').isVisible()).toBe(true);
    expect(await page.locator('[data-print-note]').textContent()).toMatch(
      /Angaben zuletzt an ihren Quellen geprüft: .*innung\.example\.org\/messenger-vergleich\//,
    );
    expect(await page.locator('[data-matrix-legend]').isVisible()).toBe(true);
    expect(await page.locator('header[role="banner"]').isVisible()).toBe(false);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('[data-matrix-section]')!).breakAfter)).toBe('page');
    await page.screenshot({ path: join(SHOTS, 'vergleich-druck.png') });
    await page.close();
  });
});

describe('the compact header on a phone', () => {
  it('is one row of at most 80 px at 375 px, and every navigation link is reachable by keyboard', async () => {
    const page = await session.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${session.server.url}/beitraege/whatsapp-im-unternehmen/`);
    const height = await page.locator('header[role="banner"]').evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(80);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'kopf-375.png') });
    const button = page.locator('[data-site-menu-button]');
    expect(await button.isVisible()).toBe(true);
    // Keyboard only: Tab to the menu button, open it, Tab through the links.
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.matches('[data-site-menu-button]') ?? false);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    const links = page.locator('[data-site-menu] nav a');
    await expect.poll(() => links.first().isVisible()).toBe(true);
    const labels: string[] = [];
    for (let i = 0; i < (await links.count()); i++) {
      await page.keyboard.press('Tab');
      labels.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(labels).toEqual(['Beiträge', 'Themen', 'Messenger-Vergleich']);
    await page.screenshot({ path: join(SHOTS, 'kopf-375-menue.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => links.first().isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-site-menu-button]'))).toBe(true);
    await page.close();
  });

  it('marks the current section and reaches the links without JavaScript', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    await page.click('[data-site-menu-button]');
    const current = page.locator('[data-site-menu] nav a[aria-current="page"]');
    expect(await current.textContent()).toBe('Messenger-Vergleich');
    expect(await current.isVisible()).toBe(true);
    await page.click('[data-site-menu] nav a:text("Themen")');
    await page.waitForURL(/\/themen\/$/);
    await context.close();
  });
});

describe('profile strips', () => {
  it('open each messenger page with the symbols of all criteria, the score bar and what it suits', async () => {
    const page = await session.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${session.server.url}/messenger/threema-work/`);
    const strip = page.locator('[data-profile-strip="threema-work"] > li');
    expect(await strip.count()).toBe(12);
    const profile = (await page.locator('[data-profile]').boundingBox())!;
    expect(profile.y + profile.height).toBeLessThanOrEqual(800);
    expect(await page.locator('[data-profile] [data-suits]').getAttribute('data-suits')).toBe('team');
    expect(await page.locator('[data-profile] [data-suits]').textContent()).toContain('Team intern');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'messenger-375.png') });
    // WhatsApp has no AVV: the decision aid excludes it for both purposes.
    await page.goto(`${session.server.url}/messenger/whatsapp/`);
    expect(await page.locator('[data-profile] [data-suits]').getAttribute('data-suits')).toBe('');
    await page.close();
  });

  it("show in the decision aid's ranking", async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/empfehlung/?use=team&budget=klein`);
    const items = page.locator('[data-advice-item]');
    expect(await items.count()).toBe(12);
    for (let i = 0; i < 3; i++) expect(await items.nth(i).locator('[data-profile-strip] > li').count()).toBe(12);
    await page.close();
  });
});
