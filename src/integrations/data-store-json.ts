import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir, sharedContentDir } from '../adapters/content-dir';
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
        forgetStoreOfOtherFolders(fileURLToPath(config.cacheDir), fileURLToPath(file));
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

/**
 * Astro's content store keeps an entry whose file is unchanged (same digest) with the path it was read from.
 * Builds from another folder (a publish from a copy of the live content, the tests' copies) share this store,
 * so an entry could keep a picture path into a folder that is gone (ImageNotFound). The store is kept only
 * for builds from the same content folders; for others it starts afresh (a cold content sync).
 */
function forgetStoreOfOtherFolders(cacheDir: string, storeFile: string): void {
  const marker = `${cacheDir}/data-store.folders`;
  const folders = JSON.stringify([resolve(contentDir()), resolve(sharedContentDir())]);
  const previous = existsSync(marker) ? readFileSync(marker, 'utf8') : undefined;
  if (previous !== folders) rmSync(storeFile, { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(marker, folders);
}
