// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import guild from './src/guild.config.ts';
import { contentCheck } from './src/integrations/content-check.ts';

export default defineConfig({
  site: guild.siteUrl,
  trailingSlash: 'always',
  // Pages are static; only routes that say `prerender = false` (comments API, moderation) run on the server.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({
      filter: (page) => !/\/(admin|suche)\//.test(page) && !page.endsWith('/404/'),
    }),
  ],
  vite: {
    plugins: [tailwindcss()],
  },
  build: { inlineStylesheets: 'auto' },
  devToolbar: { enabled: false },
});
