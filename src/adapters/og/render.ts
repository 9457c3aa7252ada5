/**
 * Draws share pictures: satori lays the tree out to SVG with the Inter font from the npm package
 * @fontsource/inter (nothing is fetched), @resvg/resvg-js turns it into a PNG. Pictures are cached
 * on disk by content hash, so a rebuild draws only what changed.
 *
 * In a build nothing is drawn: each page names its picture while Astro renders it (requestOgImage),
 * and after the pages the integration (src/integrations/og-images.ts) writes the list to
 * og-queue.json beside the build. The drawing process (draw-queue.mjs) works through that queue
 * after the build, niced, on one core, in short-lived batches: resvg-js 2.6 never frees the ~3 MB
 * pixmap of a render (thx/resvg-js#216), so a process that drew 1,000 pictures held 3 GB.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
// Relative, not @/: the build's integration (src/integrations/og-images.ts) loads this module from astro.config, where the alias is not known.
import { ogKey, ogTree, OG_HEIGHT, OG_WIDTH, type OgInput } from '../../lib/og/layout';

const FONT_FILES = { 400: 'inter-latin-400-normal.woff', 700: 'inter-latin-700-normal.woff' } as const;

export interface FontFile { name: string; path: string; weight: 400 | 700; style: 'normal' }
let fontFiles: FontFile[] | undefined;
let fontId = '';

function fonts(): FontFile[] {
  if (fontFiles) return fontFiles;
  // Resolved from the project, not from the bundled chunk that runs this.
  const require = createRequire(join(process.cwd(), 'package.json'));
  fontId = `inter@${(require('@fontsource/inter/package.json') as { version: string }).version}`;
  fontFiles = (Object.entries(FONT_FILES) as Array<[string, string]>).map(([weight, file]) => ({
    name: 'Inter',
    path: require.resolve(`@fontsource/inter/files/${file}`),
    weight: Number(weight) as 400 | 700,
    style: 'normal' as const,
  }));
  return fontFiles;
}

let fontData: Array<Omit<FontFile, 'path'> & { data: Buffer }> | undefined;

/** Draws on this thread (tests, one-off pictures; a build draws through the queue). */
export async function renderOgImage(input: OgInput): Promise<Buffer> {
  fontData ??= fonts().map(({ path, ...f }) => ({ ...f, data: readFileSync(path) }));
  // satori's types want a React node; the plain object tree is what JSX would produce.
  const svg = await satori(ogTree(input) as unknown as Parameters<typeof satori>[0], { width: OG_WIDTH, height: OG_HEIGHT, fonts: fontData });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH }, font: { loadSystemFonts: false } }).render().asPng();
}

/** Where pictures are kept between builds; below Astro's cache, so a cold build starts without them. */
export function defaultCacheDir(): string {
  return process.env.OG_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.astro', 'og-images');
}

function cacheFile(input: OgInput, cacheDir: string): string {
  fonts();
  return join(cacheDir, `${ogKey(input, fontId)}.png`);
}

export interface CachedImage {
  png: Buffer;
  cached: boolean;
}

export async function renderOgImageCached(input: OgInput, cacheDir = defaultCacheDir()): Promise<CachedImage> {
  const file = cacheFile(input, cacheDir);
  if (existsSync(file)) return { png: readFileSync(file), cached: true };
  const png = await renderOgImage(input);
  mkdirSync(dirname(file), { recursive: true });
  // Written beside and renamed, so a process that stops half-way never leaves a broken picture in the cache.
  writeFileSync(`${file}.${process.pid}.tmp`, png);
  renameSync(`${file}.${process.pid}.tmp`, file);
  return { png, cached: false };
}

/**
 * Shared through globalThis: the pages that request pictures run in Astro's bundled server code,
 * the integration that writes the queue loads this module again from the config.
 */
interface Shared {
  /** Picture name below og/ (without .png) → what to draw. */
  requested: Map<string, OgInput>;
}
const shared: Shared = ((globalThis as { [key: symbol]: Shared })[Symbol.for('innungswissen:og-images')] ??= { requested: new Map() });

/** During a build: the page shares the picture og/<name>.png; it is drawn after the build (writeOgQueue). */
export function requestOgImage(name: string, input: OgInput): void {
  shared.requested.set(name, input);
}

/** The file the drawing process reads: what to draw, where the cache is, which fonts. */
export const OG_QUEUE_FILE = 'og-queue.json';

export interface OgQueue {
  cacheDir: string;
  /** The build's static files; pictures go to <clientDir>/og/<name>.png. */
  clientDir: string;
  width: number;
  height: number;
  fonts: FontFile[];
  /** The logo's data: URL, once; trees carry LOGO_REF in its place (a PNG logo would repeat in every entry). */
  logo: string;
  pictures: Array<{ name: string; key: string; tree: unknown }>;
}

export const LOGO_REF = '\u0000logo';

/**
 * After the pages: writes the requested pictures to <outDir>/og-queue.json for the drawing process
 * and forgets them. Returns how many pictures the pages share and how many are not in the cache yet.
 */
export function writeOgQueue(outDir: string, clientDir: string, cacheDir = defaultCacheDir()): { pictures: number; missing: number } {
  const requested = [...shared.requested];
  shared.requested.clear();
  const logo = requested[0]?.[1].logo ?? '';
  fonts();
  const pictures = requested.map(([name, input]) => ({ name, key: ogKey(input, fontId), tree: ogTree(input) }));
  const queue: OgQueue = { cacheDir, clientDir, width: OG_WIDTH, height: OG_HEIGHT, fonts: fonts(), logo, pictures };
  const text = JSON.stringify(queue, (_key, value: unknown) => (value === logo && logo && _key !== 'logo' ? LOGO_REF : value));
  writeFileSync(join(outDir, OG_QUEUE_FILE), text);
  // Two pages with the same picture draw it once.
  const missing = new Set(pictures.filter((p) => !existsSync(join(cacheDir, `${p.key}.png`))).map((p) => p.key)).size;
  return { pictures: pictures.length, missing };
}
