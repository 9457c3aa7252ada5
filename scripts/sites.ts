/**
 * `npm run sites -- anlegen <kennung> <adresse>`: creates sites/<kennung>/ (its config from the template, an empty
 * posts folder), checks kennung and address (unique), and builds the site. `npm run sites -- liste`: every site
 * with its address and build. `npm run sites -- nginx`: the nginx configuration for every site. Several guilds on one installation: README „Mehrere Innungen auf einer Installation“.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { de } from '../src/i18n/de';
import { format } from '../src/i18n/format';
import { readSites, shown, siteFolders } from '../src/adapters/sites/read-sites';
import { siteBuildDir, sitesDir, SITE_CONFIG_FILE, SITE_CONTENT_DIR } from '../src/lib/config/data-paths';
import { hostProblem, kennungProblem } from '../src/lib/sites/sites';
import { newSiteConfigSource } from '../src/lib/sites/template';
import { nginxForSites } from '../src/lib/sites/nginx';
import { SITE_TIME_ZONE } from '../src/lib/posts/publish';
import { childEnv } from './child-env';

const ROOT = join(import.meta.dirname, '..');
const dir = sitesDir(ROOT, process.env);

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
  mkdirSync(join(folder, SITE_CONTENT_DIR, 'posts'), { recursive: true });
  writeFileSync(join(folder, SITE_CONTENT_DIR, 'posts', '.gitkeep'), '');
  const schema = relative(folder, join(ROOT, 'src', 'lib', 'config', 'schema'))
    .split('\\')
    .join('/');
  const file = join(folder, SITE_CONFIG_FILE);
  writeFileSync(file, newSiteConfigSource(kennung, host, schema.startsWith('.') ? schema : `./${schema}`));
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

function buildState(kennung: string): string {
  try {
    const info = JSON.parse(readFileSync(join(siteBuildDir(ROOT, process.env, kennung), 'build-info.json'), 'utf8')) as {
      builtAt?: string;
    };
    return info.builtAt ? format(de.sites.cliBuildAt, { at: dateTime(info.builtAt) }) : de.sites.cliBuildNone;
  } catch {
    return de.sites.cliBuildNone;
  }
}

async function list(): Promise<void> {
  if (siteFolders(dir).length === 0) return void console.log(format(de.sites.cliListEmpty, { folder: shown(ROOT, dir) }));
  const { sites, problems } = await readSites(dir, ROOT);
  const rows = [
    ...sites.map((site) => [site.kennung, site.host, buildState(site.kennung)]),
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

const args = process.argv.slice(2).filter((a) => a !== '--');
const [command, ...rest] = args;
const positional = rest.filter((a) => !a.startsWith('--'));
if (command === 'anlegen' && positional.length === 2) await create(positional[0]!, positional[1]!, !rest.includes('--ohne-build'));
else if (command === 'liste' && positional.length === 0) await list();
else if (command === 'nginx' && positional.length === 0) await nginx();
else fail(de.sites.cliUsage);
