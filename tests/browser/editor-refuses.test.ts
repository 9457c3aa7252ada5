/**
 * The browser editor refuses what the site refuses, at the field, in German (issue 25): a cover
 * without description, a picture in the text whose dialog was never opened, a fact's source typed
 * by name instead of chosen, a post's source with a name where its address belongs; a fact's source is picked by title. Real server,
 * Chromium, a copy of the content; each refused save leaves the file as it was.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { germanEditorPages, insertMenuEntry, useEditorSession } from '../helpers/editor';
import { ALT_MIN } from '@/lib/posts/schema';
import { ROOT } from '../helpers/paths';

const session = useEditorSession({ german: true });
const SLOW = 180_000;
const POST = 'whatsapp-im-unternehmen';
const PICTURE = join(ROOT, 'public', 'og-default.png');

const signedInPage = germanEditorPages(session, { acceptDialogs: true });

const file = (folder: string, name: string) => join(session.setup.contentDir, folder, name);

/** Opens a post in the editor and waits for its title. */
async function openPost(page: Page, slug: string): Promise<void> {
  await page.goto(`${session.server.url}/keystatic/collection/posts/item/${slug}`);
  await expect.poll(() => page.getByRole('textbox', { name: 'Titel', exact: true }).inputValue(), { timeout: 30_000 }).not.toBe('');
}

/** Nothing reaches the file: a refused save writes nothing, checked after the time a save takes. */
async function unchanged(path: string, before: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(readFileSync(path, 'utf8')).toBe(before);
}

describe('the editor refuses what the site refuses, at the field', () => {
  it(
    'a cover picture without description is not saved; the German message stands below the cover',
    async () => {
      const page = await signedInPage();
      const path = file('posts', `${POST}.mdx`);
      const before = readFileSync(path, 'utf8');
      await openPost(page, POST);
      const cover = page.getByRole('group', { name: 'Titelbild' });
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        cover.getByRole('button', { name: 'Datei auswählen' }).click(),
      ]);
      await chooser.setFiles(PICTURE);
      await page.getByRole('button', { name: 'Speichern' }).click();
      await cover.getByText(`Titelbild: Bitte eine Bildbeschreibung mit mindestens ${ALT_MIN} Zeichen eingeben`).waitFor();
      await unchanged(path, before);
      // With a description the same save goes through.
      await cover.getByRole('textbox', { name: /Bildbeschreibung/ }).fill('Das Zeichen der Innung auf blauem Grund');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => readFileSync(path, 'utf8'), { timeout: 30_000 }).toContain('alt: Das Zeichen der Innung auf blauem Grund');
      await page.close();
    },
    SLOW,
  );

  it(
    'a picture inserted in the text whose dialog was never opened is not saved; the message names the picture',
    async () => {
      const page = await signedInPage();
      const slug = 'business-messenger-checkliste';
      const path = file('posts', `${slug}.mdx`);
      const before = readFileSync(path, 'utf8');
      await openPost(page, slug);
      await page.locator('[contenteditable=true]').first().click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.press('Enter');
      const entry = await insertMenuEntry(page, 'Bild');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), entry.click()]);
      await chooser.setFiles(PICTURE);
      await page.locator('[contenteditable=true] img:not(.ProseMirror-separator)').first().waitFor();
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText(/Das Bild „og-default\.png“ im Text hat noch keine Bildbeschreibung/).waitFor();
      await unchanged(path, before);
      await page.close();
    },
    SLOW,
  );

  it(
    'a fact\'s source typed by name ("Kuketz Messenger-Matrix") is not taken: "Quelle: bitte aus der Liste auswählen" at the field, file unchanged',
    async () => {
      const page = await signedInPage();
      await page.goto(`${session.server.url}/keystatic/collection/messengers/item/threema`);
      const source = page.getByRole('combobox', { name: 'Quelle' }).first();
      await source.waitFor();
      const path = file('messengers', 'threema.yaml');
      const before = readFileSync(path, 'utf8');
      await source.click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('Kuketz Messenger-Matrix');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Quelle: bitte aus der Liste auswählen, nicht frei eintippen.').first().waitFor();
      await unchanged(path, before);
      await page.close();
    },
    SLOW,
  );

  it(
    "a fact's source is shown and picked by its title, never its key; the file keeps the key",
    async () => {
      const page = await signedInPage();
      const path = file('messengers', 'threema.yaml');
      const firstKey = /source: (\S+)/.exec(readFileSync(path, 'utf8'))![1]!;
      const titleOf = (key: string) => (parse(readFileSync(file('sources', `${key}.yaml`), 'utf8')) as { title: string }).title;
      await page.goto(`${session.server.url}/keystatic/collection/messengers/item/threema`);
      const source = page.getByRole('combobox', { name: 'Quelle' }).first();
      await expect.poll(() => source.inputValue(), { timeout: 30_000 }).toBe(titleOf(firstKey));
      // Another source, found by part of its title as a clerk would type it.
      const other = 'G1';
      await source.click();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.press('Backspace');
      await page.keyboard.type('ginlo Business');
      const option = page.getByRole('option', { name: titleOf(other) });
      await option.click();
      expect(await page.getByRole('option', { name: other, exact: true }).count()).toBe(0);
      await expect.poll(() => source.inputValue()).toBe(titleOf(other));
      await page.getByRole('button', { name: 'Speichern' }).click();
      await expect.poll(() => /source: (\S+)/.exec(readFileSync(path, 'utf8'))![1], { timeout: 30_000 }).toBe(other);
      await page.close();
    },
    SLOW,
  );

  it(
    "a post's source with a name where its address belongs is refused in its dialog, in German",
    async () => {
      const page = await signedInPage();
      await openPost(page, POST);
      const path = file('posts', `${POST}.mdx`);
      const before = readFileSync(path, 'utf8');
      const sources = page.getByRole('group', { name: 'Quellen' });
      await sources.getByRole('button', { name: 'Hinzufügen' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Titel der Quelle' }).fill('Kuketz Messenger-Matrix');
      await dialog.getByRole('textbox', { name: /^Adresse/ }).fill('Kuketz Messenger-Matrix');
      await dialog.getByRole('button', { name: 'Hinzufügen' }).click();
      await dialog.getByText('Eine vollständige Adresse mit https:// (oder http://)').waitFor();
      await unchanged(path, before);
      await page.close();
    },
    SLOW,
  );
});
