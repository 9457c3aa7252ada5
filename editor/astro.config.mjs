// @ts-check
/**
 * The browser editor (Keystatic) as its own small static build in dist-editor/, built once and
 * only again when its inputs change (scripts/build-editor.mjs). Publishing rebuilds the reader
 * site only, never this 2.8 MB React bundle; reader pages never load React.
 */
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { fileURLToPath } from 'node:url';
import { editorPaths } from '../src/lib/editor/paths.ts';

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

const PICKER_SLUGS = 'const slugs = useSlugsInCollection(props.collection);';
const PICKER_OPTIONS = 'const options = t1;';
const PICKER_ITEM = 'children: item.slug\n    }, item.slug);';

/**
 * Keystatic's relationship picker (the source of a fact) lists the entries' keys ("G1", "M2D"): a
 * clerk picks by title. The picker asks our server once for the titles by key and shows „ginlo
 * Business – Nutzungsbedingungen“; the file keeps the key. Until the titles arrive (or if the
 * request fails) it shows the keys, as before. Fails the build if Keystatic's code changed shape.
 */
function sourceTitlesInPicker() {
  return {
    name: 'innungswissen:source-titles-in-picker',
    /** @param {string} code @param {string} id */
    transform(code, id) {
      if (!id.includes('@keystatic/core') || !code.includes('function RelationshipInput(')) return null;
      // Only inside RelationshipInput (a multi-relationship picker has the same lines).
      const start = code.indexOf('function RelationshipInput(');
      const end = code.indexOf('\nfunction ', start + 1);
      const picker = code.slice(start, end);
      for (const part of [PICKER_SLUGS, PICKER_OPTIONS, PICKER_ITEM]) {
        if (picker.split(part).length !== 2)
          throw new Error(`Keystatic-Auswahlfeld hat sich geändert: ${JSON.stringify(part)} nicht genau einmal gefunden`);
      }
      const load = `
  const [iwTitles, iwSetTitles] = useState(() => globalThis.__iwEntryTitles);
  useEffect(() => {
    if (iwTitles) return undefined;
    let live = true;
    globalThis.__iwEntryTitlesLoad ??= fetch(${JSON.stringify(editorPaths.entryTitles)}, { credentials: 'same-origin' })
      .then((res) => (res.ok ? res.json() : {}))
      .then((body) => (globalThis.__iwEntryTitles = body))
      .catch(() => ({}));
    globalThis.__iwEntryTitlesLoad.then((titles) => { if (live) iwSetTitles(titles); });
    return () => { live = false; };
  }, [iwTitles]);`;
      const options = `const options = useMemo(() => t1.map((o) => ({ slug: o.slug, label: (iwTitles && iwTitles[props.collection] && iwTitles[props.collection][o.slug]) || o.slug })), [t1, iwTitles, props.collection]);`;
      return {
        code:
          code.slice(0, start) +
          picker
            .replace(PICKER_SLUGS, PICKER_SLUGS + load)
            .replace(PICKER_OPTIONS, options)
            .replace(PICKER_ITEM, 'textValue: item.label,\n      children: item.label\n    }, item.slug);') +
          code.slice(end),
        map: null,
      };
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
    plugins: [withoutThirdPartyFonts(), germanSaveErrors(), sourceTitlesInPicker()],
    // The Keystatic bundle is large by nature; its size is reported by the build script instead.
    build: { chunkSizeWarningLimit: 4096 },
  },
});
