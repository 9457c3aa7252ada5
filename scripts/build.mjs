#!/usr/bin/env node
// @ts-check
/**
 * `npm run build`: `astro build`, then the search index and the compressed copies in this process.
 * The two steps run one after the other, not inside Astro's build: Pagefind (a native program
 * reading every page) running beside the memory Astro still held needed 3.3 GB at 5,000 articles.
 * Arguments go to `astro build`, e.g. `npm run build -- --outDir /tmp/site`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from './search-index.mjs';
import { precompress } from './precompress.mjs';
import { readSealNonce, sendSeal } from './build-manifest.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outFlag = args.findIndex((a) => a === '--outDir' || a.startsWith('--outDir='));
const flag = outFlag < 0 ? undefined : (args[outFlag] ?? '');
// SITE=<kennung>: one guild of sites/ (astro.config.mjs reads its config and posts), into its own folder.
const site = process.env.SITE?.trim() || undefined;
const outDir = resolve(
  flag === undefined
    ? site
      ? await siteOutDir(site)
      : join(root, 'dist')
    : flag.includes('=')
      ? flag.slice(flag.indexOf('=') + 1)
      : (args[outFlag + 1] ?? ''),
);
if (site && flag === undefined) args.push('--outDir', outDir);

/**
 * The site's build folder, from the one module that spells data paths (TypeScript, loaded through tsx).
 * @param {string} kennung
 */
async function siteOutDir(kennung) {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: join(root, 'tsconfig.json') });
  const paths = await import('../src/lib/config/data-paths.ts');
  return paths.siteBuildDir(root, process.env, kennung);
}

/**
 * V8 sizes its heap from the machine's memory (about 4 GB on a large build machine) and lets
 * garbage from page rendering pile up towards that limit: at 5,000 articles the build reached
 * 2.6 GB although it holds far less at any time. A 1.5 GB heap makes it collect sooner, as it
 * would on a small server. Very large sites raise it with NODE_OPTIONS=--max-old-space-size=….
 */
const HEAP_MB = 1536;
const heapFlags = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : [`--max-old-space-size=${HEAP_MB}`];

// Started by the publisher: its nonce for the seal on the server code (scripts/build-manifest.mjs).
const sealNonce = readSealNonce();

const astro = spawnSync(process.execPath, [...heapFlags, join(root, 'node_modules/astro/astro.js'), 'build', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0) process.exit(astro.status ?? 1);
// server/ is final now (the steps below write client/ only): its hashes go to the publisher.
if (sealNonce) sendSeal(outDir, sealNonce);

const staticDir = existsSync(join(outDir, 'client')) ? join(outDir, 'client') : outDir;
try {
  let started = Date.now();
  const { indexed, read } = await buildSearchIndex(staticDir);
  console.log(`[search] Suchindex: ${indexed} Seiten (von ${read} gelesenen) in ${Date.now() - started} ms`);
  started = Date.now();
  const files = await precompress(staticDir);
  console.log(`[precompress] ${files} Dateien vorkomprimiert in ${Date.now() - started} ms`);
  // Written last: a folder with build-info.json is a complete build the server may switch to.
  const builtAt = new Date().toISOString();
  writeFileSync(
    join(outDir, 'build-info.json'),
    JSON.stringify({ id: builtAt.replace(/[:.]/g, '-'), builtAt, ...(site ? { site } : {}) }) + '\n',
  );
} catch (error) {
  console.error(`[build] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

/**
 * Share pictures, after everything else: the og-images integration queued them (og-queue.json);
 * src/adapters/og/draw-queue.mjs draws them niced, on one core, in batches of bounded memory. Until a
 * page's picture exists the server answers its address with the default picture (server/site.ts).
 * OG_PICTURES=wait (default) waits for them, so a static-only deployment gets every picture before
 * its files are handed over; =background leaves them drawing after this process ends (the publisher
 * switches to the new pages at once), giving way to a busy machine; =off leaves the queue for later (`node src/adapters/og/draw-queue.mjs <outDir>`).
 */
console.log(`[build] Seiten, Suchindex und komprimierte Kopien fertig nach ${(performance.now() / 1000).toFixed(1)} s`);
const pictures = process.env.OG_PICTURES ?? 'wait';
const drawQueue = join(root, 'src/adapters/og/draw-queue.mjs');
if (pictures === 'background') {
  const log = openSync(join(outDir, 'og-draw.log'), 'a');
  // Beside a server: before each picture it waits while readers (or anything else) keep the cores busy (src/adapters/og/give-way.mjs).
  const env = { ...process.env, OG_DRAW_GIVE_WAY: '1' };
  spawn(process.execPath, [drawQueue, outDir], { cwd: root, env, detached: true, stdio: ['ignore', log, log] }).unref();
} else if (pictures !== 'off') {
  const draw = spawnSync(process.execPath, [drawQueue, outDir], { cwd: root, stdio: 'inherit' });
  if (draw.status !== 0) process.exit(draw.status ?? 1);
}
