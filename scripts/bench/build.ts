/** Build section: cold builds of generated content against a bare Astro baseline; search index size. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateContent } from './generate';
import { run } from './measure';
import { writeBuildBaseline } from './baselines';
import { ASTRO, ROOT, SIZES, SMOKE, WORK } from './context';
import { add, dirSize, kb, mb } from './report';
import { childEnv } from '../child-env';

/** Both builds start cold, as on a fresh clone or in CI: no output folder to empty, no content cache. */
function coldStart(projectRoot: string, outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(join(projectRoot, 'node_modules', '.astro'), { recursive: true, force: true });
}

export async function buildSite(content: string, outDir: string, warm = false, env: Record<string, string> = {}) {
  if (warm) rmSync(outDir, { recursive: true, force: true });
  else coldStart(ROOT, outDir);
  // The command `npm run build` runs: Astro, then the search index and the compressed copies.
  const result = await run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--outDir', outDir], { cwd: ROOT, env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: content, ...env }) });
  if (result.status !== 0) throw new Error(`Build fehlgeschlagen:\n${result.output.slice(-3000)}`);
  return result;
}

/** Builds every size; returns the output folder of the smallest (used by the search and comment sections). */
/** The first size's cold build, for the share-picture section (scripts/bench/og.ts). */
export let firstBuild: { content: string; outDir: string; seconds: number; output: string } | undefined;

export async function buildScaling(): Promise<string> {
  let dist1000 = '';
  for (const count of SIZES) {
    const content = join(WORK, `content-${count}`);
    const plain = join(WORK, `content-${count}-plain`);
    generateContent(ROOT, content, count);
    generateContent(ROOT, plain, count, true);
    const outDir = join(WORK, `site-${count}`);
    const site = await buildSite(content, outDir);
    const baselineDir = join(WORK, 'baseline-build');
    writeBuildBaseline(baselineDir);
    coldStart(baselineDir, join(baselineDir, 'dist'));
    const baseline = await run(process.execPath, [ASTRO, 'build', '--root', baselineDir], { cwd: baselineDir, env: childEnv({ BASELINE_CONTENT: plain }) });
    if (baseline.status !== 0) throw new Error(`Baseline-Build fehlgeschlagen:\n${baseline.output.slice(-3000)}`);
    const ratio = site.seconds / baseline.seconds;
    const section = `Build ${count} Beiträge`;
    add(section, 'Innungswissen (mit Suchindex)', `${site.seconds.toFixed(1)} s, ${((site.seconds * 1000) / count).toFixed(1)} ms/Seite, Spitze ${mb(site.peakBytes)}`);
    add(section, 'Baseline (Astro 5, nur Markdown)', `${baseline.seconds.toFixed(1)} s, ${((baseline.seconds * 1000) / count).toFixed(1)} ms/Seite, Spitze ${mb(baseline.peakBytes)}`);
    add(section, 'Verhältnis zur Baseline', `${ratio.toFixed(2)}x`, '≤ 1.5x', ratio <= 1.5);
    if (count >= 5000 || SMOKE) add(section, 'Spitzenspeicher', mb(site.peakBytes), '< 2048 MB', site.peakBytes < 2 * 1024 ** 3);
    const indexLine = /Suchindex: (\d+) Seiten \(von \d+ gelesenen\) in (\d+) ms/.exec(site.output);
    if (indexLine) add(`Suche ${count} Beiträge`, 'Indexzeit', `${indexLine[2]} ms für ${indexLine[1]} Seiten`);
    add(`Suche ${count} Beiträge`, 'Indexgröße auf der Platte', kb(dirSize(join(outDir, 'client', 'pagefind'))));
    if (count === SIZES[0]) {
      dist1000 = outDir;
      firstBuild = { content, outDir, seconds: site.seconds, output: site.output };
    }
    rmSync(plain, { recursive: true, force: true });
  }
  return dist1000;
}
