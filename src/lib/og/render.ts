/**
 * Draws share pictures: satori lays the tree out to SVG with the Inter font from the npm package
 * @fontsource/inter (nothing is fetched), @resvg/resvg-js turns it into a PNG. Pictures are cached
 * on disk by content hash, so a rebuild draws only what changed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { ogKey, ogTree, OG_HEIGHT, OG_WIDTH, type OgInput } from './layout';

const FONT_FILES = { 400: 'inter-latin-400-normal.woff', 700: 'inter-latin-700-normal.woff' } as const;

let fonts: Array<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }> | undefined;
let fontId = '';

function loadFonts() {
  if (fonts) return fonts;
  // Resolved from the project, not from the bundled chunk that runs this.
  const require = createRequire(join(process.cwd(), 'package.json'));
  const version = (require('@fontsource/inter/package.json') as { version: string }).version;
  fonts = (Object.entries(FONT_FILES) as Array<[string, string]>).map(([weight, file]) => ({
    name: 'Inter',
    data: readFileSync(require.resolve(`@fontsource/inter/files/${file}`)),
    weight: Number(weight) as 400 | 700,
    style: 'normal' as const,
  }));
  fontId = `inter@${version}`;
  return fonts;
}

export async function renderOgImage(input: OgInput): Promise<Buffer> {
  // satori's types want a React node; the plain object tree is what JSX would produce.
  const svg = await satori(ogTree(input) as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: loadFonts() });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}

/** Where pictures are kept between builds; below Astro's cache, so a cold build starts without them. */
export function defaultCacheDir(): string {
  return process.env.OG_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.astro', 'og-images');
}

export interface CachedImage {
  png: Buffer;
  cached: boolean;
}

export async function renderOgImageCached(input: OgInput, cacheDir = defaultCacheDir()): Promise<CachedImage> {
  loadFonts();
  const file = join(cacheDir, `${ogKey(input, fontId)}.png`);
  if (existsSync(file)) return { png: readFileSync(file), cached: true };
  const png = await renderOgImage(input);
  mkdirSync(cacheDir, { recursive: true });
  // Written beside and renamed, so a build that stops half-way never leaves a broken picture in the cache.
  writeFileSync(`${file}.tmp`, png);
  renameSync(`${file}.tmp`, file);
  return { png, cached: false };
}
