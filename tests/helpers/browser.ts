import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; no test tool downloads a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageWatch {
  foreignRequests: string[];
  consoleErrors: string[];
  failedRequests: string[];
}

/** Records requests to other hosts, console errors and failed requests of a page. */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = { foreignRequests: [], consoleErrors: [], failedRequests: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) watch.foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
  page.on('requestfailed', (request) => watch.failedRequests.push(`${request.url()} ${request.failure()?.errorText}`));
  return watch;
}
