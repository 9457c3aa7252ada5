import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';

/** How many pages the index must contain: every article, every messenger page and the comparison. */
export function expectedSearchPages(pathnames: readonly string[]): number {
  return pathnames.filter((p) => /^(beitraege\/(?!\d+\/)[^/]+|messenger\/[^/]+|messenger-vergleich)\/?$/.test(p.replace(/^\//, ''))).length;
}

/**
 * Builds the Pagefind search index from the finished HTML (astro:build:done), through Pagefind's
 * Node API. Fails the build on Pagefind errors or when fewer pages were indexed than published.
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'innungswissen:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = Date.now();
        const expected = expectedSearchPages(pages.map((p) => p.pathname));
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: 'de' });
          if (!index || errors.length > 0) throw new Error(`Pagefind konnte keinen Index anlegen: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length > 0) throw new Error(`Pagefind meldet Fehler beim Indexieren: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind konnte den Index nicht schreiben: ${written.errors.join('; ')}`);
          // addDirectory counts every HTML file it read; the entry file says how many pages made it into the index.
          const entry = JSON.parse(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
          const indexed = entry.languages.de?.page_count ?? 0;
          if (indexed < expected) {
            throw new Error(`Der deutsche Suchindex enthält nur ${indexed} Seiten, erwartet waren mindestens ${expected} (Beiträge, Messenger-Seiten und der Vergleich). Fehlt data-pagefind-body oder lang="de"?`);
          }
          logger.info(`Suchindex: ${indexed} Seiten (von ${added.page_count} gelesenen) in ${Date.now() - started} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
