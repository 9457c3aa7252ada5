import { describe, expect, it, inject } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { TEST_CLIENT } from '../helpers/paths';
import { builtPages, expectedSearchPages } from '../../scripts/search-index.mjs';

const pagefindDir = join(TEST_CLIENT, 'pagefind');

/** Pagefind stores each page as a gzipped "pagefind_dcd" + JSON fragment. */
function indexedPages(): Array<{ url: string; meta: Record<string, string>; filters: Record<string, string[]> }> {
  return readdirSync(join(pagefindDir, 'fragment')).map((file) => {
    const raw = gunzipSync(readFileSync(join(pagefindDir, 'fragment', file))).toString('utf8');
    return JSON.parse(raw.replace(/^pagefind_dcd/, ''));
  });
}

describe('the search index built with the site', () => {
  it('covers every published article, every messenger page and the comparison, in German only', () => {
    const entry = JSON.parse(readFileSync(join(pagefindDir, 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['de']);
    const urls = indexedPages()
      .map((p) => p.url)
      .sort();
    const articles = readdirSync(join(TEST_CLIENT, 'beitraege'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !/^\d+$/.test(d.name))
      .map((d) => `/beitraege/${d.name}/`);
    const messengers = readdirSync(join(TEST_CLIENT, 'messenger')).map((id) => `/messenger/${id}/`);
    expect(urls).toEqual([...articles, ...messengers, '/messenger-vergleich/'].sort());
    expect(entry.languages.de.page_count).toBe(urls.length);
  });

  it('excludes drafts, scheduled posts, the 404 page, legal pages and listings', () => {
    const urls = indexedPages().map((p) => p.url);
    for (const url of urls) expect(url).not.toMatch(/draft-post|future-post|404|impressum|datenschutz\/|themen|^\/$/);
    const contents = indexedPages().map((p) => JSON.stringify(p));
    expect(contents.join('\n')).not.toMatch(/Zauberwortentwurf|Zauberwortzukunft/);
  });

  it('indexes only the main content: no navigation, footer, comments, table of contents or related posts', () => {
    const article = indexedPages().find((p) => p.url === '/beitraege/whatsapp-im-unternehmen/')! as unknown as { content: string };
    expect(article.content).toContain('Threema als Alternative');
    expect(article.content).not.toContain('Zum Inhalt springen');
    expect(article.content).not.toContain('Kommentar schreiben');
    expect(article.content).not.toContain('Das könnte Sie auch interessieren');
    expect(article.content).not.toMatch(/Inhalt Warum Betriebe/);
  });

  it('stores title, date and description as meta and type, topic and category as filters', () => {
    const article = indexedPages().find((p) => p.url === '/beitraege/whatsapp-im-unternehmen/')!;
    expect(article.meta).toMatchObject({
      title: expect.stringContaining('WhatsApp im Unternehmen'),
      date: '2019-03-01',
      description: expect.stringContaining('vier Probleme'),
    });
    expect(article.filters).toMatchObject({
      Typ: ['Artikel'],
      Kategorie: ['Datenschutz'],
      Thema: expect.arrayContaining(['whatsapp', 'threema']),
    });
    const messenger = indexedPages().find((p) => p.url === '/messenger/threema/')!;
    expect(messenger.filters.Typ).toEqual(['Messenger']);
  });

  it('every page that is indexed says lang="de"', () => {
    for (const page of indexedPages()) {
      const html = parse(readFileSync(join(TEST_CLIENT, page.url, 'index.html'), 'utf8'));
      expect(html.querySelector('html')?.getAttribute('lang')).toBe('de');
    }
  });

  it('the build reported the count it checked against', () => {
    expect(inject('buildOutput')).toMatch(/Suchindex: \d+ Seiten/);
    expect(expectedSearchPages(['/beitraege/a/', '/beitraege/2/', '/messenger/x/', '/messenger-vergleich/', '/themen/a/'])).toBe(3);
    expect(builtPages(TEST_CLIENT)).toEqual(
      expect.arrayContaining(['/', '/beitraege/whatsapp-im-unternehmen/', '/messenger-vergleich/', '/themen/']),
    );
  });
});
