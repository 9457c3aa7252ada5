/**
 * Which build of a site of several guilds is live, and following it while the server runs (issue 26).
 *
 * A site's builds are its own build (dist-sites/<kennung>/, from `SITE=<kennung> npm run build` or `npm run sites --
 * anlegen`) and the stamped folders below <BUILDS_DIR>/sites/<kennung>/ with their live pointer: its Redaktion's
 * publishes (server/editor/publisher.ts) and, since this module, `npm run sites -- aktualisieren` run as a command in
 * another process. The server watches each site's builds folder (fs.watch: inotify on Linux, no cost per request and
 * no delay; checking the pointer per request would add a file-system call to every reader's request) and switches to
 * the pointer's build with the same SiteHolder.switchTo a publish uses; old folders then go as after a publish.
 */
import { mkdirSync, readFileSync, renameSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { LIVE_BUILD_POINTER, liveBuildPointer, siteBuildDir } from '@/lib/config/data-paths';
import { removeOldBuilds } from './editor/publisher';
import type { Log } from './log';
import { isCompleteBuild, readBuildInfo, type SiteHolder } from './site';

/** The build the pointer in a site's builds folder names, when it is a complete build inside that folder. */
export function pointedBuild(builds: string): string | undefined {
  try {
    const pointer = JSON.parse(readFileSync(liveBuildPointer(builds), 'utf8')) as { dir?: string };
    const rel = pointer.dir ? relative(builds, pointer.dir) : '';
    // Only a folder inside the site's builds: a pointer written elsewhere must not make the server load other code.
    if (rel && !rel.startsWith('..') && !isAbsolute(rel) && isCompleteBuild(pointer.dir!)) return pointer.dir;
  } catch {
    // nothing published yet
  }
  return undefined;
}

/** The newer of the site's own build (dist-sites/<kennung>/) and the one its live pointer names. */
export function chooseSiteBuild(root: string, env: NodeJS.ProcessEnv, builds: string, kennung: string): string {
  const built = siteBuildDir(root, env, kennung);
  const published = pointedBuild(builds);
  if (!published || !isCompleteBuild(built)) return published ?? built;
  return (readBuildInfo(published)?.builtAt ?? '') > (readBuildInfo(built)?.builtAt ?? '') ? published : built;
}

/** Points a site's builds folder at `dir` in one step (written beside, then renamed): a watcher never reads half a file. */
export function pointLiveBuildAt(builds: string, dir: string): void {
  const next = join(builds, `.${process.pid}-${LIVE_BUILD_POINTER}`);
  writeFileSync(next, JSON.stringify({ dir }) + '\n');
  renameSync(next, liveBuildPointer(builds));
}

export interface FollowOptions {
  kennung: string;
  /** The site's builds folder (<BUILDS_DIR>/sites/<kennung>/). */
  builds: string;
  holder: SiteHolder;
  /** The build that should be live now (chooseSiteBuild). */
  choose: () => string;
  log: Log;
}

/**
 * Switches the site to the build its pointer names whenever the pointer changes; returns the stop function. A
 * pointer the server's own publisher wrote names the build it already serves: nothing happens.
 */
export function followLiveBuild(options: FollowOptions): () => void {
  const { kennung, builds, holder, log } = options;
  mkdirSync(builds, { recursive: true });
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const check = async () => {
    // Only ever towards the pointer's build: a pointer read while half written (the publisher writes it in place)
    // names nothing, and must not send the site back to its older dist-sites build.
    const pointed = pointedBuild(builds);
    const dir = options.choose();
    if (!pointed || resolve(dir) !== resolve(pointed) || resolve(dir) === resolve(holder.current.dir)) return;
    if (readBuildInfo(dir)?.site !== kennung) return log('warn', 'Live-Zeiger nennt einen Build einer anderen Innung', { ordner: dir });
    await holder.switchTo(dir);
    log('info', 'Neuer Build übernommen', { build: holder.current.info.id });
    removeOldBuilds(builds, [holder.current.dir, holder.previous?.dir], log);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(builds, (_event, name) => {
      if (name !== basename(liveBuildPointer(builds))) return;
      // A few events per rename: one check after them, and never two switches at once.
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running
          .then(check)
          .catch((error: Error) => log('error', 'Umschalten auf den neuen Build fehlgeschlagen', { fehler: error.message }));
      }, 50);
    });
    watcher.on('error', (error) => log('warn', 'Live-Zeiger wird nicht mehr beobachtet', { fehler: error.message }));
  } catch (error) {
    log('warn', 'Live-Zeiger kann nicht beobachtet werden; ein Neustart übernimmt neue Builds', { fehler: (error as Error).message });
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
