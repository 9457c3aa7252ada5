import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { TEST_CLIENT } from '../helpers/paths';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === 'pagefind') return [];
    return statSync(full).isDirectory() ? htmlFiles(full) : name.endsWith('.html') ? [full] : [];
  });
}

/** Routes rendered on request by the Node server (not files in dist/client). */
// Answered by the server itself: the comment pages, the decision aid, the APIs, the editor and its preview.
const ON_DEMAND = [
  /^\/beitraege\/[^/]+\/kommentare\/$/,
  /^\/messenger-vergleich\/empfehlung\/$/,
  /^\/api\//,
  /^\/keystatic\//,
  /^\/redaktion\/vorschau\//,
];

const pages = new Map<string, HTMLElement>(
  htmlFiles(TEST_CLIENT).map((file) => [
    `/${relative(TEST_CLIENT, file)
      .replace(/index\.html$/, '')
      .replace(/\.html$/, '')}`,
    parse(readFileSync(file, 'utf8')),
  ]),
);

function target(path: string): HTMLElement | 'on-demand' | undefined {
  if (ON_DEMAND.some((re) => re.test(path))) return 'on-demand';
  if (pages.has(path)) return pages.get(path);
  const file = join(TEST_CLIENT, path);
  return existsSync(file) && statSync(file).isFile() ? parse('') : undefined;
}

describe('links in the built site', () => {
  it('every internal link and anchor resolves', () => {
    const broken: string[] = [];
    for (const [from, page] of pages) {
      for (const a of page.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^(https?:|mailto:|tel:)/.test(href)) continue;
        const url = new URL(href, `http://site${from}`);
        const doc = target(decodeURIComponent(url.pathname));
        if (!doc) {
          broken.push(`${from} → ${href}`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && doc !== 'on-demand' && !doc.querySelector(`[id="${id}"]`)) broken.push(`${from} → ${href} (Anker fehlt)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('loads nothing over plain http (no mixed content)', () => {
    const insecure: string[] = [];
    for (const [from, page] of pages) {
      for (const el of page.querySelectorAll('[src], link[href], [srcset], form[action]')) {
        for (const attr of ['src', 'href', 'srcset', 'action']) {
          const value = el.getAttribute(attr);
          if (value?.startsWith('http://')) insecure.push(`${from}: ${el.tagName} ${attr}=${value}`);
        }
      }
    }
    expect(insecure).toEqual([]);
  });
});
