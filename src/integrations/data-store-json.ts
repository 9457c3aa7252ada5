import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const RESOLVED_ID = '\0astro:data-layer-content';

/**
 * Ships Astro's content data store as a JSON file beside the server chunks, read with JSON.parse
 * when the server (or the prerenderer) first asks for content, instead of the JavaScript array
 * literal Astro bundles. The literal had one syntax node per value: at 5,000 articles Rollup spent
 * the largest part of the build's memory converting and tree-shaking it, and loading it held the
 * source, the literal and the parsed data at once. Build only: in dev Astro keeps its own module.
 */
export function dataStoreAsJson(): AstroIntegration {
  return {
    name: 'innungswissen:data-store-json',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const file = new URL('data-store.json', config.cacheDir);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'innungswissen:data-store-json',
                // Astro's own plugin loads the module first; this replaces its code.
                async transform(_code: string, id: string) {
                  if (id !== RESOLVED_ID || !existsSync(file)) return null;
                  // Not below _astro/: Astro moves that folder into the public client files.
                  const ref = this.emitFile({ type: 'asset', fileName: 'chunks/data-store.json', source: await readFile(file, 'utf8') });
                  return {
                    code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(new URL(import.meta.ROLLUP_FILE_URL_${ref}), 'utf8'));`,
                    map: { mappings: '' },
                  };
                },
              },
            ],
          },
        });
      },
    },
  };
}
