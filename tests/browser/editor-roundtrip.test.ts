import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signInOnPage, useEditorSession } from '../helpers/editor';
import { editorSave } from '../../scripts/keystatic-save';

/** The real editor in Chromium, on a copy of the content (tests/helpers/editor.ts): a save changes only what was changed. */
const session = useEditorSession();

async function signIn(page: Page): Promise<void> {
  await page.goto(`${session.server.url}/redaktion/anmelden/`);
  await signInOnPage(page, session.server.url);
}

/** The file once a save has landed: it passes `done` and stays the same for a moment (a write may be seen half-done). */
async function settled(file: string, done: (text: string) => boolean): Promise<string> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = readFileSync(file, 'utf8');
        const stable = now === last;
        last = now;
        return stable && done(now);
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
  return last;
}

/** Opens a post, changes its title, saves, changes it back, saves; returns the file after each save. */
async function retitle(page: Page, slug: string, title: string): Promise<[string, string]> {
  const file = join(session.setup.contentDir, 'posts', `${slug}.mdx`);
  await page.goto(`${session.server.url}/keystatic/collection/posts/item/${slug}`);
  const field = page.getByRole('textbox', { name: 'Titel', exact: true });
  await expect.poll(() => field.inputValue(), { timeout: 30_000 }).toBe(title);
  const save = page.getByRole('button', { name: 'Speichern' });
  await field.fill(`${title} (geändert)`);
  await save.click();
  const changed = await settled(file, (text) => text.includes(`${title} (geändert)\n`) && text.endsWith('\n'));
  await field.fill(title);
  await save.click();
  const back = await settled(file, (text) => !text.includes('(geändert)') && text.length > 0 && text.endsWith('\n'));
  return [changed, back];
}

describe('saving a post in the browser editor', () => {
  it('changes only the title line, and changing it back gives the original file byte for byte', async () => {
    const slug = 'whatsapp-im-unternehmen';
    const original = readFileSync(join(session.setup.contentDir, 'posts', `${slug}.mdx`), 'utf8');
    const title = 'WhatsApp im Unternehmen – was der Datenschutz dazu sagt';
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    const [changed, back] = await retitle(page, slug, title);
    const before = original.split('\n');
    const after = changed.split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, i) => line !== before[i])).toEqual([`title: ${title} (geändert)`]);
    expect(back).toBe(original);
    await page.close();
  }, 180_000);

  it('writes a hand-written post exactly as scripts/keystatic-save.ts computes (what `npm run content:normalise` writes)', async () => {
    const title = 'Ein Beitrag von Hand';
    const hand = `---
title: "${title}"
description: "Von Hand geschrieben, mit Liste, Tabelle und Kasten, wie es der Editor nicht selbst schreibt."
pubDate: 2026-11-02
author: Redaktion
category: Recht
tags: [datenschutz, messenger]
draft: true
---

Ein Absatz mit *Betonung* und einer [Verknüpfung](/messenger-vergleich/).

- erster Punkt
- zweiter Punkt

| Messenger | Preis |
| :-------- | ----: |
| A         | 1 €   |

<Hinweis titel="Gut zu wissen">
Ein Hinweis im Kasten.
</Hinweis>

<MessengerComparison only={["threema", "signal"]} />
`;
    writeFileSync(join(session.setup.contentDir, 'posts', 'von-hand.mdx'), hand);
    const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page);
    const [, back] = await retitle(page, 'von-hand', title);
    expect(back).not.toBe(hand);
    expect(back).toBe((await editorSave('posts', 'von-hand', hand)).toString('utf8'));
    await page.close();
  }, 180_000);
});
