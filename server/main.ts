/**
 * The production server: the built site (static pages plus the on-demand comment routes),
 * the browser editor and its publishing, behind one set of security headers.
 * Started by `npm start` / `npm run serve` (scripts/serve.mjs loads this file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { closeDatabases, openDatabase } from '../src/adapters/comments/db';
import { hasRetiredAdminToken, readSettings } from '../src/lib/comments/settings';
import { de } from '../src/i18n/de';
import { startDailyBackups } from '../src/adapters/ops/backup-scheduler';
import { readBackupSettings } from '../src/lib/ops/backup-settings';
import { guild } from '../src/lib/config';
import { formatReleaseReport, releaseProblems } from '../src/lib/config/release';
import { erasureLogDays } from '../src/lib/config/notice';
import { createLog } from './log';
import { listen } from './listen';
import { createPipeline } from './http';
import { ROOT, readServerSettings } from './settings';
import { SiteHolder, isCompleteBuild, loadSite, readBuildInfo } from './site';
import { PREVIEW_BASE, createEditorRoutes } from './editor/routes';
import { editorPaths } from '../src/lib/editor/paths';
import { Publisher } from './editor/publisher';
import { scheduledFiles, startScheduler } from './editor/schedule';
import { EditorStore } from './editor/store';
import { editorDbPath, liveBuildPointer } from '@/lib/config/data-paths';
import { LoginThrottle } from './editor/throttle';
import { passwordChecksSoFar } from './editor/passwords';

// Databases, backups and sessions are for this user only, also when started outside systemd.
process.umask(0o077);
const log = createLog(process.env.LOG_FORMAT === 'json' ? 'json' : 'text');
let settings: ReturnType<typeof readServerSettings>;
try {
  settings = readServerSettings();
} catch (error) {
  log('error', (error as Error).message);
  process.exit(1);
}

function fatal(message: string): never {
  log('error', message);
  process.exit(1);
}

/** The newest complete build: dist/ (npm run build) or the last one the editor published. */
function isInside(parent: string, child: string): boolean {
  const path = relative(resolve(parent), resolve(child));
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}

function chooseBuild(root: string, buildsDir: string): string | undefined {
  const candidates = [join(root, 'dist')];
  try {
    const pointer = JSON.parse(readFileSync(liveBuildPointer(buildsDir), 'utf8')) as { dir?: string };
    // Only a folder inside buildsDir: a pointer written elsewhere must not make the server load other code.
    if (pointer.dir && isInside(buildsDir, pointer.dir)) candidates.push(pointer.dir);
  } catch {
    // nothing published yet
  }
  return candidates
    .filter(isCompleteBuild)
    .map((dir) => ({ dir, at: readBuildInfo(dir)?.builtAt ?? '' }))
    .sort((a, b) => b.at.localeCompare(a.at))[0]?.dir;
}

// Live mode (`npm run serve -- --live` or INNUNGSWISSEN_LIVE=1): a config that fails `npm run check:release`
// is refused, and so are settings that contradict what the legal pages say. Builds started from here (publishing)
// inherit INNUNGSWISSEN_LIVE and refuse the same way. The demo runs as before with `npm start`.
const live = process.argv.includes('--live') || process.env.INNUNGSWISSEN_LIVE === '1';
if (live) {
  process.env.INNUNGSWISSEN_LIVE = '1';
  const problems = releaseProblems(guild);
  if (problems.length > 0) fatal(`Livebetrieb abgelehnt. ${formatReleaseReport(problems)}`);
}
let commentSettings;
try {
  commentSettings = readSettings(process.env, guild.comments);
} catch (error) {
  fatal((error as Error).message);
}
// Moderation moved into the Redaktion's accounts: the old shared key is ignored, and the start says so.
if (hasRetiredAdminToken(process.env)) log('warn', de.editorPlatform.adminTokenIgnored);
if (commentSettings.moderation !== guild.comments.moderation) {
  const message = `COMMENTS_MODERATION=${commentSettings.moderation}, die Datenschutzerklärung und das Formular sagen aber „${guild.comments.moderation}“ (comments.moderation in src/guild.config.ts). Bitte angleichen.`;
  if (live) fatal(`Livebetrieb abgelehnt: ${message}`);
  log('warn', message);
}
const buildDir = settings.distDir ?? chooseBuild(ROOT, settings.buildsDir);
if (!buildDir || !isCompleteBuild(buildDir)) {
  fatal('Kein Build gefunden. Bitte zuerst „npm run build“ ausführen (oder „npm start“, das baut und startet).');
}
if (!existsSync(join(buildDir, 'client', 'pagefind'))) {
  log('warn', 'Dieser Build hat keinen Suchindex. Bitte mit „npm run build“ bauen (nicht nur „astro build“).');
}
// Open the comment database now (creating it, running migrations): a database this version
// cannot use stops the start with a clear message instead of failing a reader's request.
try {
  openDatabase(commentSettings.dbPath);
} catch (error) {
  fatal(`Die Kommentar-Datenbank ${commentSettings.dbPath} kann nicht geöffnet werden: ${(error as Error).message}`);
}
// One verified backup a day (comments.backupDaily; COMMENTS_BACKUP_DAILY=0 switches it off); copies older than
// comments.backupKeep days are deleted every hour either way. A failure is logged, the server goes on.
let backups: ReturnType<typeof startDailyBackups> | undefined;
try {
  // The Datenschutzerklärung states schedule and retention from src/guild.config.ts: those are the defaults.
  const backup = readBackupSettings(process.env, { keep: guild.comments.backupKeep, daily: guild.comments.backupDaily });
  if (backup.keep !== guild.comments.backupKeep || backup.daily !== guild.comments.backupDaily) {
    const message = `COMMENTS_BACKUP_KEEP/COMMENTS_BACKUP_DAILY (${backup.keep}, ${backup.daily ? 'an' : 'aus'}) weichen von der Datenschutzerklärung ab (comments.backupKeep ${guild.comments.backupKeep}, comments.backupDaily ${guild.comments.backupDaily ? 'an' : 'aus'} in src/guild.config.ts). Bitte angleichen.`;
    if (live) fatal(`Livebetrieb abgelehnt: ${message}`);
    log('warn', message);
  }
  backups = startDailyBackups({
    dbPath: commentSettings.dbPath,
    dir: backup.dir,
    keep: backup.keep,
    copy: backup.daily,
    restoreKeepDays: guild.comments.restoreKeepDays,
    erasureLogDays: erasureLogDays(guild.comments),
    log: { info: (line) => log('info', line), error: (line) => log('error', line) },
  });
} catch (error) {
  fatal((error as Error).message);
}
const sites = new SiteHolder(await loadSite(buildDir));

