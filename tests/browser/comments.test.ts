import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from '../helpers/browser';
import { startServer, type RunningServer } from '../helpers/server';
import { withModerator, THREAD, admin, tempDb } from '../helpers/comments';
import { EDITOR, signInOnPage } from '../helpers/editor';

let server: RunningServer;
let browser: Browser;
const articleUrl = () => `${server.url}/beitraege/${THREAD}/`;

beforeAll(async () => {
  server = await startServer({ COMMENTS_DB: tempDb(), ...withModerator(), COMMENTS_MIN_SUBMIT_SECONDS: '0', COMMENTS_RATE_LIMIT: '0' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Presses Tab until the element matching `selector` has focus, like a keyboard user would (the WhatsApp article has ~210 stops before its comment form: sources and the comparison table). */
async function tabTo(page: Page, selector: string, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function openArticle(page: Page) {
  await page.goto(articleUrl());
  await page.locator('comment-section form[data-comment-form]:not([hidden])').waitFor();
  await page.locator('comment-section [data-comment-list]').waitFor();
}

describe('the comment widget in Chromium', () => {
  it('shows field errors announced next to the fields when consent is missing', async () => {
    const page = await browser.newPage();
    await openArticle(page);
    await page.fill('comment-section textarea[name="text"]', 'Ohne Zustimmung');
    await page.click('comment-section [data-submit]');
    const error = page.locator('comment-section [data-error-for="consent"]');
    await expect.poll(() => error.textContent()).toBe('Bitte stimmen Sie der Speicherung Ihres Kommentars zu.');
    expect(await page.getAttribute('comment-section input[name="consent"]', 'aria-invalid')).toBe('true');
    expect(await page.locator('comment-section [data-form-errors]').getAttribute('role')).toBe('alert');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('consent');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.close();
  });

  it('posts with the keyboard only, shows "wartet auf Freigabe" and keeps only the edit token', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, server.url);
    await openArticle(page);
    await page.focus('body');
    await tabTo(page, 'comment-section input[name="author"]');
    await page.keyboard.type('Tastatur-Tina');
    await tabTo(page, 'comment-section textarea[name="text"]');
    await page.keyboard.type('Wir haben auf Threema Work umgestellt – mit AVV.');
    await tabTo(page, 'comment-section input[name="consent"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'comment-section [data-submit]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('comment-section [data-status]').textContent()).toBe('Danke! Ihr Kommentar wartet auf Freigabe.');
    await expect.poll(() => page.locator('[data-own-pending]').textContent()).toContain('Wir haben auf Threema Work umgestellt');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['innungswissen:edit-tokens']);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('an editor signs in to the Redaktion, sees the waiting comment on the start page and approves it; readers then see it and the count', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/redaktion/kommentare/`);
    // Without a session the moderation page sends the editor to the one login of the Redaktion.
    expect(new URL(page.url()).pathname).toBe('/redaktion/anmelden/');
    await signInOnPage(page, server.url);
    expect(await page.locator('[data-comments-link]').textContent()).toContain('1 wartet');
    await page.locator('[data-comments-link]').click();
    await page.waitForURL(`${server.url}/redaktion/kommentare/`);
    const item = page.locator('[data-list] article', { hasText: 'Tastatur-Tina' });
    await item.waitFor();
    expect(await page.locator('[data-count-for="pending"]').textContent()).toBe('(1)');
    await item.locator('[data-action="approve"]').click();
    await expect.poll(() => page.locator('[data-list]').textContent()).toContain('Keine Kommentare in dieser Liste.');
    await page.locator('#tab-approved').click();
    await expect
      .poll(() => page.locator('[data-list] article', { hasText: 'Tastatur-Tina' }).textContent())
      .toContain(`Zuletzt entschieden von: ${EDITOR.name}`);

    const reader = await browser.newPage();
    await openArticle(reader);
    expect(await reader.locator('comment-section [data-comment-list]').textContent()).toContain('Wir haben auf Threema Work umgestellt');
    await expect.poll(() => reader.locator('article header [data-comment-count]').textContent()).toBe('Kommentare: 1');
    await page.close();
    await reader.close();
  });

  it('replies to a comment: the reply is attached to it', async () => {
    const page = await browser.newPage();
    await openArticle(page);
    await page.locator('comment-section [data-reply-to]').first().click();
    expect(await page.locator('comment-section [data-form-heading]').textContent()).toBe('Antwort an Tastatur-Tina');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('text');
    await page.keyboard.type('Danke für den Hinweis!');
    await page.check('comment-section input[name="consent"]');
    await page.click('comment-section [data-submit]');
    await expect.poll(() => page.locator('comment-section [data-status]').textContent()).toContain('wartet auf Freigabe');
    const pending = (await (await admin(server.url, '?status=pending')).json()) as {
      comments: Array<{ id: number; parentId: number | null; text: string }>;
    };
    const reply = pending.comments.find((c) => c.text === 'Danke für den Hinweis!');
    expect(reply?.parentId).toEqual(expect.any(Number));
    await admin(server.url, `/${reply!.id}/approve`, 'POST');
    await openArticle(page);
    const replyNode = page.locator(`#kommentar-${reply!.id}`);
    expect(await replyNode.getAttribute('aria-label')).toBe('Antwort an Tastatur-Tina');
    await page.close();
  });
});
