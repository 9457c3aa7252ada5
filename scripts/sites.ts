/**
 * `npm run sites -- anlegen <kennung> <adresse>`: creates sites/<kennung>/ (its config from the template, an empty
 * posts folder), checks kennung and address (unique), and builds the site. `npm run sites -- liste`: every site
 * with its address and build. `npm run sites -- nginx`: the nginx configuration for every site.
 * `npm run sites -- aktualisieren`: keeps the shared comparison as a new version and rebuilds, through the fair
 * build queue (server/build-queue.ts), every site that follows the newest version, each into a fresh folder below
 * BUILDS_DIR/sites/<kennung>/ with its live pointer: a running server serves it without a restart. Several guilds on one installation: README „Mehrere Innungen auf einer Installation“.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { de } from '../src/i18n/de';
import { format } from '../src/i18n/format';
import { writeSiteFolder } from '../src/adapters/sites/create-site';
import { readSites, shown, siteFolders } from '../src/adapters/sites/read-sites';
import { buildsDir, siteBuildDir, sitePublishBuildsDir, sitesDir } from '../src/lib/config/data-paths';
import { hostProblem, kennungProblem } from '../src/lib/sites/sites';
import { nginxForSites } from '../src/lib/sites/nginx';
import { SITE_TIME_ZONE } from '../src/lib/posts/publish';
import { childEnv } from './child-env';
import { createBuildQueue } from '../server/build-queue';
import { discardBuild, removeOldBuilds, stamp } from '../server/editor/publisher';
import { chooseSiteBuild, pointLiveBuildAt, pointedBuild } from '../server/site-live-build';
import { isCompleteBuild, readBuildInfo } from '../server/site';
import type { Log } from '../server/log';
import { readSharedPin, releaseSharedSet, sharedVersionForSite } from '../src/adapters/sites/shared-versions';
import { sitesFollowingNewest, type SharedPin } from '../src/lib/sites/shared-set';
import type { BuildReason } from '../src/lib/sites/build-queue';
import { BUILD_NICE, runInBackground } from '../src/adapters/background-priority.mjs';

const ROOT = join(import.meta.dirname, '..');
const dir = sitesDir(ROOT, process.env);

/** The publisher's clean-up reports only failures: as warnings on stderr. */
const cliLog: Log = (_level, message, fields) => console.error(fields ? `${message} ${JSON.stringify(fields)}` : message);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function create(kennung: string, host: string, build: boolean): Promise<void> {
  const problem = kennungProblem(kennung) ?? hostProblem(host);
  if (problem) fail(problem);
  const folder = join(dir, kennung);
  if (existsSync(folder)) fail(format(de.sites.kennungTaken, { kennung, folder: shown(ROOT, folder) }));
  const { sites } = await readSites(dir, ROOT);
  const owner = sites.find((site) => site.host === host);
  if (owner) fail(format(de.sites.hostTaken, { host, kennung: owner.kennung }));
  const file = writeSiteFolder(dir, ROOT, { kennung, host });
  console.log(format(de.sites.cliCreated, { kennung, folder: shown(ROOT, folder), file: shown(ROOT, file) }));
  if (!build) return;
  console.log(format(de.sites.cliBuilding, { kennung }));
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: childEnv({ SITE: kennung }),
  });
  if (result.status !== 0) fail(format(de.sites.cliBuildFailed, { kennung, folder: shown(ROOT, folder) }));
  console.log(format(de.sites.cliBuilt, { kennung, folder: shown(ROOT, siteBuildDir(ROOT, process.env, kennung)), host }));
}

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: SITE_TIME_ZONE }).format(new Date(iso));

/** The live build's time: the newer of dist-sites/<kennung>/ and the one its live pointer names. */
function buildState(kennung: string): string {
  const live = chooseSiteBuild(ROOT, process.env, sitePublishBuildsDir(buildsDir(ROOT, process.env), kennung), kennung);
  const builtAt = readBuildInfo(live)?.builtAt;
  return builtAt ? format(de.sites.cliBuildAt, { at: dateTime(builtAt) }) : de.sites.cliBuildNone;
}

/** Which version of the shared comparison a site builds with: the newest it follows, or the one it keeps; nothing before versions exist. */
function sharedState(kennung: string): string {
  try {
    const { pin } = readSharedPin(kennung, ROOT, process.env);
    const used = sharedVersionForSite(kennung, ROOT, process.env);
    if (!used) return '';
    return format(pin.version === undefined ? de.sitesShared.listFollows : de.sitesShared.listKeeps, { version: used.version });
  } catch (error) {
    return (error as Error).message;
  }
}

async function list(): Promise<void> {
  if (siteFolders(dir).length === 0) return void console.log(format(de.sites.cliListEmpty, { folder: shown(ROOT, dir) }));
  const { sites, problems } = await readSites(dir, ROOT);
  const rows = [
    ...sites.map((site) => [site.kennung, site.host, [buildState(site.kennung), sharedState(site.kennung)].filter(Boolean).join(' · ')]),
    ...problems.map((p) => [p.kennung, de.sites.cliBroken, p.message.split('\n').join(' ')]),
  ].sort((a, b) => a[0]!.localeCompare(b[0]!));
  const widths = [0, 1].map((i) => Math.max(...rows.map((row) => row[i]!.length), 7));
  for (const row of [de.sites.cliListHeader.split(' | '), ...rows]) {
    console.log(`${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]}`);
  }
}

