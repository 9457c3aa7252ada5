/**
 * Draws share pictures: satori lays the tree out to SVG with the Inter font from the npm package
 * @fontsource/inter (nothing is fetched), @resvg/resvg-js turns it into a PNG. Pictures are cached
 * on disk by content hash, so a rebuild draws only what changed. During a build, pages ask for their
 * picture early (prefetchOgImage) and a worker thread draws it beside Astro's page rendering.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { ogKey, ogTree, OG_HEIGHT, OG_WIDTH, type OgInput } from '@/lib/og/layout';

const FONT_FILES = { 400: 'inter-latin-400-normal.woff', 700: 'inter-latin-700-normal.woff' } as const;

interface FontFile { name: string; path: string; weight: 400 | 700; style: 'normal' }
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

/** Draws on this thread. */
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

// ------------------------------------------------------------ worker
const WORKER_FILE = join(process.cwd(), 'src', 'adapters', 'og', 'draw-worker.mjs');
let worker: Worker | undefined;
let workerFailed = false;
let nextId = 0;
const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();

function drawInWorker(input: OgInput): Promise<Buffer> {
  if (!worker) {
    worker = new Worker(WORKER_FILE, { workerData: { fonts: fonts() } });
    worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = waiting.get(id);
      waiting.delete(id);
      if (waiting.size === 0) worker?.unref();
      if (png) job?.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else job?.reject(new Error(error));
    });
    worker.on('error', (error: Error) => {
      workerFailed = true;
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
    });
  }
  const id = nextId++;
  // Keeps the process alive only while pictures are being drawn.
  if (waiting.size === 0) worker.ref();
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.postMessage({ id, tree: ogTree(input), width: OG_WIDTH, height: OG_HEIGHT });
  });
}

// ------------------------------------------------------------ cache
const inFlight = new Map<string, Promise<Buffer>>();

function cacheFile(input: OgInput, cacheDir: string): string {
  fonts();
  return join(cacheDir, `${ogKey(input, fontId)}.png`);
}

function store(file: string, png: Buffer): void {
  mkdirSync(join(file, '..'), { recursive: true });
  // Written beside and renamed, so a build that stops half-way never leaves a broken picture in the cache.
  writeFileSync(`${file}.tmp`, png);
  renameSync(`${file}.tmp`, file);
}

function draw(input: OgInput, file: string, useWorker: boolean): Promise<Buffer> {
  let job = inFlight.get(file);
  if (!job) {
    const drawing = useWorker && !workerFailed && availableParallelism() > 1 ? drawInWorker(input).catch(() => renderOgImage(input)) : renderOgImage(input);
    job = drawing
      .then((png) => {
        store(file, png);
        return png;
      })
      .finally(() => inFlight.delete(file));
    inFlight.set(file, job);
  }
  return job;
}

/** Starts drawing a page's picture in the worker if it is not cached; the route that serves it waits for it. */
export function prefetchOgImage(input: OgInput, cacheDir = defaultCacheDir()): void {
  const file = cacheFile(input, cacheDir);
  // A failure here is not lost: the route draws the picture again on its own thread and reports there.
  if (!inFlight.has(file) && !existsSync(file)) draw(input, file, true).catch(() => undefined);
}

export interface CachedImage {
  png: Buffer;
  cached: boolean;
}

export async function renderOgImageCached(input: OgInput, cacheDir = defaultCacheDir()): Promise<CachedImage> {
  const file = cacheFile(input, cacheDir);
  const pending = inFlight.get(file);
  if (pending) return { png: await pending, cached: false };
  if (existsSync(file)) return { png: readFileSync(file), cached: true };
  return { png: await draw(input, file, false), cached: false };
}
