/**
 * Share pictures never hold the build. A build of the fixture content with the picture
 * queue stopped (OG_PICTURES=off) is complete without them and every og:image answers with the
 * default picture; the drawing process then draws each page's own picture, a second run draws none,
 * and a run killed half-way leaves no broken file and the next one finishes the rest. After a switch
 * to a new build whose pictures are not drawn yet, a page's address answers with its picture from
 * the build served before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse } from 'node-html-parser';
import { holdBuildLock } from '../helpers/build';
import { cachedBuild } from '../helpers/build-cache';
import { ROOT, TEST_CONTENT, TEST_RUN } from '../helpers/paths';
import { startServer, type RunningServer } from '../helpers/server';
import { tempDb } from '../helpers/comments';
import { loadSite, SiteHolder } from '../../server/site';

const OUT = join(TEST_RUN, 'og-queue');
const CLIENT = join(OUT, 'client');
const DRAW = join(ROOT, 'src/adapters/og/draw-queue.mjs');
/**
 * The drawing's picture cache: one fixed folder, emptied before the build, so the build (which counts what the
 * cache lacks) has the same inputs in every run and comes from the test-build cache (tests/helpers/build-cache.ts)
 * when nothing it reads changed.
 */
const cache = join(TEST_RUN, 'og-queue-cache');
const env = { ...process.env, OG_CACHE_DIR: cache };

interface Queued {
  name: string;
}
const queued = (): Queued[] => (JSON.parse(readFileSync(join(OUT, 'og-queue.json'), 'utf8')) as { pictures: Queued[] }).pictures;
const pictureFile = (name: string) => join(CLIENT, 'og', `${name}.png`);

/** Every built page and the address its og:image names. */
function pagesWithPictures(): Array<{ page: string; image: string }> {
  const found: Array<{ page: string; image: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && !['_astro', 'pagefind', 'og'].includes(entry.name)) walk(full);
      else if (entry.name === 'index.html') {
        const image = parse(readFileSync(full, 'utf8')).querySelector('meta[property="og:image"]')?.getAttribute('content');
        if (image) found.push({ page: `/${relative(CLIENT, dir)}`, image });
      }
    }
  };
  walk(CLIENT);
  return found;
}

/** A whole 1200 × 630 PNG: signature, size in IHDR, and the IEND chunk at its end. */
function isWholePicture(png: Buffer): boolean {
  return (
    png.length > 45 &&
    png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) &&
    png.readUInt32BE(16) === 1200 &&
    png.readUInt32BE(20) === 630 &&
    png.subarray(png.length - 8, png.length - 4).toString('latin1') === 'IEND'
  );
}

function pngsBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.png'))
    .map((f) => join(dir, f));
}

/** GET from the test server; once more on a socket the server closed while idle (its keep-alive is 5 s, the drawing test takes longer). */
async function get(path: string): Promise<Response> {
  try {
    return await fetch(`${server.url}${path}`);
  } catch {
    return fetch(`${server.url}${path}`);
  }
}

const draw = () => spawnSync(process.execPath, [DRAW, OUT], { cwd: ROOT, env, encoding: 'utf8' });

let server: RunningServer;
let buildOutput = '';
beforeAll(async () => {
  const release = await holdBuildLock();
  try {
    rmSync(cache, { recursive: true, force: true });
    mkdirSync(cache, { recursive: true });
    const result = await cachedBuild(TEST_CONTENT, OUT, { OG_PICTURES: 'off', OG_CACHE_DIR: cache });
    buildOutput = result.output;
    if (result.status !== 0) throw new Error(`Build failed:\n${result.output.slice(-3000)}`);
  } finally {
    release();
  }
  server = await startServer({ COMMENTS_DB: tempDb() }, OUT);
}, 600_000);
afterAll(async () => {
  await server?.stop();
  rmSync(cache, { recursive: true, force: true });
});

