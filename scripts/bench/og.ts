import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, firstBuild } from './build';
import { ROOT, SIZES, WORK } from './context';
import { generateContent } from './generate';
import { add } from './report';

/**
 * Share-picture figures from a build's log: the og-images integration prints one line after the
 * pages, e.g. "1014 Teilbilder in og/ geschrieben, 0 davon neu gezeichnet, 0.12 s nach den Seiten".
 */
export function ogStep(output: string): { count: number; drawn: number; seconds: number } {
  const match = /(\d+) Teilbilder in og\/ geschrieben, (\d+) davon neu gezeichnet, (\d+(?:\.\d+)?) s nach den Seiten/.exec(output);
  return match ? { count: Number(match[1]), drawn: Number(match[2]), seconds: Number(match[3]) } : { count: 0, drawn: 0, seconds: 0 };
}

/**
 * What the share pictures add to a cold build at the first size: the same posts built cold with
 * and without them (OG_IMAGES=0); then a rebuild with no post changed, where every picture comes
 * from the cache (the og/ routes' times in Astro's log).
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
  const without = await buildSite(first.content, join(WORK, `site-${count}-ohne-bilder`), false, { OG_IMAGES: '0' });
  const cold = ogStep(first.output);
  const added = first.seconds - without.seconds;
  add(section, 'Build kalt mit / ohne Bilder', `${first.seconds.toFixed(1)} s / ${without.seconds.toFixed(1)} s, ${cold.count} Bilder, ${cold.drawn} gezeichnet (${cold.seconds.toFixed(1)} s davon nach den Seiten)`);
  add(section, 'Mehraufwand durch die Bilder', `${added.toFixed(1)} s = ${((100 * added) / without.seconds).toFixed(1)} %`, '≤ 10 %', added <= without.seconds * 0.1);
  rmSync(join(WORK, `site-${count}-ohne-bilder`), { recursive: true, force: true });
  // The build without pictures started cold too and emptied the picture cache: fill it again, then rebuild.
  await buildSite(first.content, first.outDir);
  const again = await buildSite(first.content, first.outDir, true);
  const warm = ogStep(again.output);
  add(section, 'Neubau ohne geänderten Beitrag (alle Bilder aus dem Cache)', `${warm.count} Bilder, ${warm.drawn} gezeichnet, in ${warm.seconds.toFixed(2)} s (Build gesamt ${again.seconds.toFixed(1)} s)`, '≤ 1 s', warm.seconds <= 1 && warm.drawn === 0 && warm.count === cold.count);
}
