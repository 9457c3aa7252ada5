import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchPage } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/session';

const session = useServerAndBrowser();

const resultUrls = (page: Page, scope: string) =>
  page.$$eval(`${scope} [data-result-link]`, (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));

async function searchPage(page: Page, query: string) {
  await page.goto(`${session.server.url}/suche/?q=${encodeURIComponent(query)}`);
  await page.locator('search-page [data-search-status]:not(:empty)').waitFor();
  return resultUrls(page, 'search-page');
}

describe('site search in Chromium', () => {
  it('loads no search files until search is opened, then only from this site', async () => {
    const page = await session.browser.newPage();
    const watch = watchPage(page, session.server.url);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${session.server.url}/beitraege/whatsapp-im-unternehmen/`, { waitUntil: 'networkidle' });
    expect(requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.click('[data-search-open]');
    await page.keyboard.type('threema');
    await page.locator('site-search [data-result-link]').first().waitFor();
    expect(requests.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('finds a word from an article body', async () => {
    const page = await session.browser.newPage();
    expect(await searchPage(page, 'Latombe')).toEqual(['/beitraege/eu-us-data-privacy-framework/']);
    await page.close();
  });

  it('finds an inflected German form ("Messengern" finds "Messenger")', async () => {
    const page = await session.browser.newPage();
    expect(await searchPage(page, 'Messengern')).toContain('/messenger-vergleich/');
    await page.close();
  });

  it('finds umlaut words typed without the umlaut', async () => {
    const page = await session.browser.newPage();
    const withUmlaut = await searchPage(page, 'Verschlüsselung');
    expect(withUmlaut.length).toBeGreaterThan(0);
    expect((await searchPage(page, 'verschlusselung')).sort()).toEqual([...withUmlaut].sort());
    await page.close();
  });

  it('narrows results with a filter, and keeps query and filter in the URL over a reload', async () => {
    const page = await session.browser.newPage();
    const all = await searchPage(page, 'adressbuch');
    await page.locator('search-page [data-filters] summary').click();
    await page.locator('search-page input[name="Typ"][value="Artikel"]').check();
    await expect.poll(() => resultUrls(page, 'search-page')).toEqual(all.filter((u) => u.startsWith('/beitraege/')));
    expect(all.length).toBeGreaterThan((await resultUrls(page, 'search-page')).length);
    expect(page.url()).toMatch(/q=adressbuch.*Typ=Artikel/);
    await page.reload();
    await page.locator('search-page [data-result-link]').first().waitFor();
    await page.locator('search-page [data-filters] summary').click();
    expect(await page.inputValue('search-page [data-search-input]')).toBe('adressbuch');
    expect(await page.isChecked('search-page input[name="Typ"][value="Artikel"]')).toBe(true);
    expect(await resultUrls(page, 'search-page')).toEqual(all.filter((u) => u.startsWith('/beitraege/')));
    await page.close();
  });

  it('shows an empty state with suggestions', async () => {
    const page = await session.browser.newPage();
    await searchPage(page, 'qqqzzxw');
    expect(await page.locator('search-page [data-search-status]').textContent()).toBe('Keine Treffer für „qqqzzxw“.');
    expect(await page.locator('[data-search-empty]').isVisible()).toBe(true);
    await page.close();
  });

  it('keyboard: Ctrl+K opens the dialog, arrow to a result, Enter navigates and highlights the term; Escape returns focus', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/`);
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.keyboard.type('Latombe');
    // What a reader waits for: the answer for the whole word, not one for the first letters.
    await page.locator('site-search [data-search-status]', { hasText: '„Latombe“' }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-result-link'))).toBe(true);
    await Promise.all([page.waitForURL(/\/beitraege\/eu-us-data-privacy-framework\/\?suche=latombe/), page.keyboard.press('Enter')]);
    await page.locator('mark.search-hit').first().waitFor();
    expect(await page.locator('mark.search-hit').first().textContent()).toMatch(/Latombe/i);

    await page.keyboard.press('/');
    expect(await page.locator('dialog[data-search-dialog]').evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[data-search-dialog]').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
    await page.close();
  });

  it('one Escape closes the dialog with text typed, keeps the text, and returns focus to the search button', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('threema');
    await page.locator('site-search [data-result-link]').first().waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('dialog[data-search-dialog]').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-open'))).toBe(true);
    expect(await page.inputValue('#site-search-input')).toBe('threema');
    await page.close();
  });

  it('without JavaScript the search page says so and links to the topic index', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.url}/suche/`);
    expect(await page.locator('[data-no-js]').textContent()).toContain('Die Suche braucht JavaScript');
    expect(await page.locator('[data-no-js] a').getAttribute('href')).toBe('/themen/');
    await context.close();
  });
});
