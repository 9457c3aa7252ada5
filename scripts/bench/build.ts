/** Build section: cold builds of generated content against a bare Astro baseline; search index size. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateContent } from './generate';
import { median, run, type RunResult } from './measure';
import { writeBuildBaseline } from './baselines';
import { ASTRO, BUILD_ROUNDS, ROOT, SIZES, WORK } from './context';
import { add, addMemory, dirSize, kb, mb } from './report';
import { ogStep } from './og';
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
  const result = await run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--outDir', outDir], {
    cwd: ROOT,
    env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: content, ...env }),
  });
  if (result.status !== 0) throw new Error(`Build fehlgeschlagen:\n${result.output.slice(-3000)}`);
  return result;
}

/** The first size's cold build, for the share-picture section (scripts/bench/og.ts). */
export let firstBuild: { content: string; outDir: string; seconds: number; output: string } | undefined;

const perPage = (seconds: number, count: number) => `${((seconds * 1000) / count).toFixed(1)} ms/Seite`;

/**
 * Builds every size cold three times in one run: this site as `npm run build` runs it (waiting for
 * the share pictures, which are drawn after the pages), the same without share pictures
 * (OG_IMAGES=0), and bare Astro. Returns the output folder of the smallest (used by the search and comment sections).
 */
export async function buildScaling(): Promise<string> {
  let dist1000 = '';
  for (const count of SIZES) {
    const content = join(WORK, `content-${count}`);
    const plain = join(WORK, `content-${count}-plain`);
    generateContent(ROOT, content, count);
    generateContent(ROOT, plain, count, true);
    const outDir = join(WORK, `site-${count}`);
    const site = await buildSite(content, outDir);
    const og = ogStep(site.output);
    const without = await buildSite(content, join(WORK, `site-${count}-ohne-bilder`), false, { OG_IMAGES: '0' });
    rmSync(join(WORK, `site-${count}-ohne-bilder`), { recursive: true, force: true });
    const baselineDir = join(WORK, 'baseline-build');
    writeBuildBaseline(baselineDir);
    const bare = async () => {
      coldStart(baselineDir, join(baselineDir, 'dist'));
      const result = await run(process.execPath, [ASTRO, 'build', '--root', baselineDir], {
        cwd: baselineDir,
        env: childEnv({ BASELINE_CONTENT: plain }),
      });
      if (result.status !== 0) throw new Error(`Baseline-Build fehlgeschlagen:\n${result.output.slice(-3000)}`);
      return result;
    };
    const baseline = await bare();
    // Single builds of the same content swung by ±20 % on this machine (bare Astro at 1,000 posts: 17.9 s
    // to 48.1 s across runs; at 5,000 posts 135.0 s and 102.8 s): more rounds, ours and bare Astro in turn,
    // each side's median, at every size. The extra rounds do not wait for pictures (the row measures the pages).
    const rounds = { pages: [og.pagesSeconds || site.seconds], bare: [baseline.seconds] };
    for (let round = 1; round < BUILD_ROUNDS; round++) {
      const again = await buildSite(content, join(WORK, `site-${count}-runde`), false, { OG_PICTURES: 'off' });
      rounds.pages.push(ogStep(again.output).pagesSeconds || again.seconds);
      rounds.bare.push((await bare()).seconds);
    }
    rmSync(join(WORK, `site-${count}-runde`), { recursive: true, force: true });
    buildRows(count, site, og, without, baseline, rounds);
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

/** The build section's rows for one size: times against bare Astro, peak memory of each process tree. */
function buildRows(
  count: number,
  site: RunResult,
  og: ReturnType<typeof ogStep>,
  without: RunResult,
  baseline: RunResult,
  rounds: { pages: number[]; bare: number[] },
): void {
  const section = `Build ${count} Beiträge`;
  const bareSeconds = median(rounds.bare);
  const ratio = (seconds: number) => seconds / bareSeconds;
  // Pages, search index and compressed copies: what a publish waits for before it switches.
  const pages = median(rounds.pages);
  const roundsNote =
    rounds.pages.length > 1
      ? ` (Median aus ${rounds.pages.length} Runden im Wechsel mit nacktem Astro: ${rounds.pages.map((x) => x.toFixed(1)).join(' / ')} s gegen ${rounds.bare.map((x) => x.toFixed(1)).join(' / ')} s)`
      : '';
  const timeBudget = count >= 5000 ? 1.5 : 1.4;
  // CPU time beside wall-clock time: on a loaded machine (others building) it is the steadier ratio.
  const cpu = (seconds: number) => `CPU ${seconds.toFixed(1)} s = ${(seconds / baseline.cpuSeconds).toFixed(2)}x`;
  add(
    section,
    'Baseline (Astro 5, nur Markdown)',
    `${bareSeconds.toFixed(1)} s, ${perPage(bareSeconds, count)}, CPU ${baseline.cpuSeconds.toFixed(1)} s, Spitze ${mb(baseline.peakBytes)}`,
  );
  add(
    section,
    'Innungswissen: Seiten, Suchindex, Kopien (ohne auf Bilder zu warten)',
    `${pages.toFixed(1)} s = ${ratio(pages).toFixed(2)}x, ${perPage(pages, count)}; ${cpu(site.cpuSeconds - site.pictureCpuSeconds)}${roundsNote}`,
    `≤ ${timeBudget}x`,
    ratio(pages) <= timeBudget,
  );
  add(
    section,
    'Innungswissen ohne Teilbilder (OG_IMAGES=0)',
    `${without.seconds.toFixed(1)} s = ${ratio(without.seconds).toFixed(2)}x; ${cpu(without.cpuSeconds)}; Spitze ${mb(without.peakBytes)} = ${(without.peakBytes / baseline.peakBytes).toFixed(2)}x`,
  );
  add(
    section,
    'Alle Teilbilder fertig (npm run build wartet)',
    `${site.seconds.toFixed(1)} s = ${ratio(site.seconds).toFixed(2)}x; ${og.count} Bilder, ${og.drawn} gezeichnet in ${og.seconds.toFixed(1)} s nach den Seiten (niedrige Priorität, 1 Kern), CPU der Bilder ${site.pictureCpuSeconds.toFixed(1)} s`,
  );
  // The content check's share (src/integrations/content-check.ts): the part that holds Astro's start, and the
  // safety parse in its worker thread beside the build (issue 27).
  const check = /Inhaltsprüfung: (\d+) ms/.exec(site.output);
  const safety = /Sicherheitsprüfung von (\d+) Beiträgen fertig nach (\d+) ms/.exec(site.output);
  if (check) {
    add(
      section,
      'Inhaltsprüfung (kalt; hält den Start des Builds auf / Sicherheitsprüfung nebenher)',
      `${check[1]} ms${safety ? ` / ${safety[1]} Beiträge fertig nach ${safety[2]} ms` : ''}`,
    );
  }
  const peakRatio = site.peakBytes / baseline.peakBytes;
  addMemory(
    section,
    'Spitzenspeicher, ganzer Prozessbaum mit Bildern',
    `${mb(site.peakBytes)} = ${peakRatio.toFixed(2)}x Baseline`,
    '< 2048 MB',
    site.peakBytes < 2 * 1024 ** 3,
  );
  if (count >= 5000)
    addMemory(section, 'Spitzenspeicher im Verhältnis zur Baseline', `${peakRatio.toFixed(2)}x`, '≤ 1.3x', peakRatio <= 1.3);
}
