/**
 * Reads the environment (SITE, INNUNGSWISSEN_SITES_DIR): which guild of sites/ a build is for, and where its
 * folder is. Loads nothing, so the content folder can be found synchronously (src/adapters/content-dir.ts).
 */
import { join } from 'node:path';
import { sitesDir, SITE_CONFIG_FILE, SITE_CONTENT_DIR } from '../../lib/config/data-paths';

type Env = Readonly<Record<string, string | undefined>>;

/** The kennung of the site being built (SITE), or undefined for the single-guild layout. */
export function buildKennung(env: Env = process.env): string | undefined {
  return env.SITE?.trim() || undefined;
}

/** A site folder's config file and content folder. */
export function siteFolder(kennung: string, root: string, env: Env = process.env) {
  const folder = join(sitesDir(root, env), kennung);
  return { folder, configFile: join(folder, SITE_CONFIG_FILE), contentDir: join(folder, SITE_CONTENT_DIR) };
}
