// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import guildInput from './src/guild.config.ts';
import { parseGuildConfig } from './src/lib/config/schema.ts';
import { siteForBuild } from './src/adapters/sites/build-site.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { remarkContentIsData } from './src/lib/content-check/mdx-safety.ts';
import { guildColors } from './src/integrations/guild-colors.ts';
import { dataStoreAsJson } from './src/integrations/data-store-json.ts';
import { ogImages } from './src/integrations/og-images.ts';
import { isEditorPath } from './src/lib/editor/paths.ts';

// Which guild: SITE=<kennung> builds sites/<kennung>/ (its config and posts, the shared comparison) into its own
// folder; without SITE, src/guild.config.ts and content/ as always. Both configs pass the same schema here.
const root = fileURLToPath(new URL('.', import.meta.url));
const site = await siteForBuild(root);
const guild = site ? site.config : parseGuildConfig(guildInput);

// Where the comment API runs when the static pages are served from another host (empty = same origin).
const commentsApiOrigin = (process.env.COMMENTS_API_ORIGIN ?? '').trim().replace(/\/+$/, '');
if (commentsApiOrigin && !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(commentsApiOrigin)) {
  throw new Error(
    `COMMENTS_API_ORIGIN muss ein Ursprung wie „https://kommentare.innung.example“ sein (ohne Pfad), ist aber „${commentsApiOrigin}“.`,
  );
}
/**
 * @template {string} D
 * @param {D} directive
 * @returns {`${D}${string}`}
 */
const withApi = (directive) => `${directive}${commentsApiOrigin ? ` ${commentsApiOrigin}` : ''}`;

export default defineConfig({
  site: guild.siteUrl,
  // Pages use a trailing slash (directory format); the API paths of the comment contract have none.
  trailingSlash: 'ignore',
  // Pages are static; only routes that say `prerender = false` (comments API, the editor's pages) run on the server.
  output: 'static',
  // Middleware mode: server/ serves the static files and hands the on-demand routes to this build's handler.
  adapter: node({ mode: 'middleware' }),
  // A site's build: its own output folder and its own content cache (two sites never share a content store).
  ...(site ? { outDir: site.outDir, cacheDir: `./node_modules/.astro/sites/${site.kennung}/` } : {}),
  integrations: [
    contentCheck(site && { guild, configFile: site.configFile }),
    dataStoreAsJson(),
    // Content is data: the content check refuses code before the build; this refuses it again in the compile (also in `astro dev`).
    mdx({ remarkPlugins: [remarkContentIsData] }),
    ogImages(),
    sitemap({
      // Not for search engines: the editor's pages, the search page and the decision aid's result (all noindex).
      filter: (page) => !isEditorPath(new URL(page).pathname) && !/\/(suche|empfehlung)\//.test(page) && !page.endsWith('/404/'),
    }),
  ],
  vite: {
    // The build id that /api/health reports (src/lib/ops/build-info.ts).
    // The site it belongs to ('' = the single-guild layout): its comment database (src/adapters/comments/db-path.ts).
    define: {
      __INNUNGSWISSEN_BUILD__: JSON.stringify(process.env.INNUNGSWISSEN_BUILD_ID || new Date().toISOString()),
      __INNUNGSWISSEN_SITE__: JSON.stringify(site?.kennung ?? ''),
    },
    // A site's pages read its config wherever they import the guild's data.
    ...(site ? { resolve: { alias: [{ find: /^@\/guild\.config$/, replacement: site.configPath }] } } : {}),
    // Cast: @tailwindcss/vite is typed against a newer Vite than the one Astro 5 bundles; both work at run time.
    plugins: /** @type {any[]} */ ([tailwindcss(), guildColors(guild.colors)]),
  },
  // Four pages render at once: one at a time, the main thread sat idle for a third of prerendering, waiting
  // on file reads and writes (CPU profile at 1,000 posts). Prerendering 1,000 posts took 13.9 s one at a
  // time and 10.6 s four at a time (two alternating rounds each, 04.12.2026); peak memory stayed ~700 MB.
  build: { inlineStylesheets: 'auto', concurrency: 4 },
  devToolbar: { enabled: false },
  // SmartyPants would turn "…" into English curly quotes; German texts use „…“ as written. (It was also
  // the single largest cost of rendering Markdown in large builds.)
  markdown: { smartypants: false },
  experimental: {
    // A Content-Security-Policy with hashes for every script and style Astro emits; no 'unsafe-inline' for scripts.
    // Pagefind compiles WebAssembly ('wasm-unsafe-eval') and may start a worker.
    csp: {
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        withApi("connect-src 'self'"),
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        withApi("form-action 'self'"),
      ],
    },
  },
  // The comment API checks Origin itself (with COMMENTS_ALLOWED_ORIGINS) and answers in German JSON.
  security: { checkOrigin: false },
  // Astro's sessions would set a cookie; this site sets none.
});
