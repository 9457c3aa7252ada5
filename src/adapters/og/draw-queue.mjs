// @ts-check
/**
 * Draws the share pictures a build queued (<outDir>/og-queue.json, written by the og-images
 * integration) after the build, so they never hold it: `node src/adapters/og/draw-queue.mjs <outDir>`.
 *
 * - Low priority and one core: niced to 19 with its scheduling group (../background-priority.mjs), one
 *   thread (satori and resvg run on the main thread). In the
 *   background (OG_DRAW_GIVE_WAY=1, a publish) it also waits before each picture while the machine is busy
 *   (give-way.mjs): nice alone left readers at 0.62× of idle during a 1,000-post publish.
 * - Bounded memory: resvg-js 2.6 keeps the ~3 MB pixmap of every render for the life of the process
 *   (thx/resvg-js#216; a forced GC does not free it), so the pictures are drawn by short-lived batch
 *   processes of at most BATCH pictures each, one after the other.
 * - Pictures in the cache (by content hash) are copied, not drawn.
 * - Each picture goes to disk on its own and atomically: written to a temporary file, then renamed
 *   into the cache and into og/. A process killed half-way leaves no broken file; the next run
 *   finds the pictures already there and finishes the rest.
 * Ends with one line the benchmark reads: "[og] 1014 Teilbilder in og/, 1014 gezeichnet, … in 61.2 s".
 * Plain JavaScript: Node runs it as it is, without the build's TypeScript tooling.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DRAW_NICE, runInBackground } from '../background-priority.mjs';
import { givingWay } from './give-way.mjs';

/** Pictures per batch process: about 150 MB to start plus 3 MB per picture drawn. */
export const BATCH = Number(process.env.OG_BATCH ?? 100);
const LOGO_REF = '\u0000logo';

/**
 * @typedef {{ name: string; key: string; tree: unknown }} Picture
 * @typedef {{ cacheDir: string; clientDir: string; width: number; height: number; logo: string;
 *   fonts: Array<{ name: string; path: string; weight: 400 | 700; style: 'normal' }>; pictures: Picture[] }} Queue
 */

/** @param {string} outDir @returns {Queue | undefined} */
function readQueue(outDir) {
  const file = join(outDir, 'og-queue.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A picture's tree with the logo put back in. @param {Queue} queue @param {unknown} node @returns {unknown} */
function withLogo(queue, node) {
  if (node === LOGO_REF) return queue.logo;
  if (Array.isArray(node)) return node.map((n) => withLogo(queue, n));
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withLogo(queue, v)]));
  return node;
}

/**
 * A build the publisher refused or replaced is removed while its pictures may still be drawn: stop before
 * writing into it (a recursive mkdir would bring its folder back). The caller exits quietly when it is gone.
 * @param {string} outDir
 */
function stillThere(outDir) {
  if (!existsSync(outDir)) throw new Error(`Build-Ordner ${outDir} wurde entfernt`);
}

/** Copies every picture that is in the cache but not yet in og/ (no drawing, so no batch process needed). @param {Queue} queue @param {string} outDir */
function copyCached(queue, outDir) {
  let copied = 0;
  for (const p of queue.pictures) {
    if (existsSync(target(queue, p)) || !existsSync(cached(queue, p))) continue;
    stillThere(outDir);
    copyAtomic(cached(queue, p), target(queue, p), join(outDir, 'og-tmp'));
    copied++;
  }
  return copied;
}

/** @param {Queue} queue @param {Picture} p */
const target = (queue, p) => join(queue.clientDir, 'og', `${p.name}.png`);
/** @param {Queue} queue @param {Picture} p */
const cached = (queue, p) => join(queue.cacheDir, `${p.key}.png`);

/**
 * Temporary files go to a folder of their own on the same file system (so the rename is atomic) that
 * no reader looks into: <outDir>/og-tmp/ (emptied at the start of a run) and <cacheDir>/.tmp/ (shared
 * by the builds, so named by process).
 */
let tempCount = 0;
const tempIn = (/** @type {string} */ dir) => {
  mkdirOnce(dir);
  return join(dir, `${process.pid}-${tempCount++}.tmp`);
};

const made = new Set();
/** @param {string} dir */
function mkdirOnce(dir) {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

/**
 * A cached picture into og/: a hard link where cache and build share a file system (appears whole at
 * once, costs no copy; cache files are never changed in place), else a copy renamed into place.
 * @param {string} from @param {string} to @param {string} tempDir
 */
function copyAtomic(from, to, tempDir) {
  mkdirOnce(dirname(to));
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'EEXIST') return;
  }
  const temp = tempIn(tempDir);
  copyFileSync(from, temp);
  renameSync(temp, to);
}

/**
 * Writes a file whole or not at all: to a temporary file in tempDir (same file system), then renamed.
 * Also used by renderOgImageCached (draw.ts) for the cache.
 * @param {string} file @param {Buffer} data @param {string} tempDir
 */
export function writeAtomic(file, data, tempDir) {
  const temp = tempIn(tempDir);
  writeFileSync(temp, data);
  mkdirOnce(dirname(file));
  renameSync(temp, file);
}

/**
 * One batch: copies what is cached, draws at most `limit` missing pictures; prints how many it drew.
 * @param {string} outDir @param {number} limit
 */