describe('share pictures drawn after the build', () => {
  it('with the queue stopped, the build is complete: pages, search index, compressed copies, and a queue of pictures', () => {
    expect(existsSync(join(OUT, 'build-info.json'))).toBe(true);
    expect(existsSync(join(CLIENT, 'index.html.gz'))).toBe(true);
    expect(existsSync(join(CLIENT, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(buildOutput).toMatch(/Suchindex: \d+ Seiten/);
    expect(pngsBelow(join(CLIENT, 'og'))).toEqual([]);
    expect(queued().map((q) => q.name)).toEqual(
      expect.arrayContaining(['startseite', 'messenger-vergleich', 'messenger/threema', 'beitraege/whatsapp-im-unternehmen']),
    );
  });

  it("every og:image answers 200 with the default picture until the page's own is drawn", async () => {
    const fallback = readFileSync(join(CLIENT, 'og-default.png'));
    const pages = pagesWithPictures().filter((p) => p.image.includes('/og/'));
    expect(pages.length).toBe(queued().length);
    for (const { page, image } of pages) {
      const response = await get(new URL(image).pathname);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type'), page).toBe('image/png');
      expect(response.headers.get('cache-control'), page).toBe('no-cache');
      expect(Buffer.from(await response.arrayBuffer()).equals(fallback), page).toBe(true);
    }
  });

  it('a drawing process killed half-way leaves no broken file; the next run finishes the rest', async () => {
    const total = queued().length;
    // Batches of two pictures: several processes, so the kill lands between or inside them.
    const child = spawn(process.execPath, [DRAW, OUT], { cwd: ROOT, env: { ...env, OG_BATCH: '2' }, detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Niced to 19: on a machine busy with other builds the first pictures can take a minute.
    for (let i = 0; i < 2400 && pngsBelow(join(CLIENT, 'og')).length < 3; i++) await sleep(50);
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    await sleep(200);
    const written = [...pngsBelow(join(CLIENT, 'og')), ...pngsBelow(cache)];
    expect(pngsBelow(join(CLIENT, 'og')).length).toBeGreaterThanOrEqual(3);
    expect(pngsBelow(join(CLIENT, 'og')).length).toBeLessThan(total);
    for (const file of written) expect(isWholePicture(readFileSync(file)), file).toBe(true);

    const done = draw();
    expect(done.status, done.stderr).toBe(0);
    const line = /\[og\] (\d+) Teilbilder in og\/, (\d+) gezeichnet/.exec(done.stdout);
    expect(Number(line?.[1])).toBe(total);
    expect(Number(line?.[2])).toBeGreaterThan(0);
    expect(Number(line?.[2])).toBeLessThan(total);
    expect(existsSync(join(OUT, 'og-tmp'))).toBe(false);
  }, 180_000);

  it("afterwards every page's own 1200 × 630 picture exists, the unchanged meta tags point at it and the server answers with it", async () => {
    const fallback = readFileSync(join(CLIENT, 'og-default.png'));
    for (const { name } of queued()) expect(isWholePicture(readFileSync(pictureFile(name))), name).toBe(true);
    for (const { page, image } of pagesWithPictures().filter((p) => p.image.includes('/og/'))) {
      const path = new URL(image).pathname;
      const own = readFileSync(join(CLIENT, path));
      expect(own.equals(fallback), page).toBe(false);
      const response = await get(path);
      expect(response.status, page).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(own), page).toBe(true);
    }
  });

  it("after a switch to a build still drawing, a page's address answers with its picture from the build served before, then with its own", async () => {
    // The next build as a publish leaves it: pages ready, no picture drawn yet.
    const next = join(TEST_RUN, 'og-queue-next');
    rmSync(next, { recursive: true, force: true });
    cpSync(OUT, next, { recursive: true });
    rmSync(join(next, 'client', 'og'), { recursive: true, force: true });
    const sites = new SiteHolder(await loadSite(OUT));
    await sites.switchTo(next);
    const http: Server = createServer((req, res) => void sites.current.serveStatic(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const at = (path: string) => fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}${path}`);
    const fallback = readFileSync(join(CLIENT, 'og-default.png'));
    try {
      const [first, second] = queued().map((q) => q.name);
      const before = readFileSync(pictureFile(first!));
      const response = await at(`/og/${first}.png`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(Buffer.from(await response.arrayBuffer()).equals(before)).toBe(true);
      // Not in the previous build either: the default picture.
      rmSync(pictureFile(second!));
      const none = await at(`/og/${second}.png`);
      expect(none.headers.get('cache-control')).toBe('no-cache');
      expect(Buffer.from(await none.arrayBuffer()).equals(fallback)).toBe(true);
      // Drawn in the new build: its own, revalidated as any file.
      const own = join(next, 'client', 'og', `${second}.png`);
      mkdirSync(dirname(own), { recursive: true });
      copyFileSync(pictureFile(first!), own);
      const drawn = await at(`/og/${second}.png`);
      expect(drawn.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expect(Buffer.from(await drawn.arrayBuffer()).equals(before)).toBe(true);
    } finally {
      await new Promise((resolve) => http.close(resolve));
      rmSync(next, { recursive: true, force: true });
    }
  });

  it('a second run draws none: every picture comes from the cache', () => {
    rmSync(join(CLIENT, 'og'), { recursive: true, force: true });
    const again = draw();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(`[og] ${queued().length} Teilbilder in og/, 0 gezeichnet, ${queued().length} aus dem Cache`);
    for (const { name } of queued()) expect(isWholePicture(readFileSync(pictureFile(name))), name).toBe(true);
  });
});
