import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, GERMAN_CHROMIUM_ENV, chromiumProgram, ensureGermanChromium, findChromium } from './chromium';
import { missingMessage } from './system-programs';

export { CHROMIUM_FLAGS, findChromium };

/**
 * The Chromium for tests, `npm run bench` and `npm run audit`: CHROME_PATH or the first one
 * found on the machine (tests/helpers/chromium.ts; the test set-up installs one where none is).
 */
export function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error(`${missingMessage(chromiumProgram(), 'nicht gefunden / not found')} – oder setzen Sie CHROME_PATH.`);
  return path;
}

/** A Chromium for tests; `german` starts it in German (GERMAN_CHROMIUM_ENV: dates as TT.MM.JJJJ). */
export function launchBrowser(options: { german?: boolean } = {}): Promise<Browser> {
  if (!options.german) return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS] });
  ensureGermanChromium();
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_FLAGS, '--lang=de-DE'],
    env: { ...process.env, ...GERMAN_CHROMIUM_ENV },
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
