/**
 * Where the data folder's files are, in one place: the comment database (COMMENTS_DB), the editor's database,
 * the builds of publishes and previews (BUILDS_DIR) and the pointer to the live build. Plain: the caller
 * hands in the project root and the environment.
 */
import { join, resolve } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

/** COMMENTS_DB when unset, relative to the working directory (the server, backup, restore and health read it so). */
export const DEFAULT_COMMENTS_DB = './data/comments.db';
/** The editor's accounts, sessions and publish log, in the data folder. */
export const EDITOR_DB_FILE = 'redaktion.db';
/** In the builds folder: `{ "dir": … }`, the build the server serves after a restart. */
export const LIVE_BUILD_POINTER = 'current.json';

export function commentsDbPath(env: Env): string {
  return env.COMMENTS_DB || DEFAULT_COMMENTS_DB;
}

/** DATA_DIR, default <root>/data. */
export function dataDir(root: string, env: Env): string {
  return resolve(env.DATA_DIR ?? join(root, 'data'));
}

/** BUILDS_DIR, default <root>/data/builds (inside the project: a build's server code loads the project's packages). */
export function buildsDir(root: string, env: Env): string {
  return resolve(env.BUILDS_DIR ?? join(root, 'data', 'builds'));
}

export function editorDbPath(data: string): string {
  return join(data, EDITOR_DB_FILE);
}

export function liveBuildPointer(builds: string): string {
  return join(builds, LIVE_BUILD_POINTER);
}

/**
 * Several guilds on one installation (issue 26). INNUNGSWISSEN_SITES_DIR, default <root>/sites: one folder per
 * guild. Without that folder the project is one guild, as before.
 */
export function sitesDir(root: string, env: Env): string {
  return resolve(env.INNUNGSWISSEN_SITES_DIR ?? join(root, 'sites'));
}

/** A site's config file and its own content folder inside its site folder. */
export const SITE_CONFIG_FILE = 'guild.config.ts';
export const SITE_CONTENT_DIR = 'content';

/**
 * SITES_BUILD_DIR, default <root>/dist-sites: `SITE=<kennung> npm run build` writes <that>/<kennung>/, the server
 * serves it. Inside the project, like dist/: a build's server code loads the project's packages.
 */
export function siteBuildDir(root: string, env: Env, kennung: string): string {
  return join(resolve(env.SITES_BUILD_DIR ?? join(root, 'dist-sites')), kennung);
}

/** A site's own data (its comment database, later its editors and backups): <data>/sites/<kennung>/. */
export function siteDataDir(data: string, kennung: string): string {
  return join(data, 'sites', kennung);
}

/** A site's comment database; COMMENTS_DB applies to the single-guild layout only. */
export function siteCommentsDbPath(data: string, kennung: string): string {
  return join(siteDataDir(data, kennung), 'comments.db');
}

/** A site's comment backups (the single guild's are COMMENTS_BACKUP_DIR). */
export function siteBackupDir(data: string, kennung: string): string {
  return join(siteDataDir(data, kennung), 'backups');
}

/** A site's publishes and previews from the Redaktion (<builds>/sites/<kennung>/, with its own live-build pointer). */
export function sitePublishBuildsDir(builds: string, kennung: string): string {
  return join(builds, 'sites', kennung);
}

/**
 * The kept versions of the shared comparison (issue 26): INNUNGSWISSEN_SHARED_VERSIONS_DIR, default
 * <root>/shared-versions, one folder <n>/ per version that `npm run sites -- aktualisieren` released.
 */
export function sharedVersionsDir(root: string, env: Env): string {
  return resolve(env.INNUNGSWISSEN_SHARED_VERSIONS_DIR ?? join(root, 'shared-versions'));
}

/** In a site folder: which version of the shared comparison the site keeps, and which shared posts it leaves out. */
export const SITE_SHARED_PIN_FILE = 'gemeinsam.json';
