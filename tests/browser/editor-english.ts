/**
 * The English words Keystatic shows when our patch (scripts/keystatic-german.mjs) is missing, and the
 * walk that looks for them on a page: shared by the editor's browser tests (editor-german.test.ts,
 * editor-server-messages.test.ts).
 */
import type { Page } from 'playwright-core';

/** Whole words, case as Keystatic writes them; its API's answers ("Not Found", "Bad data") included. */
export const ENGLISH = [
  'Dashboard',
  'entries',
  'entry',
  'Slug',
  'Add',
  'Remove',
  'Edit',
  'Done',
  'Unsaved',
  'Restored',
  'Choose',
  'Image',
  'Alt text',
  'required',
  'must',
  'Must',
  'characters',
  'item',
  'Empty list',
  'Insert',
  'Cancel',
  'Bold',
  'Italic',
  'Reset',
  'Start writing',
  'Created',
  'No results',
  'Changed',
  'Loading',
  'Saving',
  'Not Found',
  'Bad Request',
  'Bad data',
  'Could not',
  'Failed',
  'Please',
  'valid',
  'Unexpected',
  'blob',
];
export const ENGLISH_PATTERN = new RegExp(`\\b(?:${ENGLISH.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\b`);

/** Every English word from the list in a text (a server's answer), line by line. */
export function englishIn(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => ENGLISH_PATTERN.test(line))
    .map((line) => line.trim());
}

/** Every English word from the list in what the page shows: visible text, title, aria-label, placeholder. */
export async function englishOnPage(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found = [document.body.innerText];
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [data-placeholder]')) {
      for (const attr of ['title', 'aria-label', 'placeholder', 'data-placeholder']) {
        const value = el.getAttribute(attr);
        if (value) found.push(`${attr}="${value}"`);
      }
    }
    return found;
  });
  return texts.flatMap((text) => englishIn(text));
}
