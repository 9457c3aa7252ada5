/**
 * Several guilds on one server (issue 26), started by scripts/serve.mjs when sites/ holds a site: each site is its
 * own build (dist-sites/<kennung>/, `SITE=<kennung> npm run build`) with its own request pipeline, comment
 * database and backups; a request goes to the site whose host equals its Host header, an unknown host gets 404
 * and nothing of any site. A site with a broken config or no build is named in the log and left out; the others run.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { de } from '../src/i18n/de';
import { format } from '../src/i18n/format';
import { closeDatabases, openDatabase } from '../src/adapters/comments/db';
import { startDailyBackups } from '../src/adapters/ops/backup-scheduler';
import { readSites, shown } from '../src/adapters/sites/read-sites';
import { readBackupSettings } from '../src/lib/ops/backup-settings';
import { erasureLogDays } from '../src/lib/config/notice';
import { formatReleaseReport, releaseProblems } from '../src/lib/config/release';
import { isEditorPath } from '../src/lib/editor/paths';
import { siteForHost, type SiteEntry } from '../src/lib/sites/sites';
import { siteBackupDir, siteBuildDir, siteCommentsDbPath, sitesDir } from '@/lib/config/data-paths';
import { createLog, type Log } from './log';
import { createPipeline, json, plain, type RouteHandler } from './http';
import { securityHeaders } from './security-headers';
import { ROOT, readServerSettings, type ServerSettings } from './settings';
import { SiteHolder, isCompleteBuild, loadSite, readBuildInfo } from './site';
import { listen } from './listen';

process.umask(0o077);
const log = createLog(process.env.LOG_FORMAT === 'json' ? 'json' : 'text');

interface ServedSite {
  kennung: string;
  host: string;
  holder: SiteHolder;
  commentsDb: string;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  stopBackups: () => Promise<void>;
}

/** Editors per site come next (issue 26): until then the editor's paths say so instead of offering a login. */
const editorNotYet: RouteHandler = ({ res, path }) => {
  if (!isEditorPath(path)) return false;
  if (path.startsWith('/api/')) json(res, 404, { error: { code: 'not_available', message: de.sites.editorNotYet } });
  else plain(res, 404, de.sites.editorNotYet);
  return true;
};

/** Loads one site's build and opens its comment database; a German reason when it cannot be served. */
async function serveSite(site: SiteEntry, settings: ServerSettings, live: boolean): Promise<ServedSite | string> {
  if (live) {
    const problems = releaseProblems(site.config);
    if (problems.length > 0) return `Livebetrieb abgelehnt. ${formatReleaseReport(problems, site.configFile)}`;
  }
  const dir = siteBuildDir(ROOT, process.env, site.kennung);
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
  const { comments } = site.config;
  if (comments.enabled && comments.moderation === 'pre') {
    log('warn', format(de.sites.moderationWaits, { kennung: site.kennung, days: comments.purgePendingAfterDays }));
  }
  return {
    kennung: site.kennung,
    host: site.host,
    holder,
    commentsDb,
    handle: createPipeline({ sites: holder, trustedProxies: settings.trustedProxies, log: siteLog, handlers: [editorNotYet] }),
    stopBackups: async () => {
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

async function start(): Promise<void> {
  const settings = readServerSettings();
  // The sites' on-demand code finds its comment database below DATA_DIR (src/adapters/comments/db-path.ts).
  process.env.DATA_DIR = settings.dataDir;
  if (process.env.COMMENTS_DB) log('warn', de.sites.commentsDbIgnored);
  const live = process.argv.includes('--live') || process.env.INNUNGSWISSEN_LIVE === '1';
  const dir = sitesDir(ROOT, process.env);
  const list = await readSites(dir, ROOT);
  for (const problem of list.problems) skipped(problem.kennung, problem.message);
  const served: ServedSite[] = [];
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
      if (site) return site.handle(req, res);
      unknownHost(res);
    },
    {
      close: async () => {
        for (const site of served) await site.stopBackups();
        closeDatabases();
      },
    },
  );
}

await start();
