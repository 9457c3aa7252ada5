/**
 * Many-sites section (issue 26): N generated guild sites of 20 posts (30 in the full run, 3 in --smoke, or
 * --sites=N) on one installation. Rows: the time to rebuild all after a shared-content change
 * (`npm run sites -- aktualisieren`, one build at a time through the fair queue) against N × one site's plain
 * build (≤ 1.1×); the server's memory with all N loaded against one site's server (≤ 1.5× + 20 MB per extra
 * site); one site's publish through the queue while the others idle against its plain build (≤ 1.15×); reader
 * throughput on one host while another site builds against idle (≥ 0.5×). Share pictures off in every build
 * (OG_PICTURES=off), so each figure compares like with like.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { articleSource } from './generate';
import { load } from './comments';
import { median, run, type RunResult } from './measure';
import { ROOT, SMOKE, WORK } from './context';
import { add, addMemory, mb } from './report';
import { childEnv } from '../child-env';
import { BUILD_NICE } from '../../src/adapters/background-priority.mjs';
import { createBuildQueue } from '../../server/build-queue';
import { startServer, type RunningServer } from '../../tests/helpers/server';
import { releaseSharedSet } from '@/adapters/sites/shared-versions';
import { newSiteConfigSource } from '@/lib/sites/template';

const sitesArg = Number(process.argv.find((a) => a.startsWith('--sites='))?.slice(8));
const COUNT = Number.isInteger(sitesArg) && sitesArg >= 2 ? sitesArg : SMOKE ? 3 : 30;
const POSTS = 20;
const DIR = join(WORK, 'many-sites');
const SITES = join(DIR, 'sites');
const SECTION = `Mehrere Innungen (${COUNT} × ${POSTS} Beiträge)`;
const kennung = (i: number) => `innung-${i}`;
/** Made-up Impressum data for the generated sites (the Verwaltung form's fields, src/lib/sites/impressum.ts). */
const BENCH_IMPRESSUM = {
  strasse: 'Benchweg 1',
  plz: '12345',
  ort: 'Messstadt',
  telefon: '+49 123 456789',
  email: 'info@bench.innung.test',
  verantwortlich: 'Bea Bench',
  obermeister: 'Otto Messer',
  kammer: 'Handwerkskammer Messstadt',
  'kammer-anschrift': 'Kammerweg 1, 12345 Messstadt',
  'kammer-web': 'https://www.hwk-messstadt.test/',
  'dsb-name': 'Dana Daten',
  'dsb-email': 'datenschutz@bench.innung.test',
  'ds-behoerde': 'Landesbeauftragte für Datenschutz Messland',
  'ds-behoerde-web': 'https://www.datenschutz-messland.test/',
};
const host = (i: number) => `innung-${i}.bench.test`;

function env(sitesDir = SITES): Record<string, string> {
  return {
    INNUNGSWISSEN_SITES_DIR: sitesDir,
    SITES_BUILD_DIR: join(DIR, 'builds'),
    // `aktualisieren` builds into BUILDS_DIR/sites/<kennung>/ with a live pointer, as a publish does.
    BUILDS_DIR: join(DIR, 'publish-builds'),
    INNUNGSWISSEN_SHARED_CONTENT_DIR: join(DIR, 'shared'),
    INNUNGSWISSEN_SHARED_VERSIONS_DIR: join(DIR, 'versions'),
    OG_PICTURES: 'off',
  };
}

function childVars(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const vars = childEnv({ ...env(), ...extra });
  delete vars.INNUNGSWISSEN_CONTENT_DIR;
  delete vars.SITE;
  return vars;
}

