/**
 * `npm run bench` – measures the site against its budgets and against baselines built in the same run,
 * writes a Markdown report to stdout and bench/report.md, and exits 1 when a budget fails.
 * `npm run bench -- --smoke`: 100 articles and short loads, budgets shown but not enforced (CI).
 */
import { mkdirSync, readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { chromium, type Browser } from 'playwright-core';
import { generateContent } from './bench/generate';
import { median, run } from './bench/measure';
import { writeBuildBaseline, writeCommentBaseline } from './bench/baselines';
import { ogRouteTime } from './bench/og';
import { childEnv } from './child-env';
import { openDatabase } from '../src/lib/comments/db';
import { CommentStore } from '../src/lib/comments/store';
import { renderComment } from '../src/lib/comments/render';
import { textHash } from '../src/lib/comments/tokens';

const ROOT = process.cwd();
const SMOKE = process.argv.includes('--smoke');
/** `--only=search,comments,weight,og` reruns sections on the builds of the last run (for working on one budget). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (section: string) => !ONLY || ONLY.includes(section);
const WORK = join(ROOT, '.tmp', 'bench');
const ASTRO = join(ROOT, 'node_modules/astro/astro.js');
const SIZES = SMOKE ? [100] : [1000, 5000];
const LOAD_SECONDS = SMOKE ? 2 : 10;
const LOAD_ROUNDS = SMOKE ? 1 : 3;
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

interface Row { section: string; figure: string; value: string; budget: string; pass: boolean | null }
const rows: Row[] = [];
const notes: string[] = [];
const add = (section: string, figure: string, value: string, budget = '–', pass: boolean | null = null) => {
  rows.push({ section, figure, value, budget, pass });
  console.error(`  ${section} · ${figure}: ${value}${budget !== '–' ? ` (Budget ${budget}: ${pass ? 'ok' : 'VERFEHLT'})` : ''}`);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => {
    const full = join(dir, name);
    return sum + (statSync(full).isDirectory() ? dirSize(full) : statSync(full).size);
  }, 0);
}

/** Both builds start cold, as on a fresh clone or in CI: no output folder to empty, no content cache. */
function coldStart(projectRoot: string, outDir: string) {
  rmSync(outDir, { recursive: true, force: true });
  rmSync(join(projectRoot, 'node_modules', '.astro'), { recursive: true, force: true });
}

async function buildSite(content: string, outDir: string, warm = false, env: Record<string, string> = {}) {
  if (warm) rmSync(outDir, { recursive: true, force: true });
  else coldStart(ROOT, outDir);
  // The command `npm run build` runs: Astro, then the search index and the compressed copies.
  const result = await run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--outDir', outDir], { cwd: ROOT, env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: content, ...env }) });
  if (result.status !== 0) throw new Error(`Build fehlgeschlagen:\n${result.output.slice(-3000)}`);
  return result;
}

// ---------------------------------------------------------------- build scaling
let firstBuild: { content: string; outDir: string; seconds: number; output: string } | undefined;

async function buildScaling(): Promise<string> {
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

// ---------------------------------------------------------------- share pictures
/**
 * What the share pictures add to a cold build at the first size: the same posts built cold with
 * and without them (OG_IMAGES=0); then a rebuild with no post changed, where every picture comes
 * from the cache (the og/ routes' times in Astro's log).
 */
async function ogBench() {
  const count = SIZES[0]!;
  if (!firstBuild) {
    const content = join(WORK, `content-${count}`);
    generateContent(ROOT, content, count);
    const outDir = join(WORK, `site-${count}`);
    const site = await buildSite(content, outDir);
    firstBuild = { content, outDir, seconds: site.seconds, output: site.output };
  }
  const section = `Teilbilder ${count} Beiträge`;
  const without = await buildSite(firstBuild.content, join(WORK, `site-${count}-ohne-bilder`), false, { OG_IMAGES: '0' });
  const drawn = ogRouteTime(firstBuild.output).count;
  const added = firstBuild.seconds - without.seconds;
  add(section, 'Build kalt mit / ohne Bilder', `${firstBuild.seconds.toFixed(1)} s / ${without.seconds.toFixed(1)} s, ${drawn} Bilder`);
  add(section, 'Mehraufwand durch die Bilder', `${added.toFixed(1)} s = ${((100 * added) / without.seconds).toFixed(1)} %`, '≤ 10 %', added <= without.seconds * 0.1);
  rmSync(join(WORK, `site-${count}-ohne-bilder`), { recursive: true, force: true });
  // The build without pictures started cold too and emptied the picture cache: fill it again, then rebuild.
  await buildSite(firstBuild.content, firstBuild.outDir);
  const again = await buildSite(firstBuild.content, firstBuild.outDir, true);
  const warm = ogRouteTime(again.output);
  add(section, 'Neubau ohne geänderten Beitrag (alle Bilder aus dem Cache)', `${warm.count} Bilder in ${warm.seconds.toFixed(2)} s (Build gesamt ${again.seconds.toFixed(1)} s)`, '≤ 1 s', warm.seconds <= 1 && warm.count === drawn);
}

// ---------------------------------------------------------------- servers
async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, cwd = ROOT): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server startet nicht:\n${log}`)), 30_000);
    const onData = (d: Buffer) => {
      log += d;
      if (ready.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`Server beendet (${code}):\n${log}`)));
  });
  child.removeAllListeners('exit');
  return child;
}

function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

// ---------------------------------------------------------------- page weight
async function pageWeight(browser: Browser, base: string) {
  const templates = [
    ['Startseite', '/'],
    ['Liste', '/beitraege/'],
    ['Artikel', '/beitraege/whatsapp-im-unternehmen/'],
    ['Vergleich', '/messenger-vergleich/'],
    ['Suche', '/suche/'],
  ] as const;
  for (const [name, path] of templates) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies: Array<{ type: string; bytes: number; gz: number }> = [];
    page.on('response', async (response) => {
      try {
        const body = await response.body();
        const type = response.request().resourceType();
        bodies.push({ type, bytes: body.length, gz: gzipSync(body).length });
      } catch {
        // redirects have no body
      }
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const blocking = await page.evaluate(() => document.querySelectorAll('head script[src]:not([type="module"]):not([async]):not([defer])').length);
    const sum = (types: string[]) => bodies.filter((b) => types.includes(b.type)).reduce((s, b) => s + b.gz, 0);
    const html = sum(['document']);
    const css = sum(['stylesheet']);
    const js = sum(['script']);
    const section = `Seitengewicht ${name}`;
    add(section, 'HTML / CSS / JS (gzip)', `${kb(html)} / ${kb(css)} / ${kb(js)}, ${bodies.length} Anfragen`);
    if (name === 'Artikel') {
      add(section, 'HTML + CSS (gzip)', kb(html + css), '≤ 30 kB', html + css <= 30 * 1024);
      add(section, 'JavaScript vor Interaktion (gzip)', kb(js), '≤ 10 kB', js <= 10 * 1024);
    }
    if (name === 'Vergleich') {
      add(section, 'HTML + CSS mit Übersicht (gzip)', kb(html + css), '≤ 35 kB', html + css <= 35 * 1024);
      add(section, 'JavaScript (gzip)', kb(js), '≤ 8 kB', js <= 8 * 1024);
    }
    add(section, 'render-blockierende Skripte', String(blocking), '0', blocking === 0);
    await context.close();
  }
}

// ---------------------------------------------------------------- search
async function searchBench(browser: Browser, base: string, label: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/beitraege/beitrag-1/`, { waitUntil: 'networkidle' });
  let transferred = 0;
  let pagefindOwn = 0;
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes();
    const size = sizes.responseBodySize + sizes.responseHeadersSize;
    transferred += size;
    if (/pagefind\.js|wasm\.|pagefind-entry/.test(request.url())) pagefindOwn += size;
  });
  await page.keyboard.press('Control+k');
  await page.keyboard.type('datenschutz');
  await page.locator('site-search [data-result-link]').first().waitFor();
  await page.waitForTimeout(500);
  const section = `Suche ${label}`;
  add(section, 'Pagefinds eigene Dateien (Baseline)', kb(pagefindOwn));
  add(section, 'Übertragen für die erste Suche', kb(transferred), '≤ 150 kB', transferred <= 150 * 1024);

  // Warm page: time from the keystroke to rendered results, against Pagefind's own search time.
  const queries = ['threema', 'messenger', 'kosten', 'baustelle', 'fotos', 'archiv', 'kundschaft', 'verschlüsselung', 'innung', 'recht', 'sicherheit'];
  await page.evaluate(() => {
    const w = window as unknown as { __t0: number; __times: number[] };
    w.__times = [];
    document.addEventListener('keydown', () => (w.__t0 = performance.now()), true);
    const status = document.querySelector('site-search [data-search-status]')!;
    new MutationObserver(() => w.__times.push(performance.now() - w.__t0)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  const uiTimes: number[] = [];
  for (const q of queries) {
    await page.fill('#site-search-input', q.slice(0, -1));
    await page.waitForTimeout(150);
    await page.evaluate(() => ((window as unknown as { __times: number[] }).__times = []));
    await page.keyboard.type(q.slice(-1));
    await page.waitForFunction(() => (window as unknown as { __times: number[] }).__times.length > 0);
    uiTimes.push(await page.evaluate(() => (window as unknown as { __times: number[] }).__times[0]!));
  }
  // A string, so the bundler running this script leaves the browser's import() alone.
  const rawTimes = (await page.evaluate(`(async (qs) => {
    const pf = await import('/pagefind/pagefind.js');
    const out = [];
    for (const q of qs) {
      const t0 = performance.now();
      const r = await pf.search(q);
      await Promise.all(r.results.slice(0, 8).map((x) => x.data()));
      out.push(performance.now() - t0);
    }
    return out;
  })(${JSON.stringify(queries)})`)) as number[];
  add(section, 'Pagefind allein: Suche + 8 Ergebnisse (Baseline, Median)', `${median(rawTimes).toFixed(1)} ms`);
  add(section, 'Tastendruck bis Ergebnis sichtbar (Median / Max.)', `${median(uiTimes).toFixed(1)} / ${Math.max(...uiTimes).toFixed(1)} ms`, '≤ 100 ms', median(uiTimes) <= 100);
  await context.close();
}

// ---------------------------------------------------------------- comments
async function load(url: string, options: Partial<autocannon.Options> = {}) {
  const result = await autocannon({ url, connections: 20, duration: LOAD_SECONDS, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}
type Load = Awaited<ReturnType<typeof load>>;

/**
 * Rounds alternate (ours, baseline, ours, …) so that drift on the shared 2-core machine hits both
 * sides; each figure is the median of its rounds. Single runs varied by ±10 % between runs.
 */
async function compareLoads(ours: () => Promise<Load>, base: () => Promise<Load>): Promise<[Load, Load]> {
  const a: Load[] = [];
  const b: Load[] = [];
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    a.push(await ours());
    b.push(await base());
  }
  const mid = (runs: Load[]): Load => ({
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  });
  return [mid(a), mid(b)];
}

async function commentBench(dist: string, threads: string[]) {
  const dbPath = join(WORK, 'comments.db');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  const store = new CommentStore(openDatabase(dbPath));
  for (let i = 0; i < 100; i++) {
    const text = `Kommentar ${i} mit **Markdown** und einem Link https://example.org/${i}`;
    const id = store.create({ thread: threads[0]!, parentId: null, author: `Person ${i}`, text, html: renderComment(text), status: 'pending', editTokenHash: 'x', textHash: textHash(text), now: Date.now() - (100 - i) * 1000 });
    store.setStatus(id, 'approved', Date.now());
  }
  const port = 4500 + Math.floor(Math.random() * 400);
  const ours = await startProcess(process.execPath, [join(ROOT, 'scripts/serve.mjs')], childEnv({ DIST_DIR: dist, PORT: String(port), HOST: '127.0.0.1', COMMENTS_DB: dbPath, COMMENTS_RATE_LIMIT: '0', COMMENTS_MIN_SUBMIT_SECONDS: '0' }), /läuft auf/);
  const baselineDir = join(WORK, 'baseline-comments');
  writeCommentBaseline(baselineDir, ROOT);
  const built = await run(process.execPath, [ASTRO, 'build', '--root', baselineDir], { cwd: baselineDir, env: childEnv() });
  if (built.status !== 0) throw new Error(`Kommentar-Baseline: Build fehlgeschlagen\n${built.output.slice(-2000)}`);
  const basePort = port + 1;
  const baseline = await startProcess(process.execPath, [join(baselineDir, 'dist/server/entry.mjs')], childEnv({ PORT: String(basePort), HOST: '127.0.0.1', COMMENTS_DB: dbPath }), /Server listening|localhost|127\.0\.0\.1/, baselineDir);
  try {
    const site = `http://127.0.0.1:${port}`;
    const bare = `http://127.0.0.1:${basePort}`;
    const token = ((await (await fetch(`${site}/api/comments/form-token`)).json()) as { token: string }).token;
    const twenty = threads.slice(0, 20).join(',');
    let n = 0;
    const postBody = (thread: string) => () => JSON.stringify({ thread, text: `Lasttest-Kommentar Nummer ${++n} ${Math.random()}`, consent: true, website: '', formToken: token });
    const cases = [
      { name: 'GET Thread mit 100 Kommentaren', ours: `${site}/api/comments?thread=${threads[0]}`, base: `${bare}/thread?thread=${threads[0]}`, min: 1.0 },
      { name: 'GET Zähler für 20 Threads', ours: `${site}/api/comments/counts?threads=${twenty}`, base: `${bare}/counts?threads=${twenty}`, min: 1.0 },
    ];
    await load(cases[0]!.ours, { duration: 1 }); // warm both
    await load(cases[0]!.base, { duration: 1 });
    for (const c of cases) {
      const [a, b] = await compareLoads(() => load(c.ours), () => load(c.base));
      report(c.name, a, b, c.min);
    }
    const postOptions = (url: string): Partial<autocannon.Options> => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A new text for every request: the same text twice would be refused as a duplicate.
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: postBody(threads[1]!)() }) }],
      url,
    });
    const [a, b] = await compareLoads(() => load(`${site}/api/comments`, postOptions(`${site}/api/comments`)), () => load(`${bare}/post`, postOptions(`${bare}/post`)));
    report('POST Kommentar (Validierung, Darstellung, dauerhaft)', a, b, 0.5);
  } finally {
    ours.kill();
    baseline.kill();
  }

  function report(name: string, a: Load, b: Load, min: number) {
    const section = `Kommentare: ${name}`;
    add(section, 'Innungswissen', `${a.rps.toFixed(0)} req/s, p50 ${a.p50} ms, p99 ${a.p99} ms${a.errors ? `, ${a.errors} Fehler` : ''}`);
    add(section, 'Baseline (nacktes Astro-Endpoint, gleiche SQL)', `${b.rps.toFixed(0)} req/s, p50 ${b.p50} ms, p99 ${b.p99} ms`);
    add(section, 'Verhältnis', `${(a.rps / b.rps).toFixed(2)}x`, `≥ ${min.toFixed(1)}x`, a.rps / b.rps >= min && a.errors === 0);
    add(section, 'p99', `${a.p99} ms`, '< 25 ms', a.p99 < 25);
  }
}

