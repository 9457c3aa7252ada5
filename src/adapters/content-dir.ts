/**
 * Reads the environment: where editors' content lives. Tests and the benchmark build generated articles from a
 * temporary folder by setting INNUNGSWISSEN_CONTENT_DIR; a site build (SITE=<kennung>) takes its posts from
 * sites/<kennung>/content; everyone else uses ./content.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildKennung, siteFolder } from './sites/site-folder';
import { readSharedPin, sharedVersionForSite } from './sites/shared-versions';
import { SHARED_POSTS_DIR } from '../lib/sites/shared-set';

/** The posts (and their pictures) of the guild being built. */
export function contentDir(): string {
  const kennung = buildKennung();
  return process.env.INNUNGSWISSEN_CONTENT_DIR || (kennung ? siteFolder(kennung, process.cwd()).contentDir : './content');
}

/**
 * The messenger comparison (messengers, sources, change log): one central copy in ./content that every site
 * shows (INNUNGSWISSEN_SHARED_CONTENT_DIR overrides it). In the single-guild layout it is the same folder as
 * the posts. A site builds with a kept version once `npm run sites -- aktualisieren` kept one: the newest, or
 * the one its gemeinsam.json names (src/adapters/sites/shared-versions.ts); it is chosen here, in this one place.
 */
export function sharedContentDir(): string {
  const kennung = buildKennung();
  const kept = kennung ? sharedVersionForSite(kennung, process.cwd()) : undefined;
  if (kept) return kept.dir;
  if (process.env.INNUNGSWISSEN_SHARED_CONTENT_DIR) return process.env.INNUNGSWISSEN_SHARED_CONTENT_DIR;
  return buildKennung() ? './content' : contentDir();
}

/**
 * The shared posts a site build shows (issue 26): the shared set's gemeinsame-beitraege/ (of the version the site
 * builds with) without those its gemeinsam.json lists under „ohne“. None for the single guild or without the folder.
 */
export function sharedPosts(): { base: string; without: string[] } | undefined {
  const kennung = buildKennung();
  if (!kennung) return undefined;
  const base = join(sharedContentDir(), SHARED_POSTS_DIR);
  if (!existsSync(base)) return undefined;
  return { base, without: readSharedPin(kennung, process.cwd()).pin.ohne ?? [] };
}
