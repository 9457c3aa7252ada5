import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The `@/` import alias (tsconfig.json `paths`) for the tools that run our TypeScript through Vite
 * without Astro: Vitest (vitest.config.ts extends this). Astro reads the
 * tsconfig itself; tsx (the server and the npm scripts) reads its `paths` too (scripts/serve.mjs names the file).
 */
export default defineConfig({
  resolve: { alias: { '@/': fileURLToPath(new URL('./src/', import.meta.url)) } },
});
