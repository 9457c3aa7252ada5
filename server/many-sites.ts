/**
 * Several guilds on one server (issue 26), started by scripts/serve.mjs when sites/ holds a site: each site is its
 * own build (dist-sites/<kennung>/, `SITE=<kennung> npm run build`, or its last publish) with its own request
 * pipeline, comment database, backups and Redaktion (server/site-editors.ts); a request goes to the site whose host
 * equals its Host header, an unknown host gets 404 and nothing of any site. A site with a broken config or no build
 * is named in the log and left out; the others run. A site created in /redaktion/verwaltung/ is served once built.
 */
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { de } from '../src/i18n/de';
import { format } from '../src/i18n/format';
import { closeDatabases, openDatabase } from '../src/adapters/comments/db';
import { startDailyBackups } from '../src/adapters/ops/backup-scheduler';
import { readSites, shown } from '../src/adapters/sites/read-sites';
import { readBackupSettings } from '../src/lib/ops/backup-settings';
import { erasureLogDays } from '../src/lib/config/notice';
import { formatReleaseReport, releaseProblems } from '../src/lib/config/release';
import { siteForHost, type SiteEntry } from '../src/lib/sites/sites';
import { readSite } from '../src/adapters/sites/read-sites';
import type { SiteSummary } from '../src/lib/editor/administration';
import { siteBackupDir, siteBuildDir, siteCommentsDbPath, sitePublishBuildsDir, sitesDir } from '@/lib/config/data-paths';
import { buildEnv } from '../scripts/child-env';
import { BUILD_NICE, runInBackground } from '../src/adapters/background-priority.mjs';
import { createLog, type Log } from './log';
import { createPipeline, plain } from './http';
import { securityHeaders } from './security-headers';
import { ROOT, readServerSettings, type ServerSettings } from './settings';
import { SiteHolder, isCompleteBuild, loadSite, readBuildInfo } from './site';
import { listen } from './listen';
import { parseTarget } from './request-path';
import { impressumProblems, releaseChecklist } from '@/lib/sites/impressum';
import { isEditorPath, editorPaths } from '@/lib/editor/paths';
import type { ReleaseProblem } from '@/lib/config/release';
import type { GuildConfig } from '@/lib/config/schema';
import { createSiteEditors, sharedSetEnv, type SiteEditor } from './site-editors';
import { createAdministration } from './site-administration';
import { createSharedPublishing } from './site-shared';
import { createImpressumEditing } from './site-impressum';
import { chooseSiteBuild as chooseLiveBuild, followLiveBuild } from './site-live-build';

process.umask(0o077);
const log = createLog(process.env.LOG_FORMAT === 'json' ? 'json' : 'text');

interface ServedSite {
  kennung: string;
  host: string;
  name: string;
  /** Its config; replaced when a completed Impressum's build is live (server/site-impressum.ts). */
  config: GuildConfig;
  holder: SiteHolder;
  editor: SiteEditor;
  commentsDb: string;
  /** The release check's problems of its config; any in the Impressum keeps it „noch nicht live“. */
  problems: ReleaseProblem[];
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  stopBackups: () => Promise<void>;
}

const dir = sitesDir(ROOT, process.env);
const served: ServedSite[] = [];
let settings: ServerSettings;
let live = false;
const administration = createAdministration({
  root: ROOT,
  sitesDir: dir,
  store: () => editors.store,
  served: () => served.map(summary),
  buildAndServe,
  shared: {
    shared: () => sharedPublishing.overview(),
    publishShared: (by) => sharedPublishing.publish(by),
    setSharedPosts: (kennung, shown, by) => sharedPublishing.setSharedPosts(kennung, shown, by),
  },
  impressum: {
    impressum: (kennung) => impressumEditing.impressum(kennung),
    updateImpressum: (kennung, values, by) => impressumEditing.updateImpressum(kennung, values, by),
  },
  log,
});
const editors = createSiteEditors({ settings: readServerSettings(), root: ROOT, sitesDir: dir, served: () => served, administration });
// „Gemeinsamen Vergleich veröffentlichen“: each following site's publisher rebuilds it through the same queue.
const sharedPublishing = createSharedPublishing({
  root: ROOT,
  served: () => served,
  queueStatus: (kennung) => editors.queue.status(kennung),
  log,
});

// Completing an Innung's Impressum in the Verwaltung: its config is rewritten, read again and rebuilt.
const impressumEditing = createImpressumEditing({ root: ROOT, sitesDir: dir, served: () => served, log });