// ---------------------------------------------------------------- main
async function main() {
  mkdirSync(WORK, { recursive: true });
  console.error(`Benchmark${SMOKE ? ' (Smoke, Budgets nur informativ)' : ''} – ${new Date().toISOString()}`);
  const dist = wants('build') ? await buildScaling() : join(WORK, `site-${SIZES[0]}`);
  if (wants('og')) await ogBench();

  const realSite = join(WORK, 'site-real');
  if (wants('build') || wants('weight')) await buildSite(join(ROOT, 'content'), realSite);
  const realPort = 4900 + Math.floor(Math.random() * 90);
  const real = await startProcess(process.execPath, [join(ROOT, 'scripts/serve.mjs')], childEnv({ DIST_DIR: realSite, PORT: String(realPort), HOST: '127.0.0.1', COMMENTS_DB: join(WORK, 'weight.db') }), /läuft auf/);
  const genPort = realPort + 1;
  const generated = await startProcess(process.execPath, [join(ROOT, 'scripts/serve.mjs')], childEnv({ DIST_DIR: dist, PORT: String(genPort), HOST: '127.0.0.1', COMMENTS_DB: join(WORK, 'search.db') }), /läuft auf/);
  const browser = await launch();
  try {
    if (wants('weight')) await pageWeight(browser, `http://127.0.0.1:${realPort}`);
    if (wants('search')) await searchBench(browser, `http://127.0.0.1:${genPort}`, `${SIZES[0]} Beiträge`);
  } finally {
    await browser.close();
    real.kill();
    generated.kill();
  }
  const threads = Array.from({ length: 20 }, (_, i) => `beitrag-${i + 1}`);
  if (wants('comments')) await commentBench(dist, threads);

  const failed = rows.filter((r) => r.pass === false);
  const lines = [
    `# Benchmark-Bericht${SMOKE ? ' (Smoke: 100 Beiträge, kurze Lastläufe; Budgets nicht verbindlich)' : ''}${ONLY ? ` (nur ${ONLY.join(', ')})` : ''}`,
    '',
    `${new Date().toISOString()} · Node ${process.version} · ${(await import('node:os')).cpus().length} Kerne`,
    '',
    '| Bereich | Kennzahl | Wert | Budget | |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.section} | ${r.figure} | ${r.value} | ${r.budget} | ${r.pass === null ? '' : r.pass ? '✅' : '❌'} |`),
    '',
    ...notes,
    '',
    failed.length === 0 ? 'Alle Budgets eingehalten.' : `${failed.length} Budget(s) verfehlt: ${failed.map((f) => `${f.section} – ${f.figure}`).join('; ')}`,
    '',
  ];
  const report = lines.join('\n');
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'report.md'), report);
  console.log(report);
  process.exit(failed.length > 0 && !SMOKE ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
