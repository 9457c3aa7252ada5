/**
 * The Redaktion a clerk can run alone (issue 25, part B), on the real server with a copy of the content
 * that is a git repository (its HEAD is live): /redaktion/ shows what goes live before publishing (a
 * changed title and a changed messenger fact, old → new, by title and German label, no paths), the button
 * publishes exactly that list and refuses when the content changed since, scheduled posts are listed
 * with their day, the header reaches every screen by keyboard, the history fits 375 px, "Abmelden"
 * confirms, and every Astro editor screen passes axe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { watchPage } from '../helpers/browser';
import { holdBuildLock } from '../helpers/build';
import { signIn, signInOnPage, useEditorSession } from '../helpers/editor';
import { de } from '@/i18n/de';
import { editorNav } from '@/lib/editor/paths';

// This file builds (through the editor's publisher): it takes its turn with the other files that build.
let releaseBuildLock: (() => void) | undefined;
beforeAll(async () => {
  releaseBuildLock = await holdBuildLock();
}, 900_000);
afterAll(() => releaseBuildLock?.());

const session = useEditorSession();
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd: session.setup.contentDir,
    encoding: 'utf8',
  });

const POST = 'posts/whatsapp-im-unternehmen.mdx';
const FACT = 'messengers/element.yaml';
const NEW_TITLE = 'WhatsApp im Betrieb – was der Datenschutz sagt';
const NEW_VALUE = 'Element Software Ltd. in London, Großbritannien';
const l = de.liveChanges;

function edit(file: string, change: (text: string) => string): void {
  const path = join(session.setup.contentDir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(path, after);
}

beforeAll(() => {
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'live');
});

async function dashboard(page: Page): Promise<void> {
  await page.goto(`${session.server.url}/redaktion/`);
  if (page.url().endsWith('/anmelden/')) await signInOnPage(page, session.server.url);
}

describe('the Redaktion shows what goes live, then publishes exactly that', () => {
  it('with nothing saved since the last publish, says so; scheduled posts are listed with their day', async () => {
    const page = await session.browser.newPage();
    await dashboard(page);
    await expect.poll(() => page.locator('[data-live-nothing]').textContent(), { timeout: 30_000 }).toBe(l.nothing);
    // The test content holds a post for 1 January 2099 (tests/fixtures/posts/future-post.md).
    expect(await page.locator('#geplant').textContent()).toContain('01.01.2099: Geplanter Beitrag aus der Zukunft');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('lists a changed title and a changed fact with old and new value before publishing; a stale list is refused, the shown one is published', async () => {
    edit(POST, (text) => text.replace(/^title: .*$/m, `title: ${NEW_TITLE}`));
    edit(FACT, (text) => text.replace(/(operator:\n {4}value: )(?:>-\n(?: {6}.*\n)+|.*\n)/, `$1${NEW_VALUE}\n`));
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, session.server.url);
    await dashboard(page);
    const post = page.locator('[data-live-entry]', { hasText: NEW_TITLE });
    await expect.poll(() => post.count(), { timeout: 30_000 }).toBe(1);
    const titleRow = post.locator('dt', { hasText: /^Titel$/ }).locator('xpath=following-sibling::dd[1]');
    expect((await titleRow.textContent())!.replace(/\s+/g, ' ')).toContain('WhatsApp im Unternehmen – was der Datenschutz dazu sagt');
    expect(await titleRow.locator('ins').textContent()).toBe(NEW_TITLE);
    const fact = page.locator('[data-live-entry]', { hasText: 'Element (Matrix)' });
    expect(await fact.locator('dt').first().textContent()).toBe('Anbieter und Sitz: Angabe');
    expect(await fact.locator('del').first().textContent()).toContain('Unternehmen in Großbritannien (Element)');
    expect(await fact.locator('ins').first().textContent()).toBe(NEW_VALUE);
    const listText = (await page.locator('[data-live-list]').textContent())!;
    expect(listText).not.toMatch(/\.mdx|\.yaml|posts\/|messengers\/|operator|value:|facts/);
    expect(await axeViolations(page)).toEqual([]);

    // Someone saves again while the clerk reads: the button refuses and shows the new list.
    edit(POST, (text) => text.replace(/^(description: >-\n {2})/m, '$1Neu: '));
    await page.getByRole('button', { name: l.publishAll }).click();
    await expect.poll(() => page.locator('[data-publish-refused]').textContent(), { timeout: 30_000 }).toBe(l.changedMeanwhile);
    await expect.poll(() => post.locator('dt', { hasText: 'Kurzbeschreibung' }).count(), { timeout: 30_000 }).toBe(1);
    // The HTTP answer says the same to a stale token.
    const cookie = await signIn(session.server.url);
    const stale = await fetch(`${session.server.url}/api/redaktion/veroeffentlichen`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: session.server.url, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: 'alt' }),
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toBe(l.changedMeanwhile);

    // Now the list is the current one: publish it.
    await page.getByRole('button', { name: l.publishAll }).click();
    await page.getByText(/^Veröffentlicht um \d\d:\d\d, Dauer \d+ s\.$/).waitFor({ timeout: 600_000 });
    await expect.poll(() => page.locator('[data-live-nothing]').count(), { timeout: 30_000 }).toBe(1);
    expect(git('status', '--porcelain', '--', 'posts', 'messengers')).toBe('');
    const reader = await fetch(`${session.server.url}/beitraege/whatsapp-im-unternehmen/`);
    expect(await reader.text()).toContain(NEW_TITLE);
    // The history names what was published by title, never by path.
    const history = page.locator('[data-history] tbody tr').first();
    await expect.poll(() => history.textContent(), { timeout: 30_000 }).toContain(NEW_TITLE);
    expect(await history.textContent()).not.toMatch(/\.mdx|\.yaml|content\//);
    // A second click with nothing new: said so, no build.
    await page.getByRole('button', { name: l.publishAll }).click();
    await expect.poll(() => page.locator('[data-status]').textContent(), { timeout: 30_000 }).toBe(l.nothingToPublish);

    // 375 px: the history (and the page) without sideways scrolling.
    await page.setViewportSize({ width: 375, height: 800 });
    await page.locator('#veroeffentlichen').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  }, 900_000);

  it('a file edited by hand that fails the content check: named by title and German label, with a button into the editor, no path', async () => {
    edit(POST, (text) => text.replace(/^pubDate: .*$/m, 'pubDate: 10.12.26'));
    const page = await session.browser.newPage();
    await dashboard(page);
    await page.getByRole('button', { name: l.publishAll }).click();
    const problem = page.locator('[data-problem]').first();
    await problem.waitFor({ timeout: 600_000 });
    const text = (await problem.textContent())!;
    expect(text).toContain(`Beitrag „${NEW_TITLE}“, Feld „Erscheint am“`);
    expect(await page.locator('[data-error]').textContent()).not.toMatch(/\.mdx|posts\/|:\d+ –|pubDate/);
    expect(await problem.getByRole('link', { name: l.openInEditor }).getAttribute('href')).toBe(
      '/keystatic/collection/posts/item/whatsapp-im-unternehmen',
    );
    expect(await axeViolations(page)).toEqual([]);
    git('checkout', '--', POST);
    await page.close();
  }, 900_000);
});

describe('scheduled posts are visible', () => {
  it('the preview is marked "Vorschau" with a way back, and a scheduled post says "geplant für", not "Entwurf"', async () => {
    const page = await session.browser.newPage();
    await dashboard(page);
    await page.getByRole('button', { name: de.editor.preview }).click();
    const open = page.getByRole('link', { name: de.editor.openPreview });
    await open.waitFor({ timeout: 600_000 });
    await page.goto(`${session.server.url}/redaktion/vorschau/beitraege/future-post/`);
    expect(await page.locator('[data-preview-marker]').textContent()).toContain(l.previewMarker);
    expect(await page.locator('[data-draft-banner]').textContent()).toBe(l.previewScheduled.replace('{day}', '01.01.2099'));
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-preview-marker]').getByRole('link', { name: l.previewBack }).click();
    await page.waitForURL(`${session.server.url}/redaktion/`);
    await page.close();
  }, 900_000);
});

describe('one place to start', () => {
  it('the header reaches every screen by keyboard, on every Astro editor page, and each passes axe', async () => {
    const page = await session.browser.newPage();
    await dashboard(page);
    for (const screen of ['/redaktion/', '/redaktion/kommentare/', '/redaktion/fakten/']) {
      await page.goto(`${session.server.url}${screen}`);
      const header = page.locator('[data-editor-header]');
      await header.waitFor();
      // Tab from the top of the page: the skip link first, then the header's links in their order.
      const reached: string[] = [];
      for (let i = 0; i < 25 && reached.length < editorNav.length; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(
          () =>
            (document.activeElement as HTMLAnchorElement | null)?.closest('[data-editor-header]') &&
            (document.activeElement as HTMLAnchorElement).getAttribute('href'),
        );
        if (href) reached.push(href);
      }
      expect(reached, screen).toEqual(editorNav.map((item) => item.href));
      expect(await axeViolations(page), screen).toEqual([]);
    }
    // Every screen answers (the Keystatic app's ones included).
    const cookie = await signIn(session.server.url);
    for (const item of editorNav) {
      const response = await fetch(`${session.server.url}${item.href}`, { headers: { Cookie: cookie } });
      expect(response.status, item.href).toBe(200);
    }
    await page.close();
  }, 300_000);

  it('"Abmelden" confirms on the login page, which passes axe', async () => {
    const page = await session.browser.newPage();
    await dashboard(page);
    await page.getByRole('button', { name: de.editorNav.logout }).click();
    await page.waitForURL(/\/redaktion\/anmelden\/\?abgemeldet$/);
    expect(await page.getByRole('status').textContent()).toBe(l.signedOut);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