/** A served site as the Verwaltung lists it: „noch nicht live“ with what its Impressum lacks, or live with what is open. */
function summary(site: ServedSite): SiteSummary {
  const missing = releaseChecklist(impressumProblems(site.problems));
  const open = releaseChecklist(site.problems);
  return missing.length > 0
    ? { kennung: site.kennung, host: site.host, name: site.name, state: 'incomplete', missing }
    : { kennung: site.kennung, host: site.host, name: site.name, state: 'live', ...(open.length > 0 ? { open } : {}) };
}

/** The newer of the site's own build (dist-sites/<kennung>/) and the one its live pointer names (a publish, `aktualisieren`). */
function chooseSiteBuild(kennung: string): string {
  return chooseLiveBuild(ROOT, process.env, sitePublishBuildsDir(settings.buildsDir, kennung), kennung);
}

/** A site created in the browser: built like `SITE=<kennung> npm run build`, then served without a restart. */
async function buildAndServe(kennung: string): Promise<boolean> {
  // Through the same fair queue as every site's publishes: a new site never builds beside them beyond BUILD_CONCURRENCY.
  return editors.buildTurn(kennung)(() => buildAndServeNow(kennung));
}

async function buildAndServeNow(kennung: string): Promise<boolean> {
  const outDir = siteBuildDir(ROOT, process.env, kennung);
  const env = buildEnv(process.env, {
    SITE: kennung,
    INNUNGSWISSEN_SITES_DIR: dir,
    OG_PICTURES: 'background',
    ...sharedSetEnv(process.env),
  });
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--outDir', outDir], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Readers of the sites already live first, as for every publish's build.
  if (child.pid) runInBackground(child.pid, BUILD_NICE);
  let output = '';
  const collect = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const failed = (reason: string) => {
    log('error', format(de.siteEditors.siteBuildFailed, { kennung, reason }));
    return false;
  };
  if (code !== 0) return failed(output.trim().split('\n').slice(-5).join(' '));
  const site = await readSite(dir, kennung, ROOT);
  if (!('config' in site)) return failed(site.message);
  const result = await serveSite(site, settings, live);
  if (typeof result === 'string') return failed(result);
  served.push(result);
  log('info', format(de.siteEditors.siteBuilt, { kennung, host: site.host }));
  return true;
}

/** Loads one site's build and opens its comment database; a German reason when it cannot be served. */
async function serveSite(site: SiteEntry, settings: ServerSettings, live: boolean): Promise<ServedSite | string> {
  if (live) {
    const problems = releaseProblems(site.config);
    if (problems.length > 0) return `Livebetrieb abgelehnt. ${formatReleaseReport(problems, site.configFile)}`;
  }
  const dir = chooseSiteBuild(site.kennung);
  const folder = shown(ROOT, dir);
  if (!isCompleteBuild(dir)) return format(de.sites.buildMissing, { kennung: site.kennung, folder });
  if (readBuildInfo(dir)?.site !== site.kennung) return format(de.sites.buildForOtherSite, { kennung: site.kennung, folder });
  const commentsDb = siteCommentsDbPath(settings.dataDir, site.kennung);
  try {
    openDatabase(commentsDb);
  } catch (error) {
    return `Die Kommentar-Datenbank ${commentsDb} kann nicht geöffnet werden: ${(error as Error).message}`;
  }
  const holder = new SiteHolder(await loadSite(dir));
  const siteLog: Log = (level, message, fields) => log(level, message, { innung: site.kennung, ...fields });
  const backup = readBackupSettings(
    { ...process.env, COMMENTS_BACKUP_DIR: siteBackupDir(settings.dataDir, site.kennung) },
    { keep: site.config.comments.backupKeep, daily: site.config.comments.backupDaily },
  );
  const backups = startDailyBackups({
    dbPath: commentsDb,
    dir: backup.dir,
    keep: backup.keep,
    copy: backup.daily,
    restoreKeepDays: site.config.comments.restoreKeepDays,
    erasureLogDays: erasureLogDays(site.config.comments),
    log: { info: (line) => siteLog('info', line), error: (line) => siteLog('error', line) },
  });
  const editor = editors.forSite(site, holder, siteLog);
  // `npm run sites -- aktualisieren` in another process points the site at a new build: served without a restart.
  const stopFollowing = followLiveBuild({
    kennung: site.kennung,
    builds: sitePublishBuildsDir(settings.buildsDir, site.kennung),
    holder,
    choose: () => chooseSiteBuild(site.kennung),
    log: siteLog,
  });
  return {
    kennung: site.kennung,
    host: site.host,
    name: site.config.name,
    config: site.config,
    holder,
    editor,
    commentsDb,
    problems: releaseProblems(site.config),
    handle: createPipeline({ sites: holder, trustedProxies: settings.trustedProxies, log: siteLog, handlers: [editor.handler] }),
    stopBackups: async () => {
      stopFollowing();
      backups.stop();
      await backups.done();
    },
  };
}

