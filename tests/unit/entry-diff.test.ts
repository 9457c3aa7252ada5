import { describe, expect, it } from 'vitest';
import { changedBody, changedData, entryExtension, hasAlignedTable } from '@/lib/editor/entry-diff';
import { siteParser } from '../../scripts/keystatic-save/mdx-parser';

const post = (frontMatter: string, body = 'Text.\n') =>
  `---\ntitle: Ein gültiger Beitrag\ndescription: Eine Beschreibung, die lang genug für Vorschau und Suche ist.\npubDate: 2026-01-10\ncategory: Datenschutz\n${frontMatter}---\n\n${body}`;

describe('entry diff: what a save changes as the build and the page read it', () => {
  it('a list written inline or as a block is the same data; a changed value is named with its path', () => {
    expect(changedData('posts', post('tags: [datenschutz, whatsapp]\n'), post('tags:\n  - datenschutz\n  - whatsapp\n'))).toEqual([]);
    expect(changedData('posts', post('tags: [datenschutz]\n'), post('tags: [recht]\n'))).toEqual(['tags.0: "datenschutz" → "recht"']);
  });

  it('a field the save adds is named as added ("fehlt" before), one the save keeps is no change', () => {
    expect(changedData('posts', post(''), post('draft: true\n'))).toEqual(['draft: fehlt → true']);
    expect(changedData('posts', post('draft: true\n'), post('draft: true\n'))).toEqual([]);
  });

  it('the MDX diff ignores list markers and spacing but finds a picture turned into text', async () => {
    const parse = await siteParser();
    expect(changedBody(post('', '- eins\n- zwei\n'), post('', '* eins\n* zwei\n'), parse)).toEqual([]);
    const found = changedBody(post('', '![Bild](./x/bild.png)\n'), post('', '\\!\\[Bild](./x/bild.png)\n'), parse);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^Text \/paragraph\[0\]/);
  });

  it('knows aligned tables (the editor drops the alignment) and each collection’s file extension', () => {
    expect(hasAlignedTable('| a | b |\n|:--|--:|\n| 1 | 2 |\n')).toBe(true);
    expect(hasAlignedTable('| a | b |\n|---|---|\n| 1 | 2 |\n')).toBe(false);
    expect([entryExtension('posts'), entryExtension('messengers'), entryExtension('sources')]).toEqual(['.mdx', '.yaml', '.yaml']);
  });
});
