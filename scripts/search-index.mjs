// @ts-check
/**
 * The search index: Pagefind's Node API over the finished HTML. Fails when Pagefind reports an
 * error or when the German index holds fewer pages than the site publishes (every article, every
 * messenger page and the comparison). Run by scripts/build.mjs after `astro build`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';

/**
 * How many pages the index must contain, from the pathnames of the built pages.
 * @param {readonly string[]} pathnames e.g. "/beitraege/whatsapp-im-unternehmen/"
 */
export function expectedSearchPages(pathnames) {
  return pathnames.filter((p) => /^(beitraege\/(?!\d+\/)[^/]+|messenger\/[^/]+|messenger-vergleich)\/?$/.test(p.replace(/^\//, ''))).length;
}

/**
 * Pathnames of every page (index.html) below the static output folder.
 * @param {string} dir
 * @returns {string[]}
 */
export function builtPages(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file === 'index.html' || file.endsWith(`${sep}index.html`))
    .map((file) =>
      `/${relative(dir, join(dir, file, '..'))
        .split(sep)
        .join('/')}/`.replace(/^\/\/$/, '/'),
    );
}

/**
 * Writes `<dir>/pagefind/` and returns how many pages it holds.
 * @param {string} dir the static output folder (dist/client)
 * @returns {Promise<{ indexed: number, read: number }>}
 */
export async function buildSearchIndex(dir) {
  const expected = expectedSearchPages(builtPages(dir));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'de' });
    if (!index || errors.length > 0) throw new Error(`Pagefind konnte keinen Index anlegen: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind meldet Fehler beim Indexieren: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind konnte den Index nicht schreiben: ${written.errors.join('; ')}`);
    // addDirectory counts every HTML file it read; the entry file says how many pages made it into the index.
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const indexed = entry.languages.de?.page_count ?? 0;
    if (indexed < expected) {
      throw new Error(
        `Der deutsche Suchindex enthält nur ${indexed} Seiten, erwartet waren mindestens ${expected} (Beiträge, Messenger-Seiten und der Vergleich). Fehlt data-pagefind-body oder lang="de"?`,
      );
    }
    return { indexed, read: added.page_count };
  } finally {
    await pagefind.close();
  }
}
