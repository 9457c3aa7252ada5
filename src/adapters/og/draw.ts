/**
 * Draws share pictures: satori lays the tree out to SVG with the Inter font from the npm package
 * @fontsource/inter (nothing is fetched), @resvg/resvg-js turns it into a PNG. Pictures are cached
 * on disk by content hash, so a rebuild draws only what changed. A build draws through the queue
 * (registry.ts, draw-queue.mjs); this module draws on the calling thread and names the fonts and cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// Relative, not @/: the build's integration (src/integrations/og-images.ts) loads this module from astro.config, where the alias is not known.
import { ogKey, ogTree, OG_HEIGHT, OG_WIDTH, type OgInput } from '../../lib/og/layout';
import { drawer, writeAtomic } from './draw-queue.mjs';

const FONT_FILES = { 400: 'inter-latin-400-normal.woff', 700: 'inter-latin-700-normal.woff' } as const;

export interface FontFile {
  name: string;
  path: string;
  weight: 400 | 700;
  style: 'normal';
}
let fontFiles: FontFile[] | undefined;
let fontVersion = '';

/** The font files the pictures use, resolved from the project (not from the bundled chunk that runs this). */
export function fonts(): FontFile[] {
  if (fontFiles) return fontFiles;
  const require = createRequire(join(process.cwd(), 'package.json'));
  fontVersion = `inter@${(require('@fontsource/inter/package.json') as { version: string }).version}`;
  fontFiles = (Object.entries(FONT_FILES) as Array<[string, string]>).map(([weight, file]) => ({
    name: 'Inter',
    path: require.resolve(`@fontsource/inter/files/${file}`),
    weight: Number(weight) as 400 | 700,
    style: 'normal' as const,
  }));
  return fontFiles;
}

/** The fonts' package and version: part of every picture's cache key. */
export function fontId(): string {
  fonts();
  return fontVersion;
}

let draw: Promise<(tree: unknown) => Promise<Buffer>> | undefined;

/** Draws on this thread (tests, one-off pictures; a build draws through the queue), with the queue's drawing code. */
export async function renderOgImage(input: OgInput): Promise<Buffer> {
  draw ??= drawer({ width: OG_WIDTH, height: OG_HEIGHT, fonts: fonts() });
  return (await draw)(ogTree(input));
}

/** Where pictures are kept between builds; below Astro's cache, so a cold build starts without them. */
export function defaultCacheDir(): string {
  return process.env.OG_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.astro', 'og-images');
}

/** The cache file of a picture. */
export function cacheFile(input: OgInput, cacheDir: string): string {
  return join(cacheDir, `${ogKey(input, fontId())}.png`);
}

export interface CachedImage {
  png: Buffer;
  cached: boolean;
}

export async function renderOgImageCached(input: OgInput, cacheDir = defaultCacheDir()): Promise<CachedImage> {
  const file = cacheFile(input, cacheDir);
  if (existsSync(file)) return { png: readFileSync(file), cached: true };
  const png = await renderOgImage(input);
  // Written beside and renamed, so a process that stops half-way never leaves a broken picture in the cache.
  writeAtomic(file, png, dirname(file));
  return { png, cached: false };
}
