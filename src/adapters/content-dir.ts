/**
 * Reads the environment: where editors' content lives. Tests and the benchmark build generated articles from a
 * temporary folder by setting INNUNGSWISSEN_CONTENT_DIR; a site build (SITE=<kennung>) takes its posts from
 * sites/<kennung>/content; everyone else uses ./content.
 */
import { buildKennung, siteFolder } from './sites/site-folder';

/** The posts (and their pictures) of the guild being built. */
export function contentDir(): string {
  const kennung = buildKennung();
  return process.env.INNUNGSWISSEN_CONTENT_DIR || (kennung ? siteFolder(kennung, process.cwd()).contentDir : './content');
}

/**
 * The messenger comparison (messengers, sources, change log): one central copy in ./content that every site
 * shows (INNUNGSWISSEN_SHARED_CONTENT_DIR overrides it). In the single-guild layout it is the same folder as
 * the posts. A site's pinned copy or override (next step of issue 26) is chosen here, in this one place.
 */
export function sharedContentDir(): string {
  if (process.env.INNUNGSWISSEN_SHARED_CONTENT_DIR) return process.env.INNUNGSWISSEN_SHARED_CONTENT_DIR;
  return buildKennung() ? './content' : contentDir();
}
