/**
 * Static files that are not pages carry `default-src 'none'; …; sandbox`: opened on
 * their own they run nothing, yet as pictures on our pages they work as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { tempDb } from '../helpers/comments';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ COMMENTS_DB: tempDb() });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an SVG from public/', () => {
  it('still shows as an <img> on a page, and opened on its own is sandboxed', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/`);
      const widths = await page.evaluate(async () => {
        const load = (src: string) =>
          new Promise<number>((resolve) => {
            const img = new Image();
            img.onload = () => resolve(img.naturalWidth);
            img.onerror = () => resolve(-1);
            img.src = src;
          });
        return [await load('/logo.svg'), await load('/favicon.svg')];
      });
      expect(widths.every((w) => w > 0)).toBe(true);
      const direct = await page.goto(`${server.url}/logo.svg`);
      expect(direct?.headers()['content-security-policy']).toContain('sandbox');
      // A sandboxed document has an opaque origin: it cannot reach the site's storage or cookies.
      expect(await page.evaluate(() => window.origin)).toBe('null');
    } finally {
      await page.close();
    }
  });
});
