/**
 * `npm run bench` – measures the site against its budgets and against baselines built in the same run,
 * writes a Markdown report to stdout and bench/report.md, and exits 1 when a budget fails.
 * `npm run bench -- --smoke`: 100 articles and short loads (CI); time budgets are shown but not enforced,
 * memory budgets are (they do not depend on the machine's speed), so a memory regression fails CI.
 * One module per section in scripts/bench/ (build, weight, search, comments, limiter, login, og, publish, sites); rows go through report.ts.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SIZES, SMOKE, WORK, wants } from './bench/context';
import { exitCode, failures, writeReport } from './bench/report';
import { buildScaling, buildSite } from './bench/build';
import { pageWeight } from './bench/weight';
import { searchBench } from './bench/search';
import { commentBench } from './bench/comments';
import { limiterBench } from './bench/limiter';
import { loginFloodBench } from './bench/login';
import { publishBench } from './bench/publish';
import { ogBench } from './bench/og';
import { sitesBench } from './bench/sites';
import { launchBrowser } from '../tests/helpers/browser';
import { startServer } from '../tests/helpers/server';

async function main() {
  mkdirSync(WORK, { recursive: true });
  console.error(`Benchmark${SMOKE ? ' (Smoke, Budgets nur informativ)' : ''} – ${new Date().toISOString()}`);
  const dist = wants('build') ? await buildScaling() : join(WORK, `site-${SIZES[0]}`);

  const realSite = join(WORK, 'site-real');
  if (wants('build') || wants('weight') || ((wants('limiter') || wants('login')) && !existsSync(realSite)))
    await buildSite(join(ROOT, 'content'), realSite);
  if (wants('weight') || wants('search')) {
    const real = await startServer({ COMMENTS_DB: join(WORK, 'weight.db') }, realSite);
    const generated = await startServer({ COMMENTS_DB: join(WORK, 'search.db') }, dist);
    const browser = await launchBrowser();
    try {
      if (wants('weight')) await pageWeight(browser, real.url);
      if (wants('search')) await searchBench(browser, generated.url, `${SIZES[0]} Beiträge`);
    } finally {
      await browser.close();
      await real.stop();
      await generated.stop();
    }
  }
  const threads = Array.from({ length: 20 }, (_, i) => `beitrag-${i + 1}`);
  if (wants('comments')) await commentBench(dist, threads);
  if (wants('limiter')) await limiterBench(realSite, 'whatsapp-im-unternehmen');
  if (wants('login')) await loginFloodBench(realSite);
  if (wants('og')) await ogBench();
  if (wants('publish')) await publishBench();
  if (wants('sites')) await sitesBench();

  writeReport();
  process.exit(exitCode(failures(), SMOKE));
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