let editorStore: EditorStore;
try {
  editorStore = new EditorStore(editorDbPath(settings.dataDir));
} catch (error) {
  fatal(`Die Redaktions-Datenbank kann nicht geöffnet werden: ${(error as Error).message}`);
}
const publisher = new Publisher({
  store: editorStore,
  sites,
  root: ROOT,
  contentDir: settings.contentDir,
  buildsDir: settings.buildsDir,
  log,
  previewBase: PREVIEW_BASE,
});
// Scheduled posts: publish when a post's day has come (at start, then every night after midnight in Berlin).
const scheduler = settings.schedule
  ? startScheduler({
      contentDir: settings.contentDir,
      builtAt: () => new Date(sites.current.info.builtAt),
      publish: (due) => {
        log('info', 'Geplante Beiträge sind fällig, die Seite wird neu gebaut', { beitraege: due.map((p) => p.file).join(', ') });
        // Only the due posts and their pictures: other saved edits stay as they are live (publisher.ts).
        publisher.request('publish', 'Zeitplan', { only: scheduledFiles(due) });
      },
    })
  : undefined;
const loginThrottle = new LoginThrottle();
const editor = createEditorRoutes({
  store: editorStore,
  publisher,
  sites,
  contentDir: settings.contentDir,
  editorDir: join(ROOT, 'dist-editor'),
  log,
  throttle: loginThrottle,
  // Freigabe: only the guild config's publishApproval switches it (tests start with a fixture config).
  approval: guild.publishApproval,
});
// Tests only (INNUNGSWISSEN_TEST_HOOKS=1): SIGUSR2 prints what the login throttle holds and how many password checks ran.
if (process.env.INNUNGSWISSEN_TEST_HOOKS === '1') {
  process.on('SIGUSR2', () =>
    process.stdout.write(
      `test-hook ${JSON.stringify({ throttleKeys: loginThrottle.heldKeys(), passwordChecks: passwordChecksSoFar() })}\n`,
    ),
  );
}
const handle = createPipeline({ sites, trustedProxies: settings.trustedProxies, log, handlers: [editor] });
listen(settings, log, handle, {
  ready: (base) => {
    log(
      'info',
      `Build ${sites.current.info.id} · Kommentare: ${commentSettings.dbPath} · Moderation ${commentSettings.moderation === 'post' ? 'nachträglich (post)' : 'vor Veröffentlichung (pre)'}`,
    );
    log(
      'info',
      editorStore.accountCount() > 0
        ? `Redaktion: ${base}/redaktion/`
        : 'Redaktion: noch kein Konto. Das erste Konto legen Sie so an: npm run redaktion -- konto anlegen <Name>',
    );
    log('info', `Moderation: ${base}${editorPaths.comments} (mit einem Redaktionskonto)`);
  },
  stopping: () => {
    scheduler?.stop();
    // A running build is stopped; its request stays open in redaktion.db and runs at the next start.
    publisher.stop();
  },
  close: async () => {
    backups?.stop();
    await backups?.done();
    closeDatabases();
    editorStore.close();
  },
});