/** N site folders from the `anlegen` template with 20 generated posts each, and a working copy of the shared set. */
function generateSites(): void {
  rmSync(DIR, { recursive: true, force: true });
  for (const entry of ['messengers', 'sources', 'aenderungen.yaml'])
    cpSync(join(ROOT, 'content', entry), join(DIR, 'shared', entry), { recursive: true });
  for (let i = 1; i <= COUNT; i++) {
    const folder = join(SITES, kennung(i));
    mkdirSync(join(folder, 'content', 'posts'), { recursive: true });
    // A complete Impressum: a site with sample Impressum data answers readers 503 (server/many-sites.ts).
    const config = newSiteConfigSource(kennung(i), host(i), join(ROOT, 'src/lib/config/schema'), `Innung ${i}`, BENCH_IMPRESSUM);
    writeFileSync(join(folder, 'guild.config.ts'), config);
    for (let p = 1; p <= POSTS; p++) {
      const mdx = p % 5 === 0;
      const source = articleSource(i * 100 + p, mdx).replace(/^title: "/m, `title: "Innung ${i}, `);
      writeFileSync(join(folder, 'content', 'posts', `beitrag-${p}.${mdx ? 'mdx' : 'md'}`), source);
    }
  }
}

async function plainBuild(i: number): Promise<RunResult> {
  const result = await run(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, env: childVars({ SITE: kennung(i) }) });
  if (result.status !== 0) throw new Error(`Build von ${kennung(i)} fehlgeschlagen:\n${result.output.slice(-3000)}`);
  return result;
}

/** One site's build as the queue runs it (a child build.mjs); rejects with the output's end. */
async function queuedBuild(site: string): Promise<void> {
  // As the server runs a site's publish (server/editor/publisher.ts): niced with its scheduling group, readers first.
  const result = await run(process.execPath, [join(ROOT, 'scripts/build.mjs')], {
    cwd: ROOT,
    env: childVars({ SITE: site }),
    background: BUILD_NICE,
  });
  if (result.status !== 0) throw new Error(result.output.slice(-2000));
}

/** The server's resident memory (its own process; builds are not its children here). */
function rss(server: RunningServer): number {
  const status = readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

function get(server: RunningServer, siteHost: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { Host: siteHost } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Starts a server on the given sites folder, asks every host for its home page and a post, and reads its memory. */
async function loadedServer(sitesDir: string, count: number): Promise<{ server: RunningServer; bytes: number }> {
  const server = await startServer({ ...env(sitesDir), DATA_DIR: join(DIR, `data-${count}`), DIST_DIR: '' });
  for (let i = 1; i <= count; i++)
    for (const path of ['/', '/beitraege/beitrag-1/', '/messenger-vergleich/']) {
      const status = await get(server, host(i), path);
      if (status !== 200) throw new Error(`${host(i)}${path}: ${status}`);
    }
  await new Promise((r) => setTimeout(r, 1000));
  return { server, bytes: rss(server) };
}

/** The sites' content caches (astro.config.mjs: node_modules/.astro/sites/<kennung>/): gone, every build measured here starts cold. */
function forgetBuildCaches(): void {
  for (let i = 1; i <= COUNT; i++) rmSync(join(ROOT, 'node_modules', '.astro', 'sites', kennung(i)), { recursive: true, force: true });
}

/** Cold builds of the first sites, one at a time (each with its content cache gone). */
async function coldSingles(): Promise<RunResult[]> {
  const singles: RunResult[] = [];
  for (let i = 1; i <= Math.min(COUNT, SMOKE ? 1 : 3); i++) {
    forgetBuildCaches();
    singles.push(await plainBuild(i));
  }
  return singles;
}

async function rebuildAll(): Promise<void> {
  // The denominator from several sites' cold builds, before and after the row (one build alone swung by ±15 %,
  // and the machine drifts over the five minutes the 30 builds take).
  const before = await coldSingles();
  forgetBuildCaches();
  const threema = join(DIR, 'shared', 'messengers', 'threema.yaml');
  writeFileSync(threema, readFileSync(threema, 'utf8').replace(/^name: Threema$/m, 'name: Threema (geändert)'));
  const all = await run(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/sites.ts'), 'aktualisieren'], {
    cwd: ROOT,
    env: childVars({ BUILD_CONCURRENCY: '1' }),
  });
  if (all.status !== 0) throw new Error(`aktualisieren fehlgeschlagen:\n${all.output.slice(-3000)}`);
  // The run's own output (each build's start, end and seconds, in order) for a look at where a miss comes from.
  writeFileSync(join(DIR, 'aktualisieren.log'), all.output);
  const singles = [...before, ...(await coldSingles())];
  const single = { seconds: median(singles.map((r) => r.seconds)), peakBytes: Math.max(...singles.map((r) => r.peakBytes)) };
  const ratio = all.seconds / (COUNT * single.seconds);
  // Each queued build's own time, as `aktualisieren` prints it: where the row's time goes (the builds or between them).
  const each = [...all.output.matchAll(/gebaut in ([\d.]+) s/g)].map((m) => Number(m[1]));
  const sum = each.reduce((a, b) => a + b, 0);
  const fifth = Math.max(1, Math.floor(each.length / 5));
  add(
    SECTION,
    'Ein Build einer Innung (SITE=…, kalt)',
    `${single.seconds.toFixed(1)} s (Median aus ${singles.length} Builds vor und nach der Zeile darunter: ${singles.map((r) => r.seconds.toFixed(1)).join(' / ')} s), Spitze ${mb(single.peakBytes)}`,
  );
  add(
    SECTION,
    `Alle ${COUNT} neu bauen nach Änderung am gemeinsamen Vergleich (Warteschlange, 1 zugleich)`,
    `${all.seconds.toFixed(1)} s = ${ratio.toFixed(2)}x ${COUNT} × ein Build; Spitze ${mb(all.peakBytes)}; ` +
      `je Build Median ${median(each).toFixed(1)} s (erste ${fifth}: ${median(each.slice(0, fifth)).toFixed(1)} s, letzte ${fifth}: ${median(each.slice(-fifth)).toFixed(1)} s), ` +
      `zwischen den Builds ${(all.seconds - sum).toFixed(1)} s`,
    '≤ 1.1x',
    ratio <= 1.1,
  );
}

/** Publish rounds alternate with plain builds (the shared machine drifts); each figure is the median of its rounds. */
const PUBLISH_ROUNDS = SMOKE ? 1 : 2;

async function publishAndReaders(server: RunningServer): Promise<void> {
  const queue = createBuildQueue({ concurrency: 1, build: queuedBuild });
  const [plain, queued]: [number[], number[]] = [[], []];
  for (let round = 0; round < PUBLISH_ROUNDS; round++) {
    plain.push((await plainBuild(1)).seconds);
    const started = process.hrtime.bigint();
    const result = await queue.request(kennung(1), 'veroeffentlichen');
    queued.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (result.state !== 'fertig') throw new Error(`Veröffentlichen fehlgeschlagen: ${JSON.stringify(result)}`);
  }
  const [build, seconds] = [median(plain), median(queued)];
  add(
    SECTION,
    `Veröffentlichen einer Innung über die Warteschlange, die anderen ruhen (gegen ihren Build, warm; Median aus ${PUBLISH_ROUNDS})`,
    `${seconds.toFixed(1)} s = ${(seconds / build).toFixed(2)}x (Build ${build.toFixed(1)} s)`,
    '≤ 1.15x',
    seconds / build <= 1.15,
  );

  const url = `${server.url}/`;
  const headers = { host: host(1) };
  const idle = await load(url, { headers });
  const building = queue.request(kennung(2), 'veroeffentlichen');
  await new Promise((r) => setTimeout(r, 1500)); // the build is past its start-up
  const busy = await load(url, { headers });
  const other = await building;
  const ratio = busy.rps / idle.rps;
  add(
    SECTION,
    'Leser einer Innung (GET /) während eine andere baut',
    `${busy.rps.toFixed(0)} req/s = ${ratio.toFixed(2)}x ruhig (${idle.rps.toFixed(0)} req/s), p99 ${busy.p99} ms, Fehler ${busy.errors + idle.errors}; Build ${other.state}`,
    '≥ 0.5x',
    ratio >= 0.5 && busy.errors + idle.errors === 0,
  );
}

export async function sitesBench(): Promise<void> {
  const began = Date.now();
  generateSites();
  releaseSharedSet(ROOT, env());
  await rebuildAll();

  mkdirSync(join(DIR, 'one'), { recursive: true });
  symlinkSync(join(SITES, kennung(1)), join(DIR, 'one', kennung(1)));
  const one = await loadedServer(join(DIR, 'one'), 1);
  await one.server.stop();
  const many = await loadedServer(SITES, COUNT);
  try {
    const budget = 1.5 * one.bytes + 20 * 1024 ** 2 * (COUNT - 1);
    addMemory(
      SECTION,
      `Server mit allen ${COUNT} geladen (RSS, nach Startseite, Beitrag und Vergleich je Adresse)`,
      `${mb(many.bytes)} (eine Innung: ${mb(one.bytes)})`,
      `≤ ${mb(budget)} (1.5 × eine + 20 MB je weitere)`,
      many.bytes <= budget,
    );
    await publishAndReaders(many.server);
  } finally {
    await many.server.stop();
  }
  add(SECTION, 'Dauer dieses Abschnitts', `${((Date.now() - began) / 60_000).toFixed(1)} min`);
}
