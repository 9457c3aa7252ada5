/**
 * The Keystatic editor app (built into dist-editor/ by `npm run build:editor`): its page with a
 * policy that allows its inline scripts by hash, and its script files.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sirv from 'sirv';
import { de } from '@/i18n/de';
import { json, type RequestContext } from '../http';
import { editorContentSecurityPolicy, setStaticFileHeaders } from '../security-headers';
import type { Middleware } from '../site';

const t = de.editor;

export function createEditorApp(editorDir: string) {
  const editorPage = join(editorDir, 'keystatic', 'index.html');
  const editorAssets = existsSync(editorDir)
    ? (sirv(editorDir, { dev: false, etag: true, gzip: false, setHeaders: setStaticFileHeaders }) as Middleware)
    : undefined;
  let editorHtml: { html: Buffer; csp: string } | undefined;

  return {
    /** /keystatic…: the app's one page (Keystatic routes inside it). */
    page(ctx: RequestContext): void {
      const { res } = ctx;
      if (!existsSync(editorPage)) {
        res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><html lang="de"><meta charset="utf-8"><title>${t.title}</title><p>Der Editor ist noch nicht gebaut. Bitte auf dem Server „npm run build:editor“ ausführen.</p></html>`,
        );
        return;
      }
      if (!editorHtml) {
        const html = readFileSync(editorPage);
        const hashes = [...html.toString('utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
          (m) => `sha256-${createHash('sha256').update(m[1]!).digest('base64')}`,
        );
        editorHtml = { html, csp: editorContentSecurityPolicy(hashes) };
      }
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': editorHtml.csp });
      res.end(editorHtml.html);
    },

    /** /_editor/…: the app's scripts; nothing in them is secret (open-source Keystatic and our field rules). True if answered. */
    assets(ctx: RequestContext): boolean {
      const { req, res } = ctx;
      if (!editorAssets || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const notFound = () => json(res, 404, { error: { code: 'not_found', message: t.notFound } });
      // sirv lists the files once; a file a rebuild of the editor removed since would make its read stream throw.
      if (!existsSync(join(editorDir, ctx.path))) {
        notFound();
        return true;
      }
      editorAssets(req, res, notFound);
      return true;
    },
  };
}
