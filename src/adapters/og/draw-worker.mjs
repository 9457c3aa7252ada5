// Draws share pictures off the main thread, so they render on the second core while Astro renders
// pages on the first. Plain JavaScript: Node loads this file as it is (see render.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';

const fonts = workerData.fonts.map((f) => ({ ...f, data: readFileSync(f.path) }));

parentPort.on('message', async ({ id, tree, width, height }) => {
  try {
    const svg = await satori(tree, { width, height, fonts });
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().asPng();
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.stack ?? error) });
  }
});
