import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, firstBuild } from './build';
import { ROOT, SIZES, WORK } from './context';
import { generateContent } from './generate';
import { add } from './report';

/**
 * Share-picture figures from a build's log: scripts/build.mjs says when pages, search index and
 * compressed copies are done, the drawing process (src/adapters/og/draw-queue.mjs) prints one line
 * when every picture is in og/, e.g. "[og] 1014 Teilbilder in og/, 0 gezeichnet, 1014 aus dem Cache, in 0.4 s".
 */
export function ogStep(output: string): { count: number; drawn: number; seconds: number; pagesSeconds: number } {
  const match = /\[og\] (\d+) Teilbilder in og\/, (\d+) gezeichnet, \d+ aus dem Cache, in (\d+(?:\.\d+)?) s/.exec(output);
  const pages = /Seiten, Suchindex und komprimierte Kopien fertig nach (\d+(?:\.\d+)?) s/.exec(output);
  return {
    ...(match ? { count: Number(match[1]), drawn: Number(match[2]), seconds: Number(match[3]) } : { count: 0, drawn: 0, seconds: 0 }),
    pagesSeconds: pages ? Number(pages[1]) : 0,
  };
}

/**
 * A rebuild at the first size with no post changed: every picture comes from the cache. (The cold
 * figures with and without pictures are rows of the build section.)
 */
export async function ogBench(): Promise<void> {
  const count = SIZES[0]!;
  let first = firstBuild;
  if (!first) {
    const content = join(WORK, `content-${count}`);
    generateContent(ROOT, content, count);
    const outDir = join(WORK, `site-${count}`);
    const site = await buildSite(content, outDir);
    first = { content, outDir, seconds: site.seconds, output: site.output };
  }
  const section = `Teilbilder ${count} Beiträge`;
  const cold = ogStep(first.output);
  // The builds without pictures and the baseline started cold too and emptied the picture cache: fill it again, then rebuild.
  await buildSite(first.content, first.outDir);
  const again = await buildSite(first.content, first.outDir, true);
  const warm = ogStep(again.output);
  add(
    section,
    'Neubau ohne geänderten Beitrag (alle Bilder aus dem Cache)',
    `${warm.count} Bilder, ${warm.drawn} gezeichnet, in ${warm.seconds.toFixed(2)} s (Build gesamt ${again.seconds.toFixed(1)} s)`,
    '≤ 1 s',
    warm.seconds <= 1 && warm.drawn === 0 && warm.count === cold.count,
  );
  rmSync(join(WORK, `site-${count}-ohne-bilder`), { recursive: true, force: true });
}
