import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ROOT, TEST_CONTENT } from './paths';
import { launchBrowser } from './browser';
import { startServer, type RunningServer } from './server';
import { childEnv } from '../../scripts/child-env';

export const EDITOR = { name: 'Anna Beispiel', password: 'geheimes-passwort-123' };

export interface EditorSetup {
  env: Record<string, string>;
  contentDir: string;
  buildsDir: string;
}

/**
 * A data folder, a content copy and a builds folder of its own. Content and builds sit inside the
 * project (.tmp/): a build's code loads its packages from the project's node_modules.
 */
export function editorSetup(options: { account?: boolean } = {}): EditorSetup {
  const work = mkdtempSync(join(ROOT, '.tmp', 'editor-'));
  const contentDir = join(work, 'content');
  const buildsDir = join(work, 'builds');
  cpSync(TEST_CONTENT, contentDir, { recursive: true });
  mkdirSync(buildsDir);
  const dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-data-'));
  const env = {
    DATA_DIR: dataDir,
    BUILDS_DIR: buildsDir,
    INNUNGSWISSEN_CONTENT_DIR: contentDir,
    COMMENTS_DB: join(dataDir, 'comments.db'),
    EDITOR_SCHEDULE: '0',
  };
  if (options.account !== false) createAccount(env, EDITOR.name, EDITOR.password);
  return { env, contentDir, buildsDir };
}

export function createAccount(env: Record<string, string>, name: string, password: string): string {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/redaktion.ts'), 'konto', 'anlegen', name],
    {
      cwd: ROOT,
      env: childEnv(env),
      input: `${password}\n`,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`konto anlegen failed: ${result.stderr}`);
  return result.stdout;
}

/** Signs in over HTTP like the login form does; returns the Cookie header value. */
export async function signIn(base: string, name = EDITOR.name, password = EDITOR.password): Promise<string> {
  const response = await fetch(`${base}/redaktion/anmelden/`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base },
    body: new URLSearchParams({ name, passwort: password }),
  });
  if (response.status !== 303) throw new Error(`sign-in failed: ${response.status}`);
  const cookie = response.headers.getSetCookie()[0]!;
  return cookie.split(';')[0]!;
}

export interface PublishStatus {
  building: boolean;
  queued: boolean;
  last: { ok: boolean; startedAt: string; finishedAt: string; durationMs: number; error?: string } | null;
}

export async function publishStatus(base: string, cookie: string): Promise<PublishStatus> {
  return (await fetch(`${base}/api/redaktion/status`, { headers: { Cookie: cookie } })).json() as Promise<PublishStatus>;
}

/** Waits until no build runs or waits, and one finished after `since`. */
export async function waitForPublish(base: string, cookie: string, since: number, timeoutMs = 240_000): Promise<PublishStatus> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await publishStatus(base, cookie);
    if (!status.building && !status.queued && status.last && Date.parse(status.last.finishedAt) >= since) return status;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('publish did not finish in time');
}

/** Signs in through the login form the page shows, as a person would; waits for the editor's start page. */
export async function signInOnPage(page: Page, base: string, name = EDITOR.name, password = EDITOR.password): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.waitForURL(`${base}/redaktion/`);
}

/** The real server on a copy of the content with an editor account (editorSetup), and a Chromium (German if asked), for one test file. */
export function useEditorSession(options: { german?: boolean } = {}): { setup: EditorSetup; server: RunningServer; browser: Browser } {
  const session = {} as { setup: EditorSetup; server: RunningServer; browser: Browser };
  beforeAll(async () => {
    session.setup = editorSetup();
    session.server = await startServer(session.setup.env);
    session.browser = await launchBrowser(options);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}

/**
 * Signed-in pages for one test file, each in a German browser profile of its own (Keystatic keeps drafts per
 * profile); the profiles close after the file. `acceptDialogs`: leave-page questions are answered "yes".
 */
export function germanEditorPages(
  session: { server: RunningServer; browser: Browser },
  options: { acceptDialogs?: boolean } = {},
): () => Promise<Page> {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });
  return async () => {
    const context = await session.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    if (options.acceptDialogs) page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${session.server.url}/redaktion/`);
    if (page.url().endsWith('/redaktion/anmelden/')) await signInOnPage(page, session.server.url);
    return page;
  };
}

/** Slashes in the focused text: tells whether a "/" reached the editor although its menu did not open. */
const slashesInFocus = (page: Page) => page.evaluate(() => (document.activeElement?.textContent ?? '').split('/').length);

/**
 * Opens Keystatic's insert menu by typing "/" at the cursor, as the guide says (section 4); typed again
 * when the editor was not listening yet, and a "/" that landed in the text without a menu is taken back.
 */
export async function openInsertMenu(page: Page): Promise<Locator> {
  const menu = page.getByLabel('Einfügemenü');
  for (let attempt = 1; ; attempt++) {
    const before = await slashesInFocus(page);
    await page.keyboard.type('/');
    const opened = await menu.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (opened) return menu;
    if (attempt === 3) throw new Error('Das Einfügemenü öffnet sich nicht mit „/“.');
    if ((await slashesInFocus(page)) > before) await page.keyboard.press('Backspace');
  }
}

/**
 * The insert menu's entry `name`, the menu filtered by its first word (a space would close it). The caller
 * clicks it, as a clerk does: Enter takes whatever the still-filtering menu highlights (flaky under load).
 */
export async function insertMenuEntry(page: Page, name: string): Promise<Locator> {
  const menu = await openInsertMenu(page);
  await page.keyboard.type(name.split(' ')[0]!);
  const entry = menu.getByText(name, { exact: true }).first();
  await entry.waitFor();
  return entry;
}
