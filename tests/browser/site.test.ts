import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, watchPage } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ COMMENTS_DB: join(mkdtempSync(join(tmpdir(), 'iw-')), 'comments.db') });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(['/', '/beitraege/whatsapp-im-unternehmen/', '/datenschutz/'])('reading %s in Chromium', (path) => {
  it('talks to no other host, logs no error and sets no cookie', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page, server.url);
    const response = await page.goto(server.url + path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.failedRequests).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});

describe('the article on a phone', () => {
  it('fits a 320 px screen without sideways scrolling and the skip link reaches the content', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${server.url}/beitraege/whatsapp-im-unternehmen/`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    await page.close();
  });

  it('follows the Facebook call to action to the configured page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/beitraege/whatsapp-im-unternehmen/`);
    const cta = page.locator('#facebook-cta ~ p a[data-facebook-link]');
    await expect(cta.getAttribute('href')).resolves.toBe('https://www.facebook.com/Berliner.Innung/');
    expect(await cta.isVisible()).toBe(true);
    await page.close();
  });
});
