import { describe, expect, it } from 'vitest';
import { watchPage } from '../helpers/browser';
import { useServerAndBrowser } from '../helpers/session';
import { axeViolations } from '../helpers/axe';

const session = useServerAndBrowser();

const visibleRows = (page: import('playwright-core').Page) =>
  page.$$eval('tr[data-messenger]', (rows) =>
    rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset.messenger),
  );

describe('the messenger comparison in Chromium', () => {
  it('filters as one types, announces the count and keeps the state in the URL over a reload', async () => {
    const page = await session.browser.newPage();
    const watch = watchPage(page, session.server.url);
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    await page.fill('[data-query]', 'schweiz');
    await expect.poll(() => visibleRows(page)).toEqual(expect.arrayContaining(['threema', 'threema-work']));
    expect(await visibleRows(page)).not.toContain('whatsapp');
    // Wire's processing agreement was read at its source on 03.12.2026 (content/messengers/wire.yaml, avv: ja).
    await page.check('input[data-filter][value="avv"]');
    await expect.poll(() => visibleRows(page)).toEqual(['threema-work', 'wire']);
    expect(await page.locator('[data-result-count]').textContent()).toBe('2 von 12 Messengern werden angezeigt.');
    expect(await page.locator('[data-result-count]').getAttribute('aria-live')).toBe('polite');
    expect(page.url()).toContain('q=schweiz');
    expect(page.url()).toContain('filter=avv');
    await page.reload();
    await expect.poll(() => visibleRows(page)).toEqual(['threema-work', 'wire']);
    expect(await page.inputValue('[data-query]')).toBe('schweiz');
    expect(await page.isChecked('input[data-filter][value="avv"]')).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it('loads the search text only when the search field is used, and says so when it cannot', async () => {
    const page = await session.browser.newPage();
    const loads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/suchtext.json')) loads.push(request.url());
    });
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    await page.check('input[data-filter][value="avv"]');
    await expect.poll(() => visibleRows(page)).not.toContain('whatsapp');
    expect(loads).toEqual([]);
    await page.focus('[data-query]');
    await expect.poll(() => loads.length).toBe(1);
    await page.close();

    // While the file is on its way (held back here), filters work at once and the status says what it waits for.
    const slow = await session.browser.newPage();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await slow.route('**/suchtext.json', async (route) => {
      await held;
      await route.continue();
    });
    await slow.goto(`${session.server.url}/messenger-vergleich/?q=schweiz`);
    await expect.poll(() => slow.locator('[data-result-count]').textContent()).toBe('Die Suche wird geladen …');
    await slow.check('input[data-filter][value="avv"]');
    await expect.poll(() => visibleRows(slow)).not.toContain('whatsapp');
    release();
    await expect.poll(() => visibleRows(slow)).toEqual(['threema-work', 'wire']);
    await slow.close();

    // A failed load (here: the file is unreachable) leaves the names searchable and says so; the next query tries again.
    const offline = await session.browser.newPage();
    await offline.route('**/suchtext.json', (route) => route.abort('internetdisconnected'));
    await offline.goto(`${session.server.url}/messenger-vergleich/?q=threema`);
    await expect.poll(() => visibleRows(offline)).toEqual(['threema', 'threema-work']);
    expect(await offline.locator('[data-result-count]').textContent()).toContain('gesucht wurde nur in den Namen');
    await offline.unroute('**/suchtext.json');
    await offline.fill('[data-query]', 'schweiz');
    await expect.poll(() => visibleRows(offline)).toEqual(expect.arrayContaining(['threema', 'threema-work']));
    expect(await offline.locator('[data-result-count]').textContent()).not.toContain('nur in den Namen');
    await offline.close();
  });

  it('compares two chosen messengers side by side', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    await page.check('tr[data-messenger="signal"] input[data-compare]');
    await page.check('tr[data-messenger="whatsapp"] input[data-compare]');
    await expect.poll(() => visibleRows(page)).toEqual(['signal', 'whatsapp']);
    expect(page.url()).toContain('vergleich=signal%2Cwhatsapp');
    await page.close();
  });

  it('a query naming a criterion shows only that column', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/?q=adressbuch`);
    await expect
      .poll(() =>
        page.$$eval('[data-comparison-table] thead th[data-criterion]', (ths) =>
          ths.filter((t) => !(t as HTMLElement).hidden).map((t) => (t as HTMLElement).dataset.criterion),
        ),
      )
      .toEqual(['addressBook']);
    // The body cells follow their header: only the address book cell is left in each row.
    expect(
      await page.$$eval('tr[data-messenger="threema"] td', (cells) => cells.filter((c) => !(c as HTMLElement).hidden).map((c) => c.id)),
    ).toEqual(['vergleich--threema--addressBook']);
    await page.close();
  });

  it('answers the decision aid as you click, with reasons and sources', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    await page.check('input[name="use"][value="kunden"]');
    await page.check('input[name="ohneNeueApp"][value="ja"]');
    await expect
      .poll(() => page.locator('[data-advice-output] [data-advice-summary]').textContent())
      .toContain('am besten: WhatsApp Business Platform (Cloud API)');
    const first = page.locator('[data-advice-output] [data-advice-item]').first();
    expect(await first.locator('a[data-source-link]').count()).toBeGreaterThan(1);
    await page.close();
  });

  it('the decision aid works without JavaScript: the form submits to a server-rendered result', async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    expect(await page.locator('table[data-comparison-table] tbody tr').count()).toBe(12);
    await page.check('input[name="use"][value="team"]');
    await page.check('input[name="budget"][value="klein"]');
    await page.click('[data-advice-submit]');
    await page.waitForURL(/\/messenger-vergleich\/empfehlung\/\?use=team/);
    expect(await page.locator('h1').textContent()).toBe('Welcher Messenger passt zu meinem Betrieb?');
    expect(await page.locator('[data-advice-summary]').textContent()).toContain('am besten: Wire');
    await context.close();
  });

  it('is readable on a 360 px phone: nothing cut off, the table scrolls in its own region', async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    // The detailed table is drawn when a reader scrolls to it (content-visibility: auto): measure it there.
    const region = page.locator('[data-table-scroll]');
    await region.scrollIntoViewIfNeeded();
    // The browser lays the table out in a frame after it comes into view; until then it has its placeholder size.
    await expect.poll(() => region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await region.getAttribute('tabindex')).toBe('0');
    const stickyLeft = await page
      .locator('[data-comparison-table] tbody th[scope="row"]')
      .first()
      .evaluate((el) => getComputedStyle(el).position);
    expect(stickyLeft).toBe('sticky');
    await page.close();
  });

  it('"Beleg" opens and closes by keyboard and pointer, loads the quote once with its language, fits 360 px and passes axe', async () => {
    const page = await session.browser.newPage({ viewport: { width: 360, height: 740 } });
    const watch = watchPage(page, session.server.url);
    const loads: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/belege.json')) loads.push(request.url());
    });
    await page.goto(`${session.server.url}/messenger-vergleich/`);
    expect(loads).toEqual([]);
    const details = page.locator('details[data-evidence="teamwire/phone"]');
    const summary = details.locator('summary');
    await summary.scrollIntoViewIfNeeded();
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const quote = details.locator('blockquote');
    await expect.poll(() => quote.getAttribute('lang')).toBe('en');
    expect(await quote.textContent()).toContain('Login by password');
    expect(await details.textContent()).toContain('Sinngemäß auf Deutsch:');
    expect(await details.locator('[data-evidence-checked]').textContent()).toMatch(/^geprüft am \d+\. \S+ \d{4} von Redaktion$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // Pointer: another fact's evidence comes from the same, already loaded file.
    const other = page.locator('details[data-evidence="threema/addressBook"]');
    await other.locator('summary').scrollIntoViewIfNeeded();
    await other.locator('summary').click();
    await expect.poll(() => other.locator('blockquote').getAttribute('lang')).toBe('de');
    await other.locator('summary').click();
    await expect.poll(() => other.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(loads).toHaveLength(1);
    // Open, it stays inside its cell: the page itself never scrolls sideways.
    await summary.click();
    await expect.poll(() => quote.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
