// @ts-check
// Draws share pictures off the main thread, so they render on the second core while Astro renders
// pages on the first. Plain JavaScript: Node loads this file as it is (see render.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';

/** @typedef {{ name: string; path: string; weight: 400 | 700; style: 'normal' }} FontFile */
const fonts = /** @type {FontFile[]} */ (workerData.fonts).map((f) => ({ ...f, data: readFileSync(f.path) }));
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

port.on('message', async ({ id, tree, width, height }) => {
  try {
    const svg = await satori(tree, { width, height, fonts });
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();
    port.postMessage({ id, png }, [/** @type {ArrayBuffer} */ (png.buffer)]);
  } catch (error) {
    port.postMessage({ id, error: String(error instanceof Error ? (error.stack ?? error) : error) });
  }
});
