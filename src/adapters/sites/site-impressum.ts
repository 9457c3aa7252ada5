/**
 * Writes a completed Impressum into an existing site's config file (node:fs, issue 26): the config as the file
 * exports it (before the schema's defaults), the typed values laid over it (src/lib/sites/impressum.ts withImpressum),
 * written back in the form a new site's config has (src/lib/sites/template.ts). The checks are the caller's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_CONFIG_FILE } from '@/lib/config/data-paths';
import type { GuildConfigInput } from '@/lib/config/schema';
import { withImpressum, type ImpressumValues } from '@/lib/sites/impressum';
import { siteConfigSource } from '@/lib/sites/template';
import { schemaImportFrom } from './create-site';
import { importSiteConfig } from './read-sites';

/** Rewrites sites/<kennung>/guild.config.ts with `values`; returns the file's text before, to put back if need be. */
export async function writeSiteImpressum(sitesDir: string, root: string, site: { kennung: string; host: string }, values: ImpressumValues): Promise<string> {
  const folder = join(sitesDir, site.kennung);
  const file = join(folder, SITE_CONFIG_FILE);
  const before = readFileSync(file, 'utf8');
  const raw = (await importSiteConfig(file)) as GuildConfigInput;
  writeFileSync(file, siteConfigSource(site.kennung, site.host, schemaImportFrom(folder, root), withImpressum(raw, values)));
  return before;
}

/** Puts a config file's earlier text back (a rewrite the schema refused). */
export function restoreSiteConfig(sitesDir: string, kennung: string, text: string): void {
  writeFileSync(join(sitesDir, kennung, SITE_CONFIG_FILE), text);
}
