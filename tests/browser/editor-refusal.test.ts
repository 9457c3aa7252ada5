/**
 * A save the server refuses shows its German reason in the clerk's words (the entry by kind and title,
 * the field by its label, what is expected) in the browser editor, not Keystatic's raw response text
 * nor a path, line or YAML key, and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { signInOnPage, useEditorSession } from '../helpers/editor';

const session = useEditorSession();

describe('a refused save in the browser editor', () => {
  it('names the entry by its title and the field by its label, without path, line or key, and writes nothing', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${session.server.url}/redaktion/`);
    await signInOnPage(page, session.server.url);
    const before = readdirSync(join(session.setup.contentDir, 'sources')).sort();
    await page.goto(`${session.server.url}/keystatic/collection/sources/create`);
    // The editor's address field refuses javascript: itself (its pattern follows the schema, editor-fields.test.ts);
    // an address that looks like one but does not parse gets past that pattern, and the server's save check refuses it.
    await page.getByRole('textbox', { name: 'Titel der Quelle', exact: true }).fill('Boese Quelle');
    await page.getByRole('textbox', { name: /^Schlüssel/ }).fill('BOESE');
    await page.getByRole('textbox', { name: /^Adresse/ }).fill('https://%zz');
    await page.getByRole('button', { name: 'Erstellen' }).click();
    const message = page.getByText(/^Nicht gespeichert: Quelle „Boese Quelle“, Feld „Adresse \(https:/);
    await message.waitFor({ timeout: 30_000 });
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('erwartet eine vollständige Adresse mit https://');
    for (const technical of ['"error"', 'content/', '.yaml', '.mdx', 'BOESE', ' url ', '– url –']) expect(text).not.toContain(technical);
    expect(text).not.toMatch(/:\d+\b/);
    expect(existsSync(join(session.setup.contentDir, 'sources', 'BOESE.yaml'))).toBe(false);
    expect(readdirSync(join(session.setup.contentDir, 'sources')).sort()).toEqual(before);
    await page.close();
  }, 120_000);
});
