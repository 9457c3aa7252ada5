import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeOgImages } from '../adapters/og/render';

/**
 * Writes the share pictures the pages asked for (requestOgImage in BaseLayout) into og/ once Astro has
 * rendered every page: from the cache, or drawn on every core. Logs one line the benchmark reads.
 */
export function ogImages(): AstroIntegration {
  return {
    name: 'innungswissen:og-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pictures, drawn, seconds } = await writeOgImages(fileURLToPath(dir));
        if (pictures > 0) logger.info(`${pictures} Teilbilder in og/ geschrieben, ${drawn} davon neu gezeichnet, ${seconds.toFixed(2)} s nach den Seiten`);
      },
    },
  };
}
