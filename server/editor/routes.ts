/**
 * The editor's doors: the login, the dashboard (/redaktion/), Keystatic (/keystatic, its API),
 * publishing and the preview. Every one of them is closed without a session; reader pages never
 * see a cookie (the session cookie is scoped to the editor's paths).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { MAX_EDITOR_REQUEST_BYTES } from '@/lib/editor/uploads';
import { json, type RequestContext, type RouteHandler } from '../http';
import type { Log } from '../log';
import { editorContentSecurityPolicy, setStaticFileHeaders } from '../security-headers';
import type { Middleware, SiteHolder } from '../site';
import { KeystaticApi } from './keystatic-api';
import { REQUEST_TOO_LARGE } from './update-guard';
import { DUMMY_HASH, verifyPassword } from './passwords';
import type { Publisher } from './publisher';
import { SESSION_IDLE_MS, type EditorStore, type LiveSession } from './store';
import { BUSY_HOLD_MS, BUSY_RETRY_SECONDS, LoginThrottle } from './throttle';

const t = de.editor;
const g = de.serverGuard;
export const COOKIE = 'redaktion_sitzung';
/** The session cookie goes to these paths only; reader pages never receive it. */
export const COOKIE_PATHS = ['/redaktion', '/keystatic', '/api/keystatic', '/api/redaktion'];
export const PREVIEW_BASE = '/redaktion/vorschau/';
const MAX_BODY = MAX_EDITOR_REQUEST_BYTES;

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

function cookieValue(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}

function sessionCookies(value: string, secure: boolean, maxAgeSeconds: number): string[] {
  return COOKIE_PATHS.map((path) => `${COOKIE}=${value}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`);
}

/** The request comes from a page of this site (Origin, or Sec-Fetch-Site where there is no Origin). */
export function isSameOrigin(req: IncomingMessage, secure: boolean): boolean {
  const origin = req.headers.origin;
  if (origin) return origin === `${secure ? 'https' : 'http'}://${req.headers.host}`;
  return req.headers['sec-fetch-site'] === 'same-origin';
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('too_large');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  res.writeHead(303, { Location: location });
  res.end();
}

