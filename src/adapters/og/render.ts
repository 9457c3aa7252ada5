/**
 * Draws share pictures: satori lays the tree out to SVG with the Inter font from the npm package
 * @fontsource/inter (nothing is fetched), @resvg/resvg-js turns it into a PNG. Pictures are cached
 * on disk by content hash, so a rebuild draws only what changed.
 *
 * In a build, each page asks for its picture while Astro renders it (requestOgImage): a worker thread
 * starts drawing a missing one on the second core right away. After the pages, the integration
 * (src/integrations/og-images.ts) calls writeOgImages, which draws what is left on every core and
 * copies each picture from the cache into og/. This is how Astro's own image pipeline works: it
 * collects images during rendering and writes them afterwards; a route per picture cost about 1 ms
 * of Astro's time each even when cached, more than copying the file.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
// Relative, not @/: the build's integration (src/integrations/og-images.ts) loads this module from astro.config, where the alias is not known.
import { ogKey, ogTree, OG_HEIGHT, OG_WIDTH, type OgInput } from '../../lib/og/layout';

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

// ------------------------------------------------------------ workers
const WORKER_FILE = join(process.cwd(), 'src', 'adapters', 'og', 'draw-worker.mjs');

/** One worker thread; it keeps the process alive only while it has pictures to draw. */
class DrawWorker {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  failed = false;

  constructor() {
    this.#worker = new Worker(WORKER_FILE, { workerData: { fonts: fonts() } });
    this.#worker.unref();
    this.#worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (this.#waiting.size === 0) this.#worker.unref();
      if (png) job?.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else job?.reject(new Error(error));
    });
    // A worker that fails, exits or sends what cannot be read gives its pictures back: draw() then
    // draws them on the calling thread, so no picture waits for ever and the build never ends without one.
    this.#worker.on('error', (error: Error) => this.#fail(error));
    this.#worker.on('messageerror', (error: Error) => this.#fail(error));
    this.#worker.on('exit', (code: number) => this.#fail(new Error(`Zeichen-Thread beendet (Code ${code})`)));
  }

  #fail(error: Error): void {
    this.failed = true;
    for (const job of this.#waiting.values()) job.reject(error);
    this.#waiting.clear();
  }

  get queued(): number {
    return this.#waiting.size;
  }

  draw(input: OgInput): Promise<Buffer> {
    const id = this.#nextId++;
    if (this.#waiting.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, tree: ogTree(input), width: OG_WIDTH, height: OG_HEIGHT });
    });
  }
}

const workers: DrawWorker[] = [];

/** The least busy of at most `max` workers (new ones are started up to that number). */
function workerFor(max: number): DrawWorker | undefined {
  const alive = workers.filter((w) => !w.failed);
  const idle = alive.find((w) => w.queued === 0);
  if (idle) return idle;
  if (alive.length < max) {
    const worker = new DrawWorker();
    workers.push(worker);
    return worker;
  }
  return alive.sort((a, b) => a.queued - b.queued)[0];
}

// ------------------------------------------------------------ cache
/**
 * Shared through globalThis: the pages that request pictures run in Astro's bundled server code,
 * the integration that writes them loads this module again from the config.
 */
interface Shared {
  /** Picture name below og/ (without .png) → what to draw and where its cache is. */
  requested: Map<string, { input: OgInput; file: string; cached: boolean }>;
  inFlight: Map<string, Promise<Buffer>>;
}
const shared: Shared = ((globalThis as { [key: symbol]: Shared })[Symbol.for('innungswissen:og-images')] ??= { requested: new Map(), inFlight: new Map() });

function cacheFile(input: OgInput, cacheDir: string): string {
  fonts();
  return join(cacheDir, `${ogKey(input, fontId)}.png`);
}

function store(file: string, png: Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  // Written beside and renamed, so a build that stops half-way never leaves a broken picture in the cache.
  writeFileSync(`${file}.tmp`, png);
  renameSync(`${file}.tmp`, file);
}

/** Draws on a worker (at most `workerCount` of them; 0 = on this thread) and stores the picture in the cache. */
function draw(input: OgInput, file: string, workerCount: number): Promise<Buffer> {
  let job = shared.inFlight.get(file);
  if (!job) {
    const worker = workerCount > 0 ? workerFor(workerCount) : undefined;
    // A worker that fails hands the picture back to this thread, which reports a real error.
    const drawing = worker ? worker.draw(input).catch(() => renderOgImage(input)) : renderOgImage(input);
    job = drawing
      .then((png) => {
        store(file, png);
        return png;
      })
      .finally(() => shared.inFlight.delete(file));
    shared.inFlight.set(file, job);
  }
  return job;
}

/** How many pictures the worker beside Astro may have waiting. */
const PREFETCH_QUEUE = 2;

/**
 * Starts drawing a picture on a worker thread if it is not cached. The queue is kept short: the worker
 * stays busy while Astro renders pages, and what it has not reached by the end is shared among all
 * cores by writeOgImages. On one core nothing is drawn early.
 */
export function prefetchOgImage(input: OgInput, cacheDir = defaultCacheDir()): void {
  if (availableParallelism() < 2) return;
  const file = cacheFile(input, cacheDir);
  if (shared.inFlight.has(file) || existsSync(file) || (workerFor(1)?.queued ?? 0) >= PREFETCH_QUEUE) return;
  // A failure here is not lost: whoever needs the picture draws it again on its own thread and reports there.
  draw(input, file, 1).catch(() => undefined);
}

/** During a build: the page needs the picture og/<name>.png. A missing one starts drawing now, on one worker beside Astro. */
export function requestOgImage(name: string, input: OgInput, cacheDir = defaultCacheDir()): void {
  const file = cacheFile(input, cacheDir);
  shared.requested.set(name, { input, file, cached: existsSync(file) });
  prefetchOgImage(input, cacheDir);
}

export interface CachedImage {
  png: Buffer;
  cached: boolean;
}

export async function renderOgImageCached(input: OgInput, cacheDir = defaultCacheDir()): Promise<CachedImage> {
  const file = cacheFile(input, cacheDir);
  const pending = shared.inFlight.get(file);
  if (pending) return { png: await pending, cached: false };
  if (existsSync(file)) return { png: readFileSync(file), cached: true };
  return { png: await draw(input, file, 0), cached: false };
}

export interface WrittenImages {
  pictures: number;
  /** Drawn in this build (the rest came from the cache). */
  drawn: number;
  /** Time after the pages: the pictures still being drawn, and the copies. */
  seconds: number;
}

/**
 * After the pages: every requested picture into `<clientDir>/og/`. Pictures still missing are drawn
 * on one worker per core (Astro is done, the cores are free); cached ones are copied.
 */
export async function writeOgImages(clientDir: string): Promise<WrittenImages> {
  const started = performance.now();
  const cores = availableParallelism();
  const requested = [...shared.requested];
  const jobs = requested.map(async ([name, { input, file }]) => {
    const pending = shared.inFlight.get(file) ?? (existsSync(file) ? undefined : draw(input, file, cores > 1 ? cores : 0));
    if (pending) await pending;
    const target = join(clientDir, 'og', `${name}.png`);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  });
  await Promise.all(jobs);
  shared.requested.clear();
  // Two pages with the same picture draw it once.
  const drawn = new Set(requested.filter(([, r]) => !r.cached).map(([, r]) => r.file)).size;
  return { pictures: jobs.length, drawn, seconds: (performance.now() - started) / 1000 };
}
