/**
 * Reads the environment (SITE, INNUNGSWISSEN_SITES_DIR, SITES_BUILD_DIR) and the sites folder: which guild a
 * build is for. `SITE=<kennung> npm run build` builds sites/<kennung>/ (its config, its posts) into its own
 * folder; without SITE the build is the single-guild layout of src/guild.config.ts and content/, as before.
 */
import { existsSync } from 'node:fs';
import { de } from '../../i18n/de';
import { format } from '../../i18n/format';
import { siteBuildDir, sitesDir } from '../../lib/config/data-paths';
import { kennungProblem, type SiteEntry } from '../../lib/sites/sites';
import { readSite, shown, siteFolders } from './read-sites';
import { buildKennung, siteFolder } from './site-folder';

type Env = Readonly<Record<string, string | undefined>>;

/** The site a build is for, loaded and validated; throws a German error naming the file and field. */
export async function siteForBuild(
  root: string,
  env: Env = process.env,
): Promise<(SiteEntry & { outDir: string; configPath: string }) | undefined> {
  const kennung = buildKennung(env);
  if (kennung === undefined) return undefined;
  const problem = kennungProblem(kennung);
  if (problem) throw new Error(problem);
  const dir = sitesDir(root, env);
  const { folder, configFile } = siteFolder(kennung, root, env);
  if (!existsSync(folder)) {
    const known = siteFolders(dir).join(', ') || de.sites.noSites;
    throw new Error(format(de.sites.unknownSite, { kennung, folder: shown(root, dir), known }));
  }
  const site = await readSite(dir, kennung, root);
  if (!('config' in site)) throw new Error(site.message);
  return { ...site, configPath: configFile, outDir: siteBuildDir(root, env, kennung) };
}
