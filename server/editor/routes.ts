/**
 * The editor's doors: the login, the dashboard (/redaktion/), Keystatic (/keystatic, its API),
 * publishing and the preview. Every one of them is closed without a session; reader pages never
 * see a cookie (the session cookie is scoped to the editor's paths). The parts live beside this
 * file: session.ts (cookie, login, logout), api.ts, preview.ts, app.ts (the Keystatic app).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { de } from '@/i18n/de';
import { json, type RouteHandler } from '../http';
import type { Log } from '../log';
import type { SiteHolder } from '../site';
import { keystaticProxy, publishHistory, publishRequest, publishStatus } from './api';
import { createEditorApp } from './app';
import { KeystaticApi } from './keystatic-api';
import { PREVIEW_BASE, createPreview } from './preview';
import type { Publisher } from './publisher';
import { createSessions, escapeHtml, isSameOrigin, redirect, type LoginPage } from './session';
import type { EditorStore } from './store';
import { LoginThrottle } from './throttle';

export { PREVIEW_BASE } from './preview';
export { COOKIE, COOKIE_PATHS, isSameOrigin } from './session';

const t = de.editor;

export interface EditorRoutesOptions {
  store: EditorStore;
  publisher: Publisher;
  sites: SiteHolder;
  contentDir: string;
  editorDir: string;
  log: Log;
  /** Passed in so the server's test hook can read what it holds. */
  throttle?: LoginThrottle;
  now?: () => number;
}

export function createEditorRoutes(options: EditorRoutesOptions): RouteHandler {
  const { store, publisher, sites, contentDir } = options;
  const now = options.now ?? Date.now;
  const keystatic = new KeystaticApi(contentDir);
  const app = createEditorApp(options.editorDir);
  setInterval(() => store.purgeSessions(now()), 60 * 60 * 1000).unref();

  /** A page the reader build rendered (with the site's layout), read from the current build. */
  const pageCache = new Map<string, string | undefined>();
  function sitePage(path: string): string | undefined {
    const file = join(sites.current.dir, 'client', path, 'index.html');
    // Read once per build (a login flood must not read the login page from disk for every answer).
    if (!pageCache.has(file)) {
      if (pageCache.size > 50) pageCache.clear();
      pageCache.set(file, existsSync(file) ? readFileSync(file, 'utf8') : undefined);
    }
    return pageCache.get(file);
  }

  function sendHtml(res: ServerResponse, status: number, html: string | Buffer | undefined, headers: Record<string, string> = {}): void {
    if (html === undefined) return json(res, 404, { error: { code: 'not_found', message: t.notFound } });
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(html);
  }

  const loginPage: LoginPage = (ctx, status, error, name = '') => {
    let html = sitePage('redaktion/anmelden');
    if (html && error) html = html.replace(/data-login-error hidden>[^<]*</, `data-login-error>${escapeHtml(error)}<`);
    if (html && name) html = html.replace(/(id="login-name")/, `$1 value="${escapeHtml(name)}"`);
    sendHtml(ctx.res, status, html);
  };
  const sessions = createSessions({ store, throttle: options.throttle ?? new LoginThrottle(now), log: options.log, now, onLogout: (id) => keystatic.forget(id), loginPage });
  const preview = createPreview(publisher, (res) => sendHtml(res, 404, sitePage('404') ?? 'Nicht gefunden'));

  return async (ctx) => {
    const { req, res, path } = ctx;
    const isApi = /^\/api\/(keystatic|redaktion)(\/|$)/.test(path);
    const isPage = /^\/(redaktion|keystatic)(\/|$)/.test(path);
    if (!isApi && !isPage) return path.startsWith('/_editor/') && app.assets(ctx);
    const secure = ctx.secure;
    if (store.accountCount() === 0) {
      if (isApi) json(res, 401, { error: { code: 'editor_off', message: `${t.offTitle}. ${t.offIntro} ${t.offCommand}` } });
      else sendHtml(res, 200, sitePage('redaktion/ohne-konto'));
      return true;
    }
    if (path === '/redaktion/anmelden/' || path === '/redaktion/anmelden') {
      if (req.method === 'POST') await sessions.login(ctx);
      else if (sessions.sessionOf(req)) redirect(res, '/redaktion/');
      else loginPage(ctx, 200);
      return true;
    }
    if (path === '/redaktion/abmelden/' && req.method === 'POST') {
      sessions.logout(ctx);
      return true;
    }
    const session = sessions.sessionOf(req);
    if (!session) {
      if (isApi) json(res, 401, { error: { code: 'unauthorized', message: t.unauthorized } });
      else redirect(res, '/redaktion/anmelden/');
      return true;
    }
    sessions.refresh(ctx, session);
    if (isApi && req.method !== 'GET' && req.method !== 'HEAD' && !isSameOrigin(req, secure)) {
      json(res, 403, { error: { code: 'forbidden_origin', message: t.forbiddenOrigin } });
    } else if (path.startsWith('/api/keystatic/')) await keystaticProxy(ctx, session, keystatic);
    else if (path === '/api/redaktion/veroeffentlichen' || path === '/api/redaktion/vorschau') publishRequest(ctx, session, publisher);
    else if (path === '/api/redaktion/status') publishStatus(ctx, publisher);
    else if (path === '/api/redaktion/verlauf') publishHistory(ctx, store);
    else if (isApi) json(res, 404, { error: { code: 'not_found', message: t.notFound } });
    else if (path.startsWith('/keystatic')) app.page(ctx);
    else if (path.startsWith(PREVIEW_BASE)) return preview(ctx);
    else if (path === '/redaktion/' || path === '/redaktion') sendHtml(res, 200, sitePage('redaktion')?.replace('data-editor-name hidden></', `data-editor-name>${escapeHtml(session.name)}</`));
    else sendHtml(res, 404, sitePage('404'));
    return true;
  };
}
