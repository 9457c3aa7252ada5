/**
 * Share pictures (/og/….png) are drawn after the build, while the site is already served (see
 * src/adapters/og/draw-queue.mjs), so they are looked up on disk at each request (sirv lists the
 * files once, at the start). A page's address answers with the best picture there is:
 * 1. its own, once drawn;
 * 2. else the same page's picture in the build served before this one (after a publish the new
 *    build draws for a minute; a share in that minute still shows the page, not the guild's logo);
 * 3. else the site's default picture.
 * A stand-in (2 or 3) is sent with no-cache, so a crawler asks again and gets the page's own picture.
 */
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Middleware } from './site';
import { setStaticFileHeaders } from './security-headers';

const SHARE_PICTURE = /^\/og\/[a-z0-9][a-z0-9_-]*(?:\/[a-z0-9][a-z0-9_-]*)*\.png$/i;

export type PictureSource = 'own' | 'previous' | 'default';

/** The file to answer /og/….png with, and where it came from; undefined when not even the default exists. */
export function sharePictureFile(
  path: string,
  clientDir: string,
  previousClientDir?: string,
): { file: string; size: number; source: PictureSource } | undefined {
  const candidates: Array<[string | undefined, PictureSource]> = [
    [join(clientDir, path), 'own'],
    [previousClientDir && join(previousClientDir, path), 'previous'],
    [join(clientDir, 'og-default.png'), 'default'],
  ];
  for (const [file, source] of candidates) {
    if (!file) continue;
    try {
      const stat = statSync(file);
      if (stat.isFile()) return { file, size: stat.size, source };
    } catch {
      // not there (yet): the next candidate
    }
  }
  return undefined;
}

/**
 * Answers share-picture addresses of the build in `clientDir` (see above); everything else goes to
 * `files`. `previousClientDir` is the client folder of the build served before (none after a restart).
 */
export function withSharePictures(clientDir: string, files: Middleware, previousClientDir?: string): Middleware {
  return (req, res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!SHARE_PICTURE.test(path)) return files(req, res, next);
    const found = sharePictureFile(path, clientDir, previousClientDir);
    if (!found) return files(req, res, next);
    setStaticFileHeaders(res, path);
    res.setHeader('Content-Type', 'image/png');
    res.setHeader('Content-Length', found.size);
    // A stand-in for a picture that is still being drawn: not cached, asked again next time.
    res.setHeader('Cache-Control', found.source === 'own' ? 'public, max-age=0, must-revalidate' : 'no-cache');
    if (req.method === 'HEAD') return void res.end();
    // The previous build's folder may be removed by the publish after next while a reader downloads: the stream's error ends the answer.
    createReadStream(found.file).on('error', next).pipe(res);
  };
}
