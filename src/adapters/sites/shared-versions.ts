/**
 * Reads and writes the kept versions of the shared comparison (node:fs): which version a site builds with
 * (its sites/<kennung>/gemeinsam.json), and `releaseSharedSet`, which keeps the working copy as a new version
 * when it changed. Synchronous, so the content folder can be chosen while Astro loads its config.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { join, relative } from 'node:path';
import { sharedVersionsDir, SITE_SHARED_PIN_FILE } from '../../lib/config/data-paths';
import { parseSharedPin, SHARED_POSTS_DIR, SHARED_SET_ENTRIES, versionForSite, versionNumbers, type SharedPin } from '../../lib/sites/shared-set';
import { siteFolder } from './site-folder';
import { splitFrontMatter } from '../../lib/posts/front-matter';

type Env = Readonly<Record<string, string | undefined>>;

/** The centrally maintained working copy: INNUNGSWISSEN_SHARED_CONTENT_DIR, else <root>/content. */
export function sharedWorkingDir(root: string, env: Env = process.env): string {
  return env.INNUNGSWISSEN_SHARED_CONTENT_DIR || join(root, 'content');
}

/** The kept version numbers, ascending. */
export function keptVersions(root: string, env: Env = process.env): number[] {
  const dir = sharedVersionsDir(root, env);
  return existsSync(dir) ? versionNumbers(readdirSync(dir)) : [];
}

export function versionDir(root: string, env: Env, version: number): string {
  return join(sharedVersionsDir(root, env), String(version));
}

/** A site's gemeinsam.json, or the default (follow the newest) when it has none. */
export function readSharedPin(kennung: string, root: string, env: Env = process.env): { pin: SharedPin; file: string } {
  const file = join(siteFolder(kennung, root, env).folder, SITE_SHARED_PIN_FILE);
  const shown = relative(root, file).startsWith('..') ? file : relative(root, file);
  return { pin: existsSync(file) ? parseSharedPin(readFileSync(file, 'utf8'), shown) : {}, file: shown };
}

/** The version a site builds with and its folder; undefined before any version was kept. */
export function sharedVersionForSite(kennung: string, root: string, env: Env = process.env): { version: number; dir: string } | undefined {
  const { pin, file } = readSharedPin(kennung, root, env);
  const version = versionForSite(kennung, pin, keptVersions(root, env), file);
  return version === undefined ? undefined : { version, dir: versionDir(root, env, version) };
}

/** A fingerprint of the shared set's files (paths and bytes), to tell whether the working copy changed. */
export function fingerprint(dir: string): string {
  const hash = createHash('sha256');
  const walk = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else hash.update(`${relative(dir, path)}\0`).update(readFileSync(path));
  };
  for (const entry of SHARED_SET_ENTRIES) walk(join(dir, entry));
  return hash.digest('hex');
}

/**
 * Keeps the working copy as version n+1 when it differs from version n (or none was kept). The copy is written
 * beside and renamed into place, so a build never sees half a version.
 */
export function releaseSharedSet(root: string, env: Env = process.env): { version: number; created: boolean; dir: string } {
  const working = sharedWorkingDir(root, env);
  const kept = keptVersions(root, env);
  const newest = kept.at(-1);
  if (newest !== undefined && fingerprint(versionDir(root, env, newest)) === fingerprint(working))
    return { version: newest, created: false, dir: versionDir(root, env, newest) };
  const version = (newest ?? 0) + 1;
  const dir = versionDir(root, env, version);
  const partial = `${dir}.entsteht`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const entry of SHARED_SET_ENTRIES)
    if (existsSync(join(working, entry))) cpSync(join(working, entry), join(partial, entry), { recursive: true });
  renameSync(partial, dir);
  return { version, created: true, dir };
}

/** The shared posts of the newest kept version (the working copy before any was kept): slug and title, by slug. */
export function newestSharedPosts(root: string, env: Env = process.env): Array<{ slug: string; title: string }> {
  const newest = keptVersions(root, env).at(-1);
  const dir = join(newest === undefined ? sharedWorkingDir(root, env) : versionDir(root, env, newest), SHARED_POSTS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const front = splitFrontMatter(readFileSync(join(dir, name), 'utf8'))?.yaml ?? '';
      const title = (parseYaml(front) as { title?: unknown } | null)?.title;
      const slug = name.slice(0, -'.md'.length);
      return { slug, title: typeof title === 'string' ? title : slug };
    });
}

/** Writes the shared posts a site does not show into its gemeinsam.json, keeping its version. */
export function writeSharedOptOut(kennung: string, ohne: readonly string[], root: string, env: Env = process.env): void {
  const { pin } = readSharedPin(kennung, root, env);
  const next: SharedPin = { ...(pin.version !== undefined ? { version: pin.version } : {}), ...(ohne.length > 0 ? { ohne: [...ohne] } : {}) };
  writeFileSync(join(siteFolder(kennung, root, env).folder, SITE_SHARED_PIN_FILE), JSON.stringify(next, null, 2) + '\n');
}
