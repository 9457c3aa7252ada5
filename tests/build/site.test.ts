import { describe, expect, it, inject } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { XMLParser } from 'fast-xml-parser';
import guildConfig from '@/guild.config';
import { formatDate } from '@/lib/posts/format';
import { TEST_CLIENT, TEST_RUN } from '../helpers/paths';
import { buildSite, holdBuildLock, prepareContent } from '../helpers/build';

const html = (path: string): HTMLElement => parse(readFileSync(join(TEST_CLIENT, path), 'utf8'));
const article = () => html('beitraege/whatsapp-im-unternehmen/index.html');

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

describe('the built article page', () => {
  it('is German with exactly one h1, the title', () => {
    const page = article();
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('de');
    const h1s = page.querySelectorAll('h1');
    expect(h1s).toHaveLength(1);
    expect(h1s[0]!.text).toContain('WhatsApp im Unternehmen');
  });

  it('shows the original date and the update date in German', () => {
    const text = article().querySelector('main')!.text;
    expect(text).toContain('1. März 2019');
    // The update date is the post's own `updatedDate` (an editor changes it with every correction).
    const updated = /^updatedDate: (\d{4}-\d{2}-\d{2})$/m.exec(
      readFileSync(join(TEST_RUN, 'content/posts/whatsapp-im-unternehmen.mdx'), 'utf8'),
    )![1]!;
    expect(text).toContain(`aktualisiert am ${formatDate(new Date(`${updated}T00:00:00Z`))}`);
  });

  it('carries Open Graph, Twitter and canonical meta for sharing on Facebook', () => {
    const head = article().querySelector('head')!;
    const meta = (property: string) =>
      head.querySelector(`meta[property="${property}"]`)?.getAttribute('content') ??
      head.querySelector(`meta[name="${property}"]`)?.getAttribute('content');
    const canonical = `${guildConfig.siteUrl}/beitraege/whatsapp-im-unternehmen/`;
    expect(head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(canonical);
    expect(meta('og:url')).toBe(canonical);
    expect(meta('og:type')).toBe('article');
    expect(meta('og:locale')).toBe('de_DE');
    expect(meta('og:title')).toContain('WhatsApp im Unternehmen');
    expect(meta('og:image')).toMatch(/^https:\/\/.+\.png$/);
    expect(meta('article:published_time')).toBe('2019-03-01T00:00:00.000Z');
    expect(meta('twitter:card')).toBe('summary_large_image');
    const ld = JSON.parse(head.querySelector('script[type="application/ld+json"]')!.text);
    expect(ld).toMatchObject({ '@type': 'BlogPosting', headline: expect.stringContaining('WhatsApp'), inLanguage: 'de-DE' });
  });

  it('links the configured Facebook page as a plain link, with no SDK or iframe', () => {
    const page = article();
    const links = page.querySelectorAll('a[data-facebook-link]');
    expect(links.length).toBeGreaterThanOrEqual(3); // header, footer, call to action
    for (const link of links) {
      expect(link.getAttribute('href')).toBe(guildConfig.facebookUrl);
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(page.querySelector('[data-facebook-cta]')?.text).toContain('Diskutieren Sie mit');
    const raw = readFileSync(join(TEST_CLIENT, 'beitraege/whatsapp-im-unternehmen/index.html'), 'utf8');
    expect(raw).not.toMatch(/connect\.facebook\.net|<iframe|fbq\(/);
  });

  it('lists its sources with dates, including the inline ones', () => {
    const items = article().querySelectorAll('[data-sources] li');
    const text = items.map((li) => li.text).join('\n');
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(text).toContain('LfD Niedersachsen');
    expect(text).toContain('cash.ch');
    expect(text).toMatch(/vom \d+\. \w+ \d{4}/);
    for (const a of article().querySelectorAll('[data-sources] a')) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
  });

  it('has a skip link, landmarks and a table of contents', () => {
    const page = article();
    expect(page.querySelector('a.skip-link')?.getAttribute('href')).toBe('#inhalt');
    expect(page.querySelector('main#inhalt')).not.toBeNull();
    expect(page.querySelector('header[role="banner"]')).not.toBeNull();
    expect(page.querySelector('footer[role="contentinfo"]')).not.toBeNull();
    expect(page.querySelectorAll('nav[aria-labelledby="toc-heading"] a').length).toBeGreaterThanOrEqual(4);
  });

  it('renders the building blocks of the article as plain HTML', () => {
    const page = article();
    expect(page.querySelector('[data-block="hinweis"]')?.text).toContain('Kundschaft braucht eine neue App');
    expect(page.querySelector('[data-block="warnung"]')?.text).toContain('Keine Entwarnung');
    expect(page.querySelectorAll('[data-block="quelle"] a[href^="https://"]').length).toBeGreaterThan(5);
  });
});

describe('site-wide output', () => {
  it('lists articles newest first with date, reading time and tags', () => {
    const cards = html('beitraege/index.html').querySelectorAll('main article');
    expect(cards.map((c) => c.querySelector('h2')!.text.trim())).toEqual([
      'Datentransfer in die USA – was das Data Privacy Framework bedeutet',
      'Checkliste – einen Messenger für den Betrieb auswählen',
      'Alle Bausteine im Test', // fixture, 2020
      'WhatsApp im Unternehmen – was der Datenschutz dazu sagt',
    ]);
    expect(cards[3]!.text).toMatch(/1\. März 2019[\s\S]*Min\. Lesezeit/);
  });

  it('has tag pages and a topic overview', () => {
    expect(html('themen/whatsapp/index.html').querySelectorAll('main article')).toHaveLength(2);
    expect(html('themen/index.html').querySelector('a[href="/themen/datenschutz/"]')).not.toBeNull();
  });

  it('generates Impressum and Datenschutzerklärung from the configuration', () => {
    const imprint = html('impressum/index.html').querySelector('main')!.text;
    expect(imprint).toContain(guildConfig.name);
    expect(imprint).toContain(guildConfig.supervisoryAuthority.name);
    const privacy = html('datenschutz/index.html').querySelector('main')!.text;
    expect(privacy).toContain('Keine Cookies');
    expect(privacy).toContain('Keine IP-Adressen in der Anwendung gespeichert');
    expect(privacy).toContain(guildConfig.dataProtectionAuthority.name);
  });

  it('publishes a valid RSS 2.0 feed with every article', () => {
    const feed = new XMLParser().parse(readFileSync(join(TEST_CLIENT, 'rss.xml'), 'utf8'));
    expect(feed.rss.channel.language).toBe('de-de');
    const links = [feed.rss.channel.item].flat().map((item: { link: string }) => item.link);
    expect(links).toEqual(expect.arrayContaining([`${guildConfig.siteUrl}/beitraege/whatsapp-im-unternehmen/`]));
    expect(links).toHaveLength(4); // three real articles and the building-block fixture
  });

  it('lists every page in the sitemap', () => {
    const parser = new XMLParser();
    const index = parser.parse(readFileSync(join(TEST_CLIENT, 'sitemap-index.xml'), 'utf8'));
    const sitemapFile = new URL([index.sitemapindex.sitemap].flat()[0].loc).pathname.slice(1);
    const urls: string[] = [parser.parse(readFileSync(join(TEST_CLIENT, sitemapFile), 'utf8')).urlset.url]
      .flat()
      .map((u: { loc: string }) => new URL(u.loc).pathname);
    const pages = allFiles(TEST_CLIENT)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `/${relative(TEST_CLIENT, f).replace(/index\.html$/, '')}`)
      .filter((p) => !p.startsWith('/suche/') && !p.startsWith('/admin/') && !p.startsWith('/redaktion/'));
    expect(urls.sort()).toEqual(pages.sort());
  });

  it('has robots.txt pointing at the sitemap and a German 404 page', () => {
    expect(readFileSync(join(TEST_CLIENT, 'robots.txt'), 'utf8')).toMatch(/Sitemap: https:\/\/.+\/sitemap-index\.xml/);
    expect(html('404.html').querySelector('h1')?.text).toBe('Seite nicht gefunden');
  });

  it('shows drafts and scheduled posts nowhere', () => {
    const leaks = allFiles(TEST_CLIENT)
      .filter((f) => /\.(html|xml|json|txt)$/.test(f))
      .filter((f) =>
        /Zauberwortentwurf|Zauberwortzukunft|Geheimer Entwurf|Geplanter Beitrag|entwurfsthema|zukunftsthema/.test(readFileSync(f, 'utf8')),
      );
    expect(leaks).toEqual([]);
    expect(existsSync(join(TEST_CLIENT, 'beitraege/draft-post'))).toBe(false);
    expect(existsSync(join(TEST_CLIENT, 'beitraege/future-post'))).toBe(false);
  });

  it('reports the demo data still in the configuration during the build', () => {
    expect(inject('buildOutput')).toMatch(/Musterdaten in src\/guild\.config\.ts.*responsiblePerson\.name/);
  });

  it('warns during the build about a picture the editor would not find, and still builds the post (the fixture keeps its picture next to the file)', () => {
    expect(inject('buildOutput')).toMatch(
      /bausteine-test\.mdx:\d+ – cover\.src – \.\/bausteine-foto\.png liegt nicht im Ordner des Beitrags/,
    );
    expect(existsSync(join(TEST_CLIENT, 'beitraege/bausteine-test/index.html'))).toBe(true);
  });

  it('keeps the content store on the server: nothing under the public files exposes drafts or raw data', () => {
    expect(existsSync(join(TEST_CLIENT, '..', 'server', 'chunks', 'data-store.json'))).toBe(true);
    expect(allFiles(TEST_CLIENT).filter((file) => /data-store|data-layer/.test(file))).toEqual([]);
  });

  it('references no other host for scripts, styles, images or fonts', () => {
    for (const file of allFiles(TEST_CLIENT).filter((f) => f.endsWith('.html'))) {
      const page = parse(readFileSync(file, 'utf8'));
      const refs = [
        ...page.querySelectorAll('script[src]').map((e) => e.getAttribute('src')!),
        ...page
          .querySelectorAll('link[href]')
          .filter((e) => e.getAttribute('rel') !== 'canonical' && e.getAttribute('rel') !== 'alternate')
          .map((e) => e.getAttribute('href')!),
        ...page.querySelectorAll('img[src]').map((e) => e.getAttribute('src')!),
      ];
      expect(
        refs.filter((r) => /^(https?:)?\/\//.test(r)),
        file,
      ).toEqual([]);
    }
  });
});

describe('a broken post stops the build', () => {
  it('names the file, the field and what is expected', { timeout: 900_000 }, async () => {
    const content = join(TEST_RUN, 'broken-content');
    prepareContent(content);
    mkdirSync(join(content, 'posts'), { recursive: true });
    writeFileSync(
      join(content, 'posts', 'kaputt.md'),
      '---\ntitle: Kaputter Beitrag\ndescription: Eine Beschreibung, die lang genug für Vorschau und Suche ist.\npubDate: 1.3.2019\ncategory: Datenschutz\ntags: [datenschutz]\n---\nText\n',
    );
    // Takes its turn with the other files that build.
    const release = await holdBuildLock();
    const result = buildSite(content, join(TEST_RUN, 'broken-dist'));
    release();
    rmSync(content, { recursive: true, force: true });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/kaputt\.md:4 – pubDate – erwartet ein Datum im Format JJJJ-MM-TT/);
  });
});
