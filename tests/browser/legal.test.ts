/** The legal pages, the accessibility statement and the Leichte-Sprache page pass axe (WCAG 2.0/2.1 A+AA) with the demo notice shown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from '../helpers/browser';
import { axeViolations } from '../helpers/axe';
import { startServer, type RunningServer } from '../helpers/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each(['/barrierefreiheit/', '/leichte-sprache/', '/datenschutz/', '/impressum/'])('%s', (path) => {
  it('passes axe, shows the demo notice and requests nothing from other hosts', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, server.url);
    const response = await page.goto(server.url + path, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-demo-notice]').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
