import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = /\.(html|css|js|mjs|json|xml|svg|txt)$/;

/**
 * Writes a .gz beside every text file of the static build, so the Node server (scripts/serve.mjs)
 * sends compressed bytes without compressing on each request. Runs after the search index.
 */
export function precompress(): AstroIntegration {
  return {
    name: 'innungswissen:precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const started = Date.now();
        let files = 0;
        const walk = (current: string) => {
          for (const name of readdirSync(current)) {
            const full = join(current, name);
            if (statSync(full).isDirectory()) walk(full);
            else if (COMPRESSIBLE.test(name) && statSync(full).size > 512) {
              writeFileSync(`${full}.gz`, gzipSync(readFileSync(full), { level: constants.Z_BEST_SPEED + 5 }));
              files++;
            }
          }
        };
        walk(fileURLToPath(dir));
        logger.info(`${files} Dateien vorkomprimiert in ${Date.now() - started} ms`);
      },
    },
  };
}
