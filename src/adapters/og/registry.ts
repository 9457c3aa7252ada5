/**
 * The pictures a build's pages share. In a build nothing is drawn: each page names its picture while
 * Astro renders it (requestOgImage), and after the pages the integration (src/integrations/og-images.ts)
 * writes the list to og-queue.json beside the build. The drawing process (draw-queue.mjs) works through
 * that queue after the build, niced, on one core, in short-lived batches: resvg-js 2.6 never frees the
 * ~3 MB pixmap of a render (thx/resvg-js#216), so a process that drew 1,000 pictures held 3 GB.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// Relative, not @/: the build's integration loads this module from astro.config, where the alias is not known.
import { ogKey, ogTree, OG_HEIGHT, OG_WIDTH, type OgInput } from '../../lib/og/layout';
import { defaultCacheDir, fontId, fonts, type FontFile } from './draw';

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
  const pictures = requested.map(([name, input]) => ({ name, key: ogKey(input, fontId()), tree: ogTree(input) }));
  const queue: OgQueue = { cacheDir, clientDir, width: OG_WIDTH, height: OG_HEIGHT, fonts: fonts(), logo, pictures };
  const text = JSON.stringify(queue, (_key, value: unknown) => (value === logo && logo && _key !== 'logo' ? LOGO_REF : value));
  writeFileSync(join(outDir, OG_QUEUE_FILE), text);
  // Two pages with the same picture draw it once.
  const missing = new Set(pictures.filter((p) => !existsSync(join(cacheDir, `${p.key}.png`))).map((p) => p.key)).size;
  return { pictures: pictures.length, missing };
}