/** Prints one nginx configuration for every servable site (certificates: one certbot call per host). */
async function nginx(): Promise<void> {
  const { sites, problems } = await readSites(dir, ROOT);
  for (const problem of problems) console.error(format(de.sites.siteSkipped, { kennung: problem.kennung, reason: problem.message }));
  if (sites.length === 0) fail(format(de.sites.cliListEmpty, { folder: shown(ROOT, dir) }));
  process.stdout.write(nginxForSites(readFileSync(join(ROOT, 'deploy', 'nginx', 'innungswissen.conf'), 'utf8'), sites));
}

/**
 * `SITE=<kennung> scripts/build.mjs` as a child, without blocking the queue, into a fresh stamped folder below the
 * site's builds (as a publish does); on success the site's live pointer names it, and a running server switches to
 * it without a restart (server/site-live-build.ts). Older folders go as after a publish; rejects with the output's end.
 */
async function buildSite(kennung: string): Promise<void> {
  const builds = sitePublishBuildsDir(buildsDir(ROOT, process.env), kennung);
  const outDir = join(builds, stamp(Date.now()));
  mkdirSync(builds, { recursive: true });
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--outDir', outDir], {
    cwd: ROOT,
    env: childEnv({ SITE: kennung }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Beside a running server: its readers first, as for a publish's build.
  if (child.pid) runInBackground(child.pid, BUILD_NICE);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (status !== 0 || !isCompleteBuild(outDir)) {
    discardBuild(outDir, cliLog);
    throw new Error(output.trim().split('\n').slice(-6).join(' ') || `Exit-Code ${status}`);
  }
  const previous = pointedBuild(builds);
  pointLiveBuildAt(builds, outDir);
  // The new build and the one before it stay (a running server may still be switching from it); older ones go now.
  removeOldBuilds(builds, [outDir, previous], cliLog, 0);
}

/** Keeps the shared comparison as a new version (when it changed) and rebuilds every site that follows it. */
async function update(): Promise<void> {
  const release = releaseSharedSet(ROOT, process.env);
  const dirShown = shown(ROOT, release.dir);
  console.log(format(release.created ? de.sitesShared.released : de.sitesShared.unchanged, { version: release.version, folder: dirShown }));
  const { sites, problems } = await readSites(dir, ROOT);
  for (const problem of problems) console.error(format(de.sites.siteSkipped, { kennung: problem.kennung, reason: problem.message }));
  const withPins: Array<{ kennung: string; pin: SharedPin }> = [];
  for (const site of sites) {
    try {
      withPins.push({ kennung: site.kennung, pin: readSharedPin(site.kennung, ROOT, process.env).pin });
    } catch (error) {
      console.error(format(de.sites.siteSkipped, { kennung: site.kennung, reason: (error as Error).message }));
    }
  }
  const { rebuild, kept } = sitesFollowingNewest(withPins);
  for (const site of kept) console.log(format(de.sitesShared.pinnedKept, { kennung: site.kennung, version: site.pin.version! }));
  if (rebuild.length === 0) return void console.log(de.sitesShared.rebuildNone);
  const reasons: Record<BuildReason, string> = { veroeffentlichen: de.sitesShared.reasonPublish, gemeinsam: de.sitesShared.reasonShared };
  const queue = createBuildQueue({
    build: buildSite,
    onEvent: ({ kennung, status }) => {
      if (status.state === 'baut') console.log(format(de.sitesShared.buildStarted, { kennung, reason: reasons[status.reason] }));
      if (status.state === 'fertig') console.log(format(de.sitesShared.buildDone, { kennung, seconds: status.seconds.toFixed(1) }));
      if (status.state === 'fehlgeschlagen') console.error(format(de.sitesShared.buildFailed, { kennung, reason: status.message }));
    },
  });
  const names = rebuild.map((site) => site.kennung);
  console.log(format(de.sitesShared.rebuildPlan, { n: names.length, concurrency: queue.concurrency, names: names.join(', ') }));
  const results = await Promise.all(names.map((kennung) => queue.request(kennung, 'gemeinsam')));
  const failed = names.filter((_, i) => results[i]!.state === 'fehlgeschlagen');
  console.log(format(de.sitesShared.rebuildSummary, { ok: names.length - failed.length, n: names.length }));
  if (failed.length > 0) fail(format(de.sitesShared.rebuildFailedSome, { names: failed.join(', ') }));
}

const args = process.argv.slice(2).filter((a) => a !== '--');
const [command, ...rest] = args;
const positional = rest.filter((a) => !a.startsWith('--'));
if (command === 'anlegen' && positional.length === 2) await create(positional[0]!, positional[1]!, !rest.includes('--ohne-build'));
else if (command === 'liste' && positional.length === 0) await list();
else if (command === 'nginx' && positional.length === 0) await nginx();
else if (command === 'aktualisieren' && positional.length === 0) await update();
else fail(`${de.sites.cliUsage}\n${de.sitesShared.cliUsage}`);
