import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { watchPage } from '../helpers/browser';
import { EDITOR, signInOnPage, useEditorSession } from '../helpers/editor';
import { holdBuildLock } from '../helpers/build';

// This file builds (through the editor's publisher): it takes its turn with the other files that build.
let releaseBuildLock: (() => void) | undefined;
beforeAll(async () => {
  releaseBuildLock = await holdBuildLock();
}, 900_000);
afterAll(() => releaseBuildLock?.());

const session = useEditorSession();

async function signIn(page: Page): Promise<void> {
  await page.goto(`${session.server.url}/redaktion/`);
  expect(page.url()).toBe(`${session.server.url}/redaktion/anmelden/`);
  await signInOnPage(page, session.server.url);
}

describe('an editor in the browser', () => {
  it('the login page and the editor start page pass axe; a wrong password shows the German message', async () => {
    const page = await session.browser.newPage();
    await page.goto(`${session.server.url}/redaktion/anmelden/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Name').fill(EDITOR.name);
    await page.getByLabel('Passwort').fill('falsch-falsch-falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Name oder Passwort ist falsch. Bitte versuchen Sie es noch einmal.');
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page);
    await page.getByText('Bereit.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('writes a post with a Hinweis block, previews it, publishes it and finds it at its address, in the list and in search; no request leaves the site', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const watch = watchPage(page, session.server.url);
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
    await signIn(page);
    await page.getByRole('link', { name: /Editor öffnen/ }).click();
    await page.waitForURL(/\/keystatic/);
    await page.goto(`${session.server.url}/keystatic/collection/posts/create`);
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Baustellenfotos sicher teilen');
    await page
      .getByRole('textbox', { name: 'Kurzbeschreibung' })
      .fill('Wie ein Betrieb Fotos von der Baustelle mit der Kundschaft teilt, ohne Daten preiszugeben.');
    await page.getByLabel('Erscheint am').fill('2026-11-02');
    await page.getByRole('button', { name: 'Hinzufügen' }).first().click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Thema' }).fill('betrieb');
    await page.getByRole('dialog').getByRole('button', { name: 'Hinzufügen' }).click();
    // The dialog hands focus back to its button when it has closed: wait for that before moving on.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('checkbox', { name: 'Entwurf (nicht veröffentlichen)' }).uncheck();
    // Focus, not click: after the tag dialog closes the form may still be scrolling under the pointer.
    const editor = page.locator('[contenteditable=true]').first();
    await expect
      .poll(async () => {
        await editor.focus();
        return editor.evaluate((el) => el === document.activeElement);
      })
      .toBe(true);
    await page.keyboard.type('Fotos vom Bad gehören nicht in private Chats.');
    await page.keyboard.press('Enter');
    // The building blocks come from the editor's insert menu ("/" opens it).
    // On a busy machine the "/" may reach the editor before its menu listens: then it stays plain
    // text, is taken back and typed again (at most three times).
    const menu = page.getByLabel('Einfügemenü');
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.type('/');
      const opened = await menu.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (opened) break;
      if (attempt === 3) throw new Error('Das Einfügemenü des Editors öffnet sich nicht mit „/“.');
      if ((await editor.innerText()).trimEnd().endsWith('/')) await page.keyboard.press('Backspace');
    }
    await page.keyboard.type('Hinweis');
    // Enter picks what the menu shows: on a busy machine it may still be filtering.
    await menu.getByText('Hinweis').first().waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Fragen Sie vor dem ersten Foto um Erlaubnis.');
    await page.getByRole('button', { name: 'Erstellen' }).click();
    await page.waitForURL(/\/keystatic\/collection\/posts\/item\/baustellenfotos-sicher-teilen/);
    const file = readFileSync(join(session.setup.contentDir, 'posts', 'baustellenfotos-sicher-teilen.mdx'), 'utf8');
    expect(file).toContain('<Hinweis titel="Hinweis">');

    // Preview: only for signed-in editors, with the post rendered as it will look.
    await page.goto(`${session.server.url}/redaktion/`);
    await page.getByRole('button', { name: 'Vorschau erstellen' }).click();
    await page.getByRole('link', { name: 'Vorschau öffnen' }).waitFor({ timeout: 300_000 });
    await page.goto(`${session.server.url}/redaktion/vorschau/beitraege/baustellenfotos-sicher-teilen/`);
    await expect.poll(() => page.locator('[data-block="hinweis"]').textContent()).toContain('Fragen Sie vor dem ersten Foto um Erlaubnis.');
    const anonymous = await fetch(`${session.server.url}/redaktion/vorschau/beitraege/baustellenfotos-sicher-teilen/`, {
      redirect: 'manual',
    });
    expect(anonymous.status).toBe(303);

    await page.goto(`${session.server.url}/redaktion/`);
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByText(/^Veröffentlicht um \d\d:\d\d, Dauer \d+ s\.$/).waitFor({ timeout: 300_000 });
    await page.getByRole('cell', { name: EDITOR.name }).first().waitFor();

    await page.goto(`${session.server.url}/beitraege/baustellenfotos-sicher-teilen/`);
    expect(await page.locator('h1').textContent()).toContain('Baustellenfotos sicher teilen');
    expect(await page.locator('[data-block="hinweis"]').textContent()).toContain('Fragen Sie vor dem ersten Foto um Erlaubnis.');
    await page.goto(`${session.server.url}/beitraege/`);
    await page.getByRole('link', { name: 'Baustellenfotos sicher teilen' }).first().waitFor();
    await page.goto(`${session.server.url}/suche/?q=Baustellenfotos`);
    await page.locator('main a[href*="/beitraege/baustellenfotos-sicher-teilen/"]').first().waitFor({ timeout: 30_000 });
    expect(watch.foreignRequests).toEqual([]);
    expect(missing).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  }, 900_000);
});
