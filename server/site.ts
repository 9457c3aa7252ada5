/**
 * A built site: its static files and its on-demand routes (comments API, editor pages) from
 * Astro's Node adapter in middleware mode. The server holds one current site and can switch to
 * a new build at once: a request keeps the site it started with, so none sees a half-switch.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';
import { setStaticFileHeaders } from './security-headers';
import { withSharePictures } from './share-pictures';

export type NextFn = (error?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: NextFn) => void | Promise<void>;
/** The node adapter's handler: a middleware that also takes the request's `Astro.locals`. */
export type AstroHandler = (req: IncomingMessage, res: ServerResponse, next: NextFn, locals?: App.Locals) => void | Promise<void>;

export interface BuildInfo {
  /** Unique per build, e.g. 2026-11-30T14-02-11-123Z. */
  id: string;
  builtAt: string;
  /** The site of several guilds it was built for (`SITE=<kennung> npm run build`); absent for the single guild. */
  site?: string;
}

export interface Site {
  dir: string;
  info: BuildInfo;
  serveStatic: Middleware;
  astro: AstroHandler;
  notFoundPage: Buffer | undefined;
}

export const BUILD_INFO_FILE = 'build-info.json';

export function readBuildInfo(dir: string): BuildInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(join(dir, BUILD_INFO_FILE), 'utf8')) as Partial<BuildInfo>;
    if (typeof info.id === 'string' && typeof info.builtAt === 'string') {
      return { id: info.id, builtAt: info.builtAt, ...(typeof info.site === 'string' ? { site: info.site } : {}) };
    }
  } catch {
    // A build from before build-info.json: fall back to the entry file's time.
  }
  const entry = join(dir, 'server', 'entry.mjs');
  if (!existsSync(entry)) return undefined;
  const time = statSync(entry).mtime.toISOString();
  return { id: time.replace(/[:.]/g, '-'), builtAt: time };
}

export function isCompleteBuild(dir: string): boolean {
  return existsSync(join(dir, 'server', 'entry.mjs')) && existsSync(join(dir, 'client'));
}

/**
 * Starts loading a build's on-demand code before the build has finished (its search index and
 * compressed copies are still being written): `loadSite` then finds the module already loaded,
 * so the switch after a publish does not wait for it. A failure here is reported by `loadSite`.
 */
export function preloadSite(dirPath: string): void {
  const entry = join(resolve(dirPath), 'server', 'entry.mjs');
  if (existsSync(entry)) import(pathToFileURL(entry).href).catch(() => undefined);
}

/** `previousDir`: the build served before this one, whose share pictures stand in while this build draws its own. */
export async function loadSite(dirPath: string, previousDir?: string): Promise<Site> {
  const dir = resolve(dirPath);
  if (!isCompleteBuild(dir)) throw new Error(`Kein vollständiger Build in ${dir}. Bitte zuerst „npm run build“ ausführen.`);
  const clientDir = join(dir, 'client');
  // Each build's entry is its own module URL, so a new build brings its own on-demand code.
  const entry = (await import(pathToFileURL(join(dir, 'server', 'entry.mjs')).href)) as { handler?: AstroHandler };
  if (typeof entry.handler !== 'function') {
    throw new Error('Der Build stammt aus einer älteren Version (Astro-Adapter nicht im Middleware-Modus). Bitte neu bauen: npm run build');
  }
  const files = sirv(clientDir, {
    gzip: true,
    etag: true,
    dev: false,
    setHeaders(res, pathname) {
      setStaticFileHeaders(res, pathname);
      if (res.hasHeader('Cache-Control')) return;
      // Hashed assets never change; pages and the search index are revalidated.
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
      );
    },
  }) as Middleware;
  const serveStatic = withSharePictures(clientDir, files, previousDir && join(previousDir, 'client'));
  const notFound = join(clientDir, '404.html');
  return {
    dir,
    info: readBuildInfo(dir)!,
    serveStatic,
    astro: entry.handler,
    notFoundPage: existsSync(notFound) ? readFileSync(notFound) : undefined,
  };
}

/**
 * Each build's Astro handler adds its own process 'unhandledRejection' listener when its code loads (the node
 * adapter's createAppHandler): after ten publishes Node warned MaxListenersExceededWarning, and the old
 * builds' listeners stayed for ever. Only the two newest (the current and the previous build) are kept.
 */
function forgetOldRenderListeners(): void {
  const astro = process.listeners('unhandledRejection').filter((listener) => String(listener).includes('while rendering'));
  for (const old of astro.slice(0, -2)) process.off('unhandledRejection', old);
}

/** The site being served; `switchTo` replaces it for every request that starts afterwards. */
export class SiteHolder {
  #current: Site;
  #previous: Site | undefined;

  constructor(site: Site) {
    this.#current = site;
  }

  get current(): Site {
    return this.#current;
  }

  get previous(): Site | undefined {
    return this.#previous;
  }

  async switchTo(dir: string): Promise<Site> {
    const next = await loadSite(dir, this.#current.dir);
    this.#previous = this.#current;
    this.#current = next;
    forgetOldRenderListeners();
    return next;
  }
}