async function drawBatch(outDir, limit) {
  const queue = readQueue(outDir);
  if (!queue) return;
  let drawn = 0;
  let copied = 0;
  let waitedMs = 0;
  // Drawing in the background, beside a server (OG_DRAW_GIVE_WAY=1, set by scripts/build.mjs): wait while the machine is busy.
  const giveWay = process.env.OG_DRAW_GIVE_WAY === '1' ? givingWay() : undefined;
  /** @type {((tree: unknown) => Promise<Buffer>) | undefined} */
  let draw;
  for (const p of queue.pictures) {
    if (existsSync(target(queue, p))) continue;
    if (!existsSync(cached(queue, p))) {
      if (drawn >= limit) continue;
      draw ??= await drawer(queue);
      if (giveWay) waitedMs += await giveWay();
      writeAtomic(cached(queue, p), await draw(withLogo(queue, p.tree)), join(queue.cacheDir, '.tmp'));
      drawn++;
    } else copied++;
    stillThere(outDir);
    copyAtomic(cached(queue, p), target(queue, p), join(outDir, 'og-tmp'));
  }
  process.stdout.write(`${JSON.stringify({ drawn, copied, waitedMs })}\n`);
}

/**
 * The one drawing code: satori lays a picture's tree out to SVG, resvg turns it into a PNG. Used by the
 * batches here and by renderOgImage (draw.ts) for pictures drawn on the calling thread.
 * @param {Pick<Queue, 'width' | 'height' | 'fonts'>} queue @returns {Promise<(tree: unknown) => Promise<Buffer>>}
 */
export async function drawer(queue) {
  const [{ default: satori }, { Resvg }] = await Promise.all([import('satori'), import('@resvg/resvg-js')]);
  const fonts = queue.fonts.map(({ path, ...f }) => ({ ...f, data: readFileSync(path) }));
  return async (tree) => {
    // @ts-expect-error satori wants a React node; the plain object tree is what JSX would produce.
    const svg = await satori(tree, { width: queue.width, height: queue.height, fonts });
    return new Resvg(svg, { fitTo: { mode: 'width', value: queue.width }, font: { loadSystemFonts: false } }).render().asPng();
  };
}

/** @param {string} outDir @returns {Promise<{ drawn: number; copied: number; waitedMs: number; exit: number | null }>} */
function runBatch(outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=256', fileURLToPath(import.meta.url), '--batch', outDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (exit) => {
      const last = out.trim().split('\n').pop();
      resolve({ drawn: 0, copied: 0, waitedMs: 0, ...(last?.startsWith('{') ? JSON.parse(last) : {}), exit });
    });
  });
}

/** Works through the queue in batches until every picture is in og/. @param {string} outDir */
export async function drawQueue(outDir) {
  const started = performance.now();
  const queue = readQueue(outDir);
  if (!queue) return { pictures: 0, drawn: 0, copied: 0, seconds: 0, waitedSeconds: 0 };
  // Left by a run that was killed: half-written copies nobody reads.
  rmSync(join(outDir, 'og-tmp'), { recursive: true, force: true });
  let drawn = 0;
  let waitedMs = 0;
  // A rebuild with few changes: most pictures come from the cache, copied here without starting a batch.
  let copied = copyCached(queue, outDir);
  while (queue.pictures.some((p) => !existsSync(target(queue, p)))) {
    const batch = await runBatch(outDir);
    if (batch.exit !== 0) throw new Error(`Teilbilder: Zeichenprozess endete mit Code ${batch.exit}`);
    drawn += batch.drawn;
    copied += batch.copied;
    waitedMs += batch.waitedMs;
    if (batch.drawn < BATCH) break;
  }
  const missing = queue.pictures.filter((p) => !existsSync(target(queue, p))).length;
  if (missing > 0) throw new Error(`Teilbilder: ${missing} Bilder fehlen nach dem Zeichnen`);
  rmSync(join(outDir, 'og-tmp'), { recursive: true, force: true });
  return { pictures: queue.pictures.length, drawn, copied, seconds: (performance.now() - started) / 1000, waitedSeconds: waitedMs / 1000 };
}

const [mode, dir] = process.argv[2] === '--batch' ? ['batch', process.argv[3]] : ['queue', process.argv[2]];
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!dir) {
    console.error('Aufruf: node src/adapters/og/draw-queue.mjs <Build-Ordner>');
    process.exit(2);
  }
  // Readers come first: the lowest priority, for this process's scheduling group too when it runs detached
  // beside a server (children inherit both).
  runInBackground(0, DRAW_NICE);
  try {
    if (mode === 'batch') await drawBatch(dir, BATCH);
    else {
      const { pictures, drawn, copied, seconds, waitedSeconds } = await drawQueue(dir);
      const gaveWay = waitedSeconds > 0 ? `, davon ${waitedSeconds.toFixed(1)} s anderen Prozessen den Vortritt gelassen` : '';
      console.log(`[og] ${pictures} Teilbilder in og/, ${drawn} gezeichnet, ${copied} aus dem Cache, in ${seconds.toFixed(1)} s${gaveWay}`);
    }
  } catch (error) {
    // The build folder was removed meanwhile (an older publish cleaned up): nothing left to draw for.
    if (!existsSync(dir)) process.exit(0);
    console.error(`[og] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
