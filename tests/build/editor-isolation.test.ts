import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TEST_CLIENT } from '../helpers/paths';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the browser editor stays out of the reader site', () => {
  const all = files(TEST_CLIENT);

  it('no script of the reader build contains React or Keystatic', () => {
    const scripts = all.filter((file) => file.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const withReact = scripts.filter((file) => /react-dom|@keystatic|__reactFiber|keystatic-core/.test(readFileSync(file, 'utf8')));
    expect(withReact.map((file) => relative(TEST_CLIENT, file))).toEqual([]);
  });

  it('no reader page loads the editor bundle', () => {
    const pages = all.filter((file) => file.endsWith('.html'));
    expect(pages.filter((file) => readFileSync(file, 'utf8').includes('/_editor/')).map((file) => relative(TEST_CLIENT, file))).toEqual([]);
  });

  it('the editor pages are on-demand pages: none is in the reader build, the sitemap or the search index', () => {
    const sitemap = readFileSync(join(TEST_CLIENT, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).not.toContain('/redaktion/');
    expect(sitemap).not.toContain('/admin/');
    expect(existsSync(join(TEST_CLIENT, 'redaktion'))).toBe(false);
    expect(existsSync(join(TEST_CLIENT, 'admin'))).toBe(false);
    expect(
      all
        .filter((file) => relative(TEST_CLIENT, file).startsWith('pagefind/'))
        .some((file) => /redaktion|Anmelden zur Redaktion/.test(readFileSync(file, 'latin1'))),
    ).toBe(false);
  });

  it('robots.txt keeps crawlers out of every editor path prefix', () => {
    const robots = readFileSync(join(TEST_CLIENT, 'robots.txt'), 'utf8');
    for (const prefix of ['/api/', '/redaktion/', '/keystatic/']) expect(robots).toContain(`Disallow: ${prefix}`);
  });
});
