import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeOgQueue } from '../adapters/og/registry';

/**
 * Once Astro has rendered every page: writes the share pictures the pages asked for (requestOgImage
 * in BaseLayout) to <outDir>/og-queue.json. Nothing is drawn in Astro's process; scripts/build.mjs
 * starts the drawing process (src/adapters/og/draw-queue.mjs) after the pages, search index and
 * compressed copies. Logs one line the benchmark reads.
 */
export function ogImages(): AstroIntegration {
  let outDir = '';
  return {
    name: 'innungswissen:og-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:done': ({ dir, logger }) => {
        const { pictures, missing } = writeOgQueue(outDir, fileURLToPath(dir));
        if (pictures > 0) logger.info(`${pictures} Teilbilder in die Warteschlange (og-queue.json), ${missing} davon nicht im Cache`);
      },
    },
  };
}
