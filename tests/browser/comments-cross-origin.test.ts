/**
 * Static pages on one host, comments on another (COMMENTS_API_ORIGIN at build time): dist/client is
 * served by a plain static file server on one port, the real server (API) runs on another. In Chromium a
 * reader posts a comment from the static page, the moderator approves it, the reader sees it – and
 * the page's Content-Security-Policy reports no violation.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchPage } from '../helpers/browser';
import { buildSiteAsync, holdBuildLock } from '../helpers/build';
import { TEST_CONTENT, TEST_RUN } from '../helpers/paths';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { withModerator, THREAD, admin, tempDb } from '../helpers/comments';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/** The simplest static host: files as they are, a folder's index.html, nothing else. */
function staticServer(root: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

let api: RunningServer;
let files: Server;
let browser: Browser;
let apiOrigin: string;
let siteOrigin: string;

beforeAll(async () => {
  const apiPort = await freePort();
  const sitePort = await freePort();
  apiOrigin = `http://127.0.0.1:${apiPort}`;
  siteOrigin = `http://127.0.0.1:${sitePort}`;
  const dist = join(TEST_RUN, 'dist-api-origin');
  // Takes its turn with the other files that build.
  const release = await holdBuildLock();
  const built = await buildSiteAsync(TEST_CONTENT, dist, { COMMENTS_API_ORIGIN: apiOrigin });
  release();
  if (built.status !== 0) throw new Error(`Build with COMMENTS_API_ORIGIN failed:\n${built.output}`);
  // The build needs the API's origin, so the API gets a port chosen before the build (PORT overrides startServer's own).
  api = await startServer(
    {
      PORT: String(apiPort),
      COMMENTS_DB: tempDb(),
      ...withModerator(),
      COMMENTS_MIN_SUBMIT_SECONDS: '0',
      COMMENTS_RATE_LIMIT: '0',
      COMMENTS_ALLOWED_ORIGINS: siteOrigin,
    },
    dist,
  );
  files = await staticServer(join(dist, 'client'), sitePort);
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await new Promise((resolve) => (files ? files.close(resolve) : resolve(undefined)));
});

describe('static pages on one origin, the comment API on another', () => {
  it('posts from the static page, shows the comment after approval, with no CSP violation', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, siteOrigin);
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(`${siteOrigin}/beitraege/${THREAD}/`);
    const csp = await page.getAttribute('meta[http-equiv="content-security-policy"]', 'content');
    expect(csp).toContain(`connect-src 'self' ${apiOrigin}`);
    expect(csp).toContain(`form-action 'self' ${apiOrigin}`);
    expect(await page.getAttribute('#kommentar-formular', 'action')).toBe(`${apiOrigin}/beitraege/${THREAD}/kommentare/`);
    await page.locator('comment-section form[data-comment-form]:not([hidden])').waitFor();
    await page.fill('comment-section input[name="author"]', 'Fern-Frieda');
    await page.fill('comment-section textarea[name="text"]', 'Geschrieben auf der statischen Seite, gespeichert beim Kommentar-Server.');
    await page.check('comment-section input[name="consent"]');
    await page.click('comment-section [data-submit]');
    await expect.poll(() => page.locator('comment-section [data-status]').textContent()).toBe('Danke! Ihr Kommentar wartet auf Freigabe.');

    const pending = (await (await admin(apiOrigin, '?status=pending')).json()) as { comments: Array<{ id: number; author: string }> };
    const mine = pending.comments.find((c) => c.author === 'Fern-Frieda');
    expect(mine).toBeDefined();
    expect((await admin(apiOrigin, `/${mine!.id}/approve`, 'POST')).status).toBe(200);

    await page.reload();
    await expect
      .poll(() => page.locator('comment-section [data-comment-list]').textContent())
      .toContain('Geschrieben auf der statischen Seite');
    await expect.poll(() => page.locator('article header [data-comment-count]').textContent()).toBe('Kommentare: 1');
    expect(violations).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests.every((url) => url.startsWith(apiOrigin))).toBe(true);
    await page.close();
  });
});
