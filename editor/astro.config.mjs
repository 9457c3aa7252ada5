// @ts-check
/**
 * The browser editor (Keystatic) as its own small static build in dist-editor/, built once and
 * only again when its inputs change (scripts/build-editor.mjs). Publishing rebuilds the reader
 * site only, never this 2.8 MB React bundle; reader pages never load React.
 */
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';

const GOOGLE_FONTS_LINK = /\/\*#__PURE__\*\/jsx\("link", \{\s*href: "https:\/\/fonts\.googleapis\.com[^"]*",\s*rel: "stylesheet"\s*\}\)/g;

/** Keystatic's UI hard-codes a Google Fonts stylesheet; the editor loads nothing from other hosts. */
function withoutThirdPartyFonts() {
  return {
    name: 'innungswissen:no-google-fonts',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.includes('@keystatic/core') || !code.includes('fonts.googleapis.com')) return null;
      return { code: code.replace(GOOGLE_FONTS_LINK, 'null'), map: null };
    },
  };
}

const RAW_SAVE_ERROR = 'throw new Error(await res.text());';

/**
 * Our server refuses a save with German JSON ({ error: { message } }, e.g. "Nicht gespeichert:
 * content/posts/x.mdx:12 – Ausdruck – …"); Keystatic would show the raw response text. It shows the message.
 */
function germanSaveErrors() {
  return {
    name: 'innungswissen:german-save-errors',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.includes('@keystatic/core') || !code.includes(RAW_SAVE_ERROR)) return null;
      const readable =
        'throw new Error(((text) => { try { return JSON.parse(text).error.message || text; } catch { return text; } })(await res.text()));';
      return { code: code.replaceAll(RAW_SAVE_ERROR, readable), map: null };
    },
  };
}

export default defineConfig({
  // Its own root, so its generated types (.astro/) never replace the reader site's.
  root: fileURLToPath(new URL('.', import.meta.url)),
  srcDir: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public', import.meta.url)),
  outDir: fileURLToPath(new URL('../dist-editor', import.meta.url)),
  cacheDir: fileURLToPath(new URL('../node_modules/.astro-editor', import.meta.url)),
  output: 'static',
  integrations: [react()],
  build: { assets: '_editor' },
  devToolbar: { enabled: false },
  vite: {
    plugins: [withoutThirdPartyFonts(), germanSaveErrors()],
    // The Keystatic bundle is large by nature; its size is reported by the build script instead.
    build: { chunkSizeWarningLimit: 4096 },
  },
});
