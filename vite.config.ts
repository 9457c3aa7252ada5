import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The `@/` import alias (tsconfig.json `paths`) for the tools that run our TypeScript through Vite
 * without Astro: Vitest (vitest.config.ts extends this) and vite-node scripts. Astro reads the
 * tsconfig itself; tsx (the server) is told the tsconfig in scripts/serve.mjs.
 */
export default defineConfig({
  resolve: { alias: { '@/': fileURLToPath(new URL('./src/', import.meta.url)) } },
});
