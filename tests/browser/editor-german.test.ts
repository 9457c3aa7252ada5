import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from '../helpers/axe';
import { englishOnPage } from './editor-english';
import { germanEditorPages, openInsertMenu, useEditorSession } from '../helpers/editor';
import { editorNav } from '@/lib/editor/paths';
import { de } from '@/i18n/de';
import { isoDay } from '@/lib/posts/pub-date';
import { ALT_MIN } from '@/lib/posts/schema';
import { ROOT } from '../helpers/paths';

/**
 * The Keystatic editor as a clerk meets it, in a German Chromium: no English word anywhere she
 * looks (text, tooltips, labels, placeholders), the header's way back, German field errors, and a
 * publication date that cannot turn "10.12.26" into the year 0026. A Keystatic upgrade that brings
 * English back (our patch no longer applies) fails here.
 */
const session = useEditorSession({ german: true });
const SLOW = 180_000;

const signedInPage = germanEditorPages(session);

/** Opens the "/" menu in the text. */
async function openMenuInText(page: Page): Promise<void> {
  await page.locator('[contenteditable=true]').first().click();
  await openInsertMenu(page);
}

describe('the Keystatic editor in German', () => {
  it(
    'walks overview, list, new post, "/" menu, picture dialog, field errors and unsaved state without one English word; axe finds nothing',
    async () => {
      const page = await signedInPage();
      // Leaving the new post with text in it asks first (tested below); here the walk goes on.
      page.on('dialog', (dialog) => void dialog.accept());
      const english: Record<string, string[]> = {};
      const axe: Record<string, string[]> = {};
      const look = async (screen: string, withAxe = false) => {
        english[screen] = await englishOnPage(page);
        if (withAxe) axe[screen] = await axeViolations(page);
      };

      await page.goto(`${session.server.url}/keystatic`);
      await page.getByText('Beiträge').first().waitFor();
      await look('overview', true);

      await page.goto(`${session.server.url}/keystatic/collection/posts`);
      await page.getByRole('button', { name: 'Hinzufügen' }).waitFor();
      await look('list', true);

      await page.goto(`${session.server.url}/keystatic/collection/posts/create`);
      await page.getByRole('textbox', { name: 'Titel', exact: true }).waitFor();
      await look('new post', true);

      // Field errors: save an empty post.
      await page.getByRole('button', { name: 'Erstellen' }).click();
      await page
        .getByText(/Titel: bitte mindestens \d+ Zeichen/)
        .first()
        .waitFor();
      await expect.poll(() => page.getByText(/Bitte mindestens 1 Eintrag anlegen/).count()).toBeGreaterThan(0);
      await look('field errors');

      await openMenuInText(page);
      await page.getByLabel('Einfügemenü').getByText('Hinweis (Kasten)').first().waitFor();
      await look('"/" menu');
      await page.keyboard.type('Bild');
      const pictureEntry = page.getByLabel('Einfügemenü').getByText('Bild', { exact: true }).first();
      await pictureEntry.waitFor();
      await look('"/" menu, picture');
      // Clicked, as a clerk does: Enter takes whatever the still-filtering menu highlights (timed out under load, 04.12.2026).
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pictureEntry.click()]);
      await chooser.setFiles(join(ROOT, 'public', 'og-default.png'));
      await page.locator('[contenteditable=true] img:not(.ProseMirror-separator)').first().click();
      await look('picture in the text', true);
      // Its description is required in its dialog, with the content schema's minimum, in German.
      await page.getByRole('button', { name: 'Bildangaben bearbeiten' }).click();
      const details = page.getByRole('dialog', { name: 'Bildangaben' });
      await details.getByRole('button', { name: 'Speichern' }).click();
      await details.getByText(`Bildbeschreibung (Alternativtext): bitte mindestens ${ALT_MIN} Zeichen.`).waitFor();
      await look('picture dialog', true);
      await details.getByRole('textbox', { name: /Bildbeschreibung/ }).fill('Das Zeichen der Innung auf blauem Grund');
      await details.getByRole('button', { name: 'Speichern' }).click();
      await details.waitFor({ state: 'detached' });

      // A messenger: its facts' sources are chosen from a list.
      await page.goto(`${session.server.url}/keystatic/collection/messengers`);
      await page.getByRole('row').nth(1).click();
      await page.waitForURL(/\/item\//);
      await page.getByRole('combobox', { name: 'Quelle' }).first().waitFor();
      await look('messenger', true);

      // Unsaved state: change an existing post.
      await page.goto(`${session.server.url}/keystatic/collection/posts`);
      await page.getByRole('row', { name: /WhatsApp im Unternehmen/ }).click();
      await page.waitForURL(/\/item\//);
      const title = page.getByRole('textbox', { name: 'Titel', exact: true });
      await title.fill(`${await title.inputValue()} neu`);
      await page.getByText('Nicht gespeichert').first().waitFor();
      await look('unsaved', true);

      await page.close();
      expect(english).toEqual(Object.fromEntries(Object.keys(english).map((k) => [k, []])));
      expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((k) => [k, []])));
    },
    SLOW,
  );

  it(
    'the header above the editor reaches every editor screen by keyboard, and "Abmelden" is a button',
    async () => {
      const page = await signedInPage();
      await page.goto(`${session.server.url}/keystatic`);
      await page.getByText('Beiträge').first().waitFor();
      const reached: Array<{ text: string; href: string | null }> = [];
      for (let i = 0; i < editorNav.length + 1; i++) {
        await page.keyboard.press('Tab');
        reached.push(
          await page.evaluate(() => ({
            text: document.activeElement?.textContent?.trim() ?? '',
            href: document.activeElement?.getAttribute('href') ?? null,
          })),
        );
      }
      expect(reached).toEqual([
        ...editorNav.map((item) => ({ text: de.editorNav[item.key], href: item.href })),
        { text: de.editorNav.logout, href: null },
      ]);
      await page.keyboard.press('Shift+Tab');
      await Promise.all([page.waitForURL(/\/redaktion\/#veroeffentlichen$/), page.keyboard.press('Enter')]);
      await page.close();
    },
    SLOW,
  );

  it(
    '"Erscheint am" starts at today, and "10.12.26" typed as a clerk would is refused in German instead of becoming the year 0026',
    async () => {
      const page = await signedInPage();
      await page.goto(`${session.server.url}/keystatic/collection/posts/create`);
      const date = page.getByLabel('Erscheint am');
      await date.waitFor();
      expect(await date.inputValue()).toBe(isoDay(new Date()));
      await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Termin mit zweistelligem Jahr');
      await page
        .getByRole('textbox', { name: 'Kurzbeschreibung' })
        .fill('Ein Beitrag, dessen Datum jemand mit zweistelliger Jahreszahl eingibt.');
      // The German field: day, month, year in this order.
      await date.click();
      await page.keyboard.press('Home');
      await page.keyboard.type('10.12.26');
      await date.blur();
      const typed = await date.inputValue();
      expect(['2026-12-10', '0026-12-10', '']).toContain(typed);
      if (typed !== '2026-12-10') {
        await page.getByText('Erscheint am: frühestens 01.01.2000. Bitte das Jahr vierstellig eingeben').waitFor();
        await page.getByRole('button', { name: 'Erstellen' }).click();
        await page.getByText('Erscheint am: frühestens 01.01.2000.').first().waitFor();
        expect(existsSync(join(session.setup.contentDir, 'posts', 'termin-mit-zweistelligem-jahr.mdx'))).toBe(false);
        // With the year written out, the field takes the day and names it.
        await date.click();
        await page.keyboard.press('Home');
        await page.keyboard.type('10.12.2026');
        await date.blur();
        expect(await date.inputValue()).toBe('2026-12-10');
      }
      await page.getByText('Wird am 10.12.2026 veröffentlicht.').waitFor();
      await page.close();
    },
    SLOW,
  );

  it(
    'the post list shows each "Erscheint am" as the clerk writes a day (3.12.2026), never as the file keeps it (2026-12-03)',
    async () => {
      const page = await signedInPage();
      await page.goto(`${session.server.url}/keystatic/collection/posts`);
      const row = page.getByRole('row', { name: /WhatsApp im Unternehmen/ });
      await row.waitFor();
      const file = readFileSync(join(session.setup.contentDir, 'posts', 'whatsapp-im-unternehmen.mdx'), 'utf8');
      const [, year, month, day] = /^pubDate: (\d{4})-(\d{2})-(\d{2})$/m.exec(file)!;
      await expect.poll(() => row.innerText()).toContain(`${Number(day)}.${Number(month)}.${year}`);
      const cells = await page.getByRole('gridcell').allInnerTexts();
      expect(cells.filter((text) => /\d{4}-\d{2}-\d{2}/.test(text))).toEqual([]);
      await page.close();
    },
    SLOW,
  );

  it(
    'the address of a German title: "WhatsApp-Gruppen für Innungen" → whatsapp-gruppen-fuer-innungen',
    async () => {
      const page = await signedInPage();
      await page.goto(`${session.server.url}/keystatic/collection/posts/create`);
      await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('WhatsApp-Gruppen für Innungen');
      await expect.poll(() => page.getByRole('textbox', { name: /Adresse/ }).inputValue()).toBe('whatsapp-gruppen-fuer-innungen');
      await page.close();
    },
    SLOW,
  );

  it("leaving a new post with a title typed asks first (the browser's own question)", async () => {
    const page = await signedInPage();
    await page.goto(`${session.server.url}/keystatic/collection/posts/create`);
    await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Noch nicht gespeichert');
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
  });
});
