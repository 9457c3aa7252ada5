/**
 * The request pipeline: reject what is not a path, set the security headers, work out the
 * client, then the editor (if the request is for it), the static files, Astro's on-demand
 * routes (with the locals a handler gave, e.g. the signed-in editor), and the 404 page.
 * No request may take the server down.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { clientAddress, isTrusted, normalizeAddress, type TrustedProxies } from './client-address';
import type { Log } from './log';
import { de } from '../src/i18n/de';
import { isEditorApiPath } from '../src/lib/editor/paths';
import { parseTarget } from './request-path';
import { securityHeaders } from './security-headers';
import type { SiteHolder } from './site';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  client: string;
  /** HTTPS: on our own socket, or reported by a trusted proxy (X-Forwarded-Proto). */
  secure: boolean;
}

/**
 * What a handler did with a request: true = answered; false = not mine (static files, then Astro);
 * `{ locals }` = Astro renders it with these locals (`Astro.locals`), without looking for a static file.
 */
export type RouteResult = boolean | { locals: App.Locals };

/** A part of the server that may answer a request itself (the editor). */
export type RouteHandler = (ctx: RequestContext) => RouteResult | Promise<RouteResult>;

export interface PipelineOptions {
  sites: SiteHolder;
  trustedProxies: TrustedProxies;
  log: Log;
  handlers?: RouteHandler[];
}

export function createPipeline({ sites, trustedProxies, log, handlers = [] }: PipelineOptions) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      // Only origin-form targets ("/path?query"), decoded and normalised once for everything after.
      const target = parseTarget(req.url ?? '');
      if (!target.ok) return json(res, 400, { error: { code: 'bad_path', message: de.serverGuard.badPath } });
      const path = target.path;
      req.url = target.url;
      for (const [name, value] of securityHeaders(path)) res.setHeader(name, value);
      const client = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
      // Astro's adapter reads the client from the first X-Forwarded-For value: give it ours.
      req.headers['x-forwarded-for'] = client;
      delete req.headers['forwarded'];
      delete req.headers['x-real-ip'];
      const viaProxy = isTrusted(trustedProxies, normalizeAddress(req.socket.remoteAddress ?? ''));
      const secure = Boolean((req.socket as TLSSocket).encrypted) || (viaProxy && req.headers['x-forwarded-proto'] === 'https');
      const ctx: RequestContext = { req, res, path, client, secure };
      const site = sites.current;
      const toAstro = (locals: App.Locals = {}) => {
        Promise.resolve(site.astro(req, res, () => notFound(req, res, path, site.notFoundPage), locals)).catch((error) =>
          fail(res, error, log),
        );
      };
      for (const handler of handlers) {
        const result = await handler(ctx);
        if (result === true) return;
        if (result !== false) return toAstro(result.locals);
      }
      if (req.method === 'GET' || req.method === 'HEAD') site.serveStatic(req, res, () => toAstro());
      else toAstro();
    } catch (error) {
      fail(res, error, log);
    }
  };
}

/** Nothing here: the 404 page for a page request, German JSON for an editor API, plain text otherwise. */
function notFound(req: IncomingMessage, res: ServerResponse, path: string, page: Buffer | undefined): void {
  if (isEditorApiPath(path)) return json(res, 404, { error: { code: 'not_found', message: de.editor.notFound } });
  res.statusCode = 404;
  if (page && (req.method === 'GET' || req.method === 'HEAD')) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(req.method === 'HEAD' ? undefined : page);
  } else plain(res, 404, 'Nicht gefunden');
}

export function plain(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A client that went away mid-request is not an error of ours: one quiet line, no stack. */
export function isClientAbort(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (
    code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNABORTED' || (error as Error)?.message === 'aborted'
  );
}

export function fail(res: ServerResponse, error: unknown, log: Log): void {
  if (isClientAbort(error)) log('info', 'Anfrage vom Client abgebrochen');
  else log('error', 'Fehler bei einer Anfrage', { fehler: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  if (!res.headersSent) plain(res, 500, 'Interner Fehler');
  else res.destroy();
}
