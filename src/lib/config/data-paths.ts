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