export function createEditorRoutes(options: EditorRoutesOptions): RouteHandler {
  const { store, publisher, sites, contentDir, editorDir } = options;
  const now = options.now ?? Date.now;
  const log = options.log;
  const throttle = options.throttle ?? new LoginThrottle(now);
  let busyRefusals = 0;
  let busyLoggedAt = -Infinity;
  const keystatic = new KeystaticApi(contentDir);
  const editorPage = join(editorDir, 'keystatic', 'index.html');
  const editorAssets = existsSync(editorDir) ? (sirv(editorDir, { dev: false, etag: true, gzip: false, setHeaders: setStaticFileHeaders }) as Middleware) : undefined;
  let editorHtml: { html: Buffer; csp: string } | undefined;
  const previewStatic = new Map<string, Middleware>();
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

  function loginPage(res: ServerResponse, status: number, error?: string, name = '', headers: Record<string, string> = {}): void {
    let html = sitePage('redaktion/anmelden');
    if (html && error) html = html.replace(/data-login-error hidden>[^<]*</, `data-login-error>${escapeHtml(error)}<`);
    if (html && name) html = html.replace(/(id="login-name")/, `$1 value="${escapeHtml(name)}"`);
    sendHtml(res, status, html, headers);
  }

  /** A refused login: a short page with the reason, cheap to send however many arrive. */
  function refusal(res: ServerResponse, status: number, message: string, retryAfter: number): void {
    sendHtml(res, status, `<!doctype html><html lang="de"><meta charset="utf-8"><title>${t.loginTitle}</title><p>${escapeHtml(message)}</p><p><a href="/redaktion/anmelden/">${t.loginTitle}</a></p></html>`, {
      'Retry-After': String(retryAfter),
    });
  }

  function sessionOf(req: IncomingMessage): { id: string; name: string; live: LiveSession } | undefined {
    const id = cookieValue(req);
    const live = id ? store.liveSession(id, now()) : undefined;
    return id && live ? { id, name: live.name, live } : undefined;
  }

  async function login(ctx: RequestContext, secure: boolean): Promise<void> {
    const { req, res } = ctx;
    if (!isSameOrigin(req, secure)) return loginPage(res, 403, t.loginOrigin);
    const body = await readBody(req, 16 * 1024);
    const form = new URLSearchParams(body === 'too_large' ? '' : body.toString('utf8'));
    const name = (form.get('name') ?? '').trim().slice(0, 80);
    const password = form.get('passwort') ?? '';
    const arrival = throttle.arrive(name, ctx.client);
    if (!arrival.ok) {
      if (arrival.firstRefusal) log('warn', 'Anmeldung gesperrt: zu viele Versuche', { name, ergebnis: 'gesperrt' });
      return refusal(res, 429, format(g.loginLocked, { minutes: Math.ceil(arrival.retryAfter / 60) }), arrival.retryAfter);
    }
    const result = await throttle.exclusive(name, ctx.client, async () => {
      const account = name ? store.passwordHash(name) : undefined;
      // Same work whether the name exists or not: the answer's timing reveals nothing.
      const ok = (await verifyPassword(password, account?.hash ?? DUMMY_HASH)) && account !== undefined;
      return ok ? account : undefined;
    });
    if (result === 'busy') {
      // A flood would write thousands of these a second: one line a minute, with the count.
      busyRefusals++;
      if (now() - busyLoggedAt >= 60_000) {
        log('warn', 'Anmeldungen abgewiesen: Server ausgelastet', { ergebnis: 'ausgelastet', anzahl: busyRefusals });
        busyLoggedAt = now();
        busyRefusals = 0;
      }
      // Held a moment, then a short answer: each flooding connection gets about one refusal a second,
      // each costing less than a reader page. The hold is a timer; no password is checked.
      await new Promise((r) => setTimeout(r, BUSY_HOLD_MS));
      return refusal(res, 503, g.loginBusy, BUSY_RETRY_SECONDS);
    }
    if (!result) {
      log('info', 'Anmeldung fehlgeschlagen', { name, ergebnis: 'falsch' });
      return loginPage(res, 401, t.loginFailed, name);
    }
    log('info', 'Anmeldung', { name: result.name, ergebnis: 'ok' });
    const id = store.createSession(result.name, now());
    redirect(res, '/redaktion/', sessionCookies(id, secure, SESSION_IDLE_MS / 1000));
  }

  async function api(ctx: RequestContext, session: { id: string; name: string }, secure: boolean): Promise<void> {
    const { req, res, path } = ctx;
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && !isSameOrigin(req, secure)) {
      return json(res, 403, { error: { code: 'forbidden_origin', message: t.forbiddenOrigin } });
    }
    if (path.startsWith('/api/keystatic/')) {
      const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, MAX_BODY);
      if (body === 'too_large') return json(res, 413, { error: { code: 'too_large', message: REQUEST_TOO_LARGE } });
      const refused = await keystatic.refusal(path, body);
      if (refused) return json(res, refused.status, { error: refused.error });
      if (body && path === '/api/keystatic/update') {
        const changed = await keystatic.conflicts(session.id, body);
        if (changed.length > 0) return json(res, 409, { error: { code: 'conflict', message: t.conflict, files: changed } });
      }
      const headers = new Headers();
      for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
      const request = new Request(`http://localhost${req.url}`, { method, headers, body: body ? new Uint8Array(body) : undefined });
      const answer = await keystatic.handle(session.id, request);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    if (path === '/api/redaktion/veroeffentlichen' || path === '/api/redaktion/vorschau') {
      if (method !== 'POST') return json(res, 405, { error: { code: 'method_not_allowed', message: de.apiErrors.method_not_allowed } }, { Allow: 'POST' });
      const id = publisher.request(path.endsWith('vorschau') ? 'preview' : 'publish', session.name);
      return json(res, 202, { id });
    }
    if (path === '/api/redaktion/status') return json(res, 200, { ...publisher.status('publish'), preview: publisher.status('preview') });
    if (path === '/api/redaktion/verlauf') {
      return json(res, 200, {
        publishes: store.recent(10).map((p) => ({
          who: p.requestedBy,
          requestedAt: new Date(p.requestedAt).toISOString(),
          finishedAt: p.finishedAt === null ? null : new Date(p.finishedAt).toISOString(),
          ok: p.ok,
          files: p.files,
          error: p.error,
        })),
      });
    }
    json(res, 404, { error: { code: 'not_found', message: t.notFound } });
  }

  function editorApp(res: ServerResponse): void {
    if (!existsSync(editorPage)) {
      return sendHtml(res, 503, `<!doctype html><html lang="de"><meta charset="utf-8"><title>${t.title}</title><p>Der Editor ist noch nicht gebaut. Bitte auf dem Server „npm run build:editor“ ausführen.</p></html>`);
    }
    if (!editorHtml) {
      const html = readFileSync(editorPage);
      const hashes = [...html.toString('utf8').matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
        (m) => `sha256-${createHash('sha256').update(m[1]!).digest('base64')}`,
      );
      editorHtml = { html, csp: editorContentSecurityPolicy(hashes) };
    }
    sendHtml(res, 200, editorHtml.html, { 'Content-Security-Policy': editorHtml.csp });
  }

  /** Serves the preview build; false = hand the (rewritten) request on to the live site. */
  function preview(ctx: RequestContext): boolean {
    const dir = publisher.previewDir;
    if (!dir) {
      redirect(ctx.res, '/redaktion/#vorschau');
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
      sendHtml(ctx.res, 404, sitePage('404') ?? 'Nicht gefunden');
    });
    return true;
  }

  return async (ctx) => {
    const { req, res, path } = ctx;
    const isApi = /^\/api\/(keystatic|redaktion)(\/|$)/.test(path);
    const isPage = /^\/(redaktion|keystatic)(\/|$)/.test(path);
    if (!isApi && !isPage) {
      // The editor's own scripts; nothing in them is secret (open-source Keystatic and our field rules).
      if (path.startsWith('/_editor/') && editorAssets && (req.method === 'GET' || req.method === 'HEAD')) {
        editorAssets(req, res, () => json(res, 404, { error: { code: 'not_found', message: t.notFound } }));
        return true;
      }
      return false;
    }
    const secure = ctx.secure;
    if (store.accountCount() === 0) {
      if (isApi) json(res, 401, { error: { code: 'editor_off', message: `${t.offTitle}. ${t.offIntro} ${t.offCommand}` } });
      else sendHtml(res, 200, sitePage('redaktion/ohne-konto'));
      return true;
    }
    if (path === '/redaktion/anmelden/' || path === '/redaktion/anmelden') {
      if (req.method === 'POST') await login(ctx, secure);
      else if (sessionOf(req)) redirect(res, '/redaktion/');
      else loginPage(res, 200);
      return true;
    }
    if (path === '/redaktion/abmelden/' && req.method === 'POST') {
      // A logout from another site is refused and changes nothing, the cookie included.
      if (!isSameOrigin(req, secure)) {
        json(res, 403, { error: { code: 'forbidden_origin', message: g.logoutRefused } });
        return true;
      }
      const id = cookieValue(req);
      if (id) {
        store.endSession(id);
        keystatic.forget(id);
      }
      redirect(res, '/redaktion/anmelden/', sessionCookies('', secure, 0));
      return true;
    }
    const session = sessionOf(req);
    if (!session) {
      if (isApi) json(res, 401, { error: { code: 'unauthorized', message: t.unauthorized } });
      else redirect(res, '/redaktion/anmelden/');
      return true;
    }
    // While the editor works, the cookie lives on (8 h idle), never past the session's absolute end.
    if (session.live.refreshed) res.setHeader('Set-Cookie', sessionCookies(session.id, secure, Math.floor(session.live.maxAgeMs / 1000)));
    if (isApi) await api(ctx, session, secure);
    else if (path.startsWith('/keystatic')) editorApp(res);
    else if (path.startsWith(PREVIEW_BASE)) return preview(ctx);
    else if (path === '/redaktion/' || path === '/redaktion') sendHtml(res, 200, sitePage('redaktion')?.replace('data-editor-name hidden></', `data-editor-name>${escapeHtml(session.name)}</`));
    else sendHtml(res, 404, sitePage('404'));
    return true;
  };
}