/** A log line per site: a config's list of problems joined into one line (the log escapes line breaks). */
function skipped(kennung: string, reason: string): void {
  const [first = '', ...rest] = reason.split('\n').map((line) => line.trim().replace(/^- /, ''));
  log('error', format(de.sites.siteSkipped, { kennung, reason: [first, rest.join('; ')].filter(Boolean).join(' ') }));
}

/** A host no site has: 404 with no page of any site, never cached. */
function unknownHost(res: ServerResponse): void {
  for (const [name, value] of securityHeaders('/api/')) res.setHeader(name, value);
  plain(res, 404, de.sites.unknownHost);
}

/**
 * A site whose Impressum still holds sample data is never live: readers get this German page with 503 (and search
 * engines are told to come back); its Redaktion and the page's styles stay reachable, so its editors can sign in.
 */
function settingUp(res: ServerResponse): void {
  for (const [name, value] of securityHeaders('/api/')) res.setHeader(name, value);
  const t = de.siteImpressum;
  res.statusCode = 503;
  res.setHeader('Retry-After', '3600');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${t.settingUpTitle}</title></head><body><main><h1>${t.settingUpTitle}</h1><p>${t.settingUpText}</p></main></body></html>`,
  );
}

/** Paths a site that is „noch nicht live“ still serves: its Redaktion and the assets its pages need. */
function openWhileSettingUp(url: string | undefined): boolean {
  // The same decoded, normalised path the pipeline routes by: „/redaktion/../impressum/“ is the Impressum.
  const target = parseTarget(url ?? '/');
  if (!target.ok) return false;
  const path = target.path;
  return isEditorPath(path) || path.startsWith(editorPaths.editorAssets) || path.startsWith('/_astro/');
}

/** A site created in the browser whose build is not finished: a short German notice, nothing else. */
function notReadyYet(res: ServerResponse): void {
  for (const [name, value] of securityHeaders('/api/')) res.setHeader(name, value);
  res.setHeader('Retry-After', '60');
  plain(res, 503, de.siteEditors.siteBuilding);
}

async function start(): Promise<void> {
  settings = readServerSettings();
  // The sites' on-demand code finds its comment database below DATA_DIR (src/adapters/comments/db-path.ts).
  process.env.DATA_DIR = settings.dataDir;
  if (process.env.COMMENTS_DB) log('warn', de.sites.commentsDbIgnored);
  live = process.argv.includes('--live') || process.env.INNUNGSWISSEN_LIVE === '1';
  const list = await readSites(dir, ROOT);
  for (const problem of list.problems) skipped(problem.kennung, problem.message);
  for (const site of list.sites) {
    try {
      const result = await serveSite(site, settings, live);
      if (typeof result === 'string') skipped(site.kennung, result);
      else served.push(result);
    } catch (error) {
      skipped(site.kennung, (error as Error).message);
    }
  }
  if (served.length === 0) {
    log('error', format(de.sites.noneServable, { folder: shown(ROOT, dir) }));
    process.exit(1);
  }
  for (const site of served) {
    log(
      'info',
      format(de.sites.siteServed, { kennung: site.kennung, host: site.host, build: site.holder.current.info.id, db: site.commentsDb }),
    );
  }
  listen(
    settings,
    log,
    (req, res) => {
      const site = siteForHost(served, req.headers.host);
      if (site) {
        if (site.problems.length > 0 && impressumProblems(site.problems).length > 0 && !openWhileSettingUp(req.url)) return settingUp(res);
        return site.handle(req, res);
      }
      if (siteForHost(administration.sites(), req.headers.host)) return notReadyYet(res);
      unknownHost(res);
    },
    {
      stopping: () => {
        for (const site of served) site.editor.stopping();
      },
      close: async () => {
        for (const site of served) await site.stopBackups();
        closeDatabases();
        editors.close();
      },
    },
  );
}

await start();
