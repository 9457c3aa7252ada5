/**
 * Reads the sites folder from disk (node:fs) and loads each site's guild.config.ts (a dynamic import):
 * the list of guilds one installation serves, each validated by the same schema as src/guild.config.ts.
 * A broken site becomes a problem with a German message naming its file and field; the others are unaffected.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { de } from '../../i18n/de';
import { format } from '../../i18n/format';
import { ConfigError, parseGuildConfig } from '../../lib/config/schema';
import { SITE_CONFIG_FILE, SITE_CONTENT_DIR } from '../../lib/config/data-paths';
import { hostOfSiteUrl, kennungProblem, withUniqueHosts, type SiteEntry, type SiteList, type SiteProblem } from '../../lib/sites/sites';

/** Paths in messages: relative to the project folder when inside it. */
export function shown(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** The site folders below `dir` (names only, sorted); none when the folder does not exist (the single-guild layout). */
export function siteFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isDirectory())
    .sort();
}

/** Is this installation several guilds? Only when the sites folder holds at least one site folder. */
export function hasSites(dir: string): boolean {
  return siteFolders(dir).length > 0;
}

/**
 * A config file's default export. The file's time and size in the module's address: a config the Verwaltung rewrote
 * is loaded again by the running server (Node keeps every module it imported by its address).
 */
export async function importSiteConfig(file: string): Promise<unknown> {
  const { mtimeMs, size } = statSync(file);
  return ((await import(/* @vite-ignore */ `${pathToFileURL(file).href}?v=${mtimeMs}-${size}`)) as { default?: unknown }).default;
}

/** Loads and validates one site; the problem says which file and which field. */
export async function readSite(dir: string, kennung: string, root: string): Promise<SiteEntry | SiteProblem> {
  const folder = join(dir, kennung);
  const badKennung = kennungProblem(kennung);
  if (badKennung) return { kennung, message: badKennung };
  const file = join(folder, SITE_CONFIG_FILE);
  const name = shown(root, file);
  if (!existsSync(file)) return { kennung, message: format(de.sites.configMissing, { file: name }) };
  const contentDir = join(folder, SITE_CONTENT_DIR);
  if (!existsSync(join(contentDir, 'posts')))
    return { kennung, message: format(de.sites.contentMissing, { folder: shown(root, contentDir) }) };
  let raw: unknown;
  try {
    raw = await importSiteConfig(file);
  } catch (error) {
    return { kennung, message: format(de.sites.configUnreadable, { file: name, reason: (error as Error).message }) };
  }
  try {
    const config = parseGuildConfig(raw, name);
    return { kennung, host: hostOfSiteUrl(config.siteUrl), configFile: name, contentDir, config };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { kennung, message: [format(de.sites.configInvalid, { file: name }), ...error.problems.map((p) => `  - ${p}`)].join('\n') };
  }
}

/** Every site below `dir`: the servable ones and, by name, those that are not (broken config, a host used twice). */
export async function readSites(dir: string, root: string): Promise<SiteList> {
  const results = await Promise.all(siteFolders(dir).map((kennung) => readSite(dir, kennung, root)));
  const sites = results.filter((r): r is SiteEntry => 'config' in r);
  const problems = results.filter((r): r is SiteProblem => !('config' in r));
  return withUniqueHosts({ sites, problems });
}
