/**
 * What the server answers the editor, as a clerk can meet it (issue 25): Keystatic's own API answers
 * (a file that is gone, an incomplete request), a save conflict and an entry that does not exist, in
 * German and without one word from the English list (editor-english.ts). Real server, Chromium, a
 * copy of the content.
 */
import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { germanEditorPages, signIn, useEditorSession } from '../helpers/editor';
import { englishIn, englishOnPage } from './editor-english';
import { de } from '@/i18n/de';

const session = useEditorSession({ german: true });
const SLOW = 180_000;

const signedInPage = germanEditorPages(session, { acceptDialogs: true });

describe("the server's answers to the editor, in German", () => {
  it("Keystatic's API answers (missing file, changed file, incomplete request, unknown address) carry no English word", async () => {
    const base = session.server.url;
    const cookie = await signIn(base);
    const headers = { Cookie: cookie, 'no-cors': '1' };
    const answers: Record<string, { status: number; text: string }> = {};
    const ask = async (name: string, path: string, init: RequestInit = {}) => {
      const response = await fetch(`${base}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
      answers[name] = { status: response.status, text: await response.text() };
    };
    await ask('missing file', '/api/keystatic/blob/0000000000000000000000000000000000000000/posts/gibt-es-nicht.mdx');
    await ask('changed file', '/api/keystatic/blob/0000000000000000000000000000000000000000/posts/whatsapp-im-unternehmen.mdx');
    await ask('tree without its header', '/api/keystatic/tree', { headers: { 'no-cors': '0' } });
    await ask('unknown address', '/api/keystatic/gibt-es-nicht');
    await ask('incomplete save', '/api/keystatic/update', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base },
      body: JSON.stringify({ additions: 5 }),
    });
    for (const [name, answer] of Object.entries(answers)) {
      expect(answer.status, name).toBeGreaterThanOrEqual(400);
      expect({ name, english: englishIn(answer.text) }).toEqual({ name, english: [] });
      expect(answer.text, name).not.toMatch(/posts\/|\.mdx|content\//);
    }
  });

  it(
    'a save conflict (the file changed meanwhile), an entry that does not exist and a file deleted under the list show German only',
    async () => {
      const page = await signedInPage();
      const english: Record<string, string[]> = {};

      // Conflict: someone else changed the file after this editor loaded it.
      const slug = 'whatsapp-im-unternehmen';
      const path = join(session.setup.contentDir, 'posts', `${slug}.mdx`);
      await page.goto(`${session.server.url}/keystatic/collection/posts/item/${slug}`);
      const title = page.getByRole('textbox', { name: 'Titel', exact: true });
      await expect.poll(() => title.inputValue(), { timeout: 30_000 }).not.toBe('');
      appendFileSync(path, '\nEin Satz, den jemand anderes inzwischen ergänzt hat.\n');
      const before = readFileSync(path, 'utf8');
      await title.fill(`${await title.inputValue()} (geändert)`);
      await page.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText(de.editor.conflict).first().waitFor({ timeout: 30_000 });
      english.conflict = await englishOnPage(page);
      expect(readFileSync(path, 'utf8')).toBe(before);

      // An address of an entry that does not exist.
      await page.goto(`${session.server.url}/keystatic/collection/posts/item/gibt-es-nicht`);
      await page.getByText('Eintrag nicht gefunden.').waitFor({ timeout: 30_000 });
      english['no such entry'] = await englishOnPage(page);

      // A file deleted while the list is open, then opened.
      await page.goto(`${session.server.url}/keystatic/collection/posts`);
      const row = page.getByRole('row', { name: /Data Privacy Framework/ });
      await row.waitFor({ timeout: 30_000 });
      rmSync(join(session.setup.contentDir, 'posts', 'eu-us-data-privacy-framework.mdx'));
      await row.click();
      await page.waitForURL(/\/item\//);
      await page.waitForTimeout(3_000);
      english['deleted file'] = await englishOnPage(page);

      await page.close();
      expect(english).toEqual(Object.fromEntries(Object.keys(english).map((k) => [k, []])));
    },
    SLOW,
  );
});
