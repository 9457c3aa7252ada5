/**
 * Writes a new site's folder (node:fs): sites/<kennung>/guild.config.ts from the template and an empty posts
 * folder. The checks come first and are the caller's (src/lib/sites/new-site.ts); this only writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SITE_CONFIG_FILE, SITE_CONTENT_DIR } from '@/lib/config/data-paths';
import { newSiteConfigSource } from '@/lib/sites/template';
import type { ImpressumValues } from '@/lib/sites/impressum';

/** Creates `<sitesDir>/<kennung>/`; returns the config file's path. */
export function writeSiteFolder(sitesDir: string, root: string, site: { kennung: string; host: string; name?: string; impressum?: ImpressumValues }): string {
  const folder = join(sitesDir, site.kennung);
  mkdirSync(join(folder, SITE_CONTENT_DIR, 'posts'), { recursive: true });
  writeFileSync(join(folder, SITE_CONTENT_DIR, 'posts', '.gitkeep'), '');
  const file = join(folder, SITE_CONFIG_FILE);
  writeFileSync(file, newSiteConfigSource(site.kennung, site.host, schemaImportFrom(folder, root), site.name, site.impressum));
  return file;
}

/** The import path from a site folder to src/lib/config/schema, as its config file writes it. */
export function schemaImportFrom(folder: string, root: string): string {
  const schema = relative(folder, join(root, 'src', 'lib', 'config', 'schema'))
    .split('\\')
    .join('/');
  return schema.startsWith('.') ? schema : `./${schema}`;
}
