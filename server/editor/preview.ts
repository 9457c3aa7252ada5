/** The preview build, under /redaktion/vorschau/: the last preview's static files, for signed-in editors only. */
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import type { RequestContext } from '../http';
import { setStaticFileHeaders } from '../security-headers';
import type { Middleware } from '../site';
import type { Publisher } from './publisher';
import { editorPaths } from '@/lib/editor/paths';
import { redirect } from './session';

export const PREVIEW_BASE = editorPaths.preview;

/** `notFound` answers a path the preview build does not have. */
export function createPreview(publisher: Publisher, notFound: (res: ServerResponse) => void) {
  const previewStatic = new Map<string, Middleware>();

  /** Serves the preview build; false = hand the (rewritten) request on to the live site. */
  return function preview(ctx: RequestContext): boolean {
    const dir = publisher.previewDir;
    if (!dir) {
      redirect(ctx.res, `${editorPaths.dashboard}#vorschau`);
      return true;
    }
    let serve = previewStatic.get(dir);
    if (!serve) {
      previewStatic.clear();
      serve = sirv(join(dir, 'client'), { dev: false, gzip: true, setHeaders: setStaticFileHeaders }) as Middleware;
      previewStatic.set(dir, serve);
    }
    const original = ctx.req.url ?? '/';
    ctx.req.url = `/${original.slice(PREVIEW_BASE.length)}`;
    // The preview's comment counts ask the live API (a draft simply has none).
    if (ctx.req.url.startsWith('/api/comments')) return false;
    serve(ctx.req, ctx.res, () => {
      ctx.req.url = original;
      notFound(ctx.res);
    });
    return true;
  };
}
