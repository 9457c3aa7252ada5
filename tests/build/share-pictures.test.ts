/** Share pictures: every article, messenger page, the comparison and the home page have their own share picture. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { TEST_CLIENT } from '../helpers/paths';
import { startServer, type RunningServer } from '../helpers/server';
import { tempDb } from '../helpers/comments';

const pagePaths = [
  '/',
  '/messenger-vergleich/',
  ...readdirSync(join(TEST_CLIENT, 'messenger')).map((id) => `/messenger/${id}/`),
  ...readdirSync(join(TEST_CLIENT, 'beitraege'))
    .filter((slug) => !/^\d+$/.test(slug) && existsSync(join(TEST_CLIENT, 'beitraege', slug, 'index.html')))
    .map((slug) => `/beitraege/${slug}/`),
];

function meta(path: string) {
  const doc = parse(readFileSync(join(TEST_CLIENT, path, 'index.html'), 'utf8'));
  const get = (property: string) => doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
  return {
    doc,
    image: get('og:image')!,
    alt: get('og:image:alt')!,
    width: get('og:image:width'),
    height: get('og:image:height'),
    type: get('og:image:type'),
    title: get('og:title')!,
  };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ COMMENTS_DB: tempDb() });
});
afterAll(() => server?.stop());

describe('share pictures (Open Graph)', () => {
  it('covers the pages the issue names', () => {
    expect(pagePaths).toContain('/beitraege/whatsapp-im-unternehmen/');
    expect(pagePaths).toContain('/messenger/threema/');
    expect(pagePaths.length).toBeGreaterThanOrEqual(2 + 12 + 3);
  });

  it('gives every page its own picture, 1200 × 630 PNG, with size, type and an alt text naming the title', async () => {
    const seen = new Set<string>();
    for (const path of pagePaths) {
      const m = meta(path);
      const cover = m.doc.querySelector('article img');
      expect(m.image, path).toMatch(/^https:\/\/innung\.example\.org\//);
      expect(seen.has(m.image), `${path}: ${m.image} shared with another page`).toBe(false);
      seen.add(m.image);
      if (path.startsWith('/beitraege/') && cover && !m.image.includes('/og/')) continue; // a post's own cover wins
      expect(m.image, path).toMatch(/\/og\/.+\.png$/);
      expect([m.width, m.height, m.type], path).toEqual(['1200', '630', 'image/png']);
      const title = path === '/' ? undefined : m.title;
      if (title) expect(m.alt, path).toContain(title);
      const local = new URL(m.image).pathname;
      const response = await fetch(`${server.url}${local}`);
      expect(response.status, local).toBe(200);
      expect(response.headers.get('content-type'), local).toBe('image/png');
      expect(pngSize(Buffer.from(await response.arrayBuffer())), local).toEqual({ width: 1200, height: 630 });
    }
  });

  it("lets a post's own cover win (the fixture post names one)", () => {
    const m = meta('/beitraege/bausteine-test/');
    expect(m.image).toMatch(/\/_astro\/.+\.(png|webp|jpe?g)$/);
    expect(m.width).toBeUndefined();
    expect(existsSync(join(TEST_CLIENT, 'og', 'beitraege', 'bausteine-test.png'))).toBe(false);
  });

  it('keeps the default picture where a page has none of its own', () => {
    const m = meta('/impressum/');
    expect(m.image).toBe('https://innung.example.org/og-default.png');
    expect(pngSize(readFileSync(join(TEST_CLIENT, 'og-default.png')))).toEqual({ width: 1200, height: 630 });
  });
});
