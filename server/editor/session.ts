/**
 * The editor's session: the cookie (scoped to the editor's paths, so reader pages never see it),
 * the login (throttled, same work for known and unknown names) and the logout.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';
import { EDITOR_PATH_PREFIXES, editorPaths } from '@/lib/editor/paths';
import { json, type RequestContext, type RouteResult } from '../http';
import type { Log } from '../log';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { SESSION_IDLE_MS, type EditorStore, type LiveSession } from './store';
import { BUSY_HOLD_MS, BUSY_RETRY_SECONDS, type LoginThrottle } from './throttle';

const t = de.editor;
const g = de.serverGuard;
export const COOKIE = 'redaktion_sitzung';
/** The session cookie goes to the editor's paths only; reader pages never receive it. */
export const COOKIE_PATHS: readonly string[] = EDITOR_PATH_PREFIXES;

export interface Session {
  id: string;
  name: string;
  live: LiveSession;
}

export function cookieValue(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}

export function sessionCookies(value: string, secure: boolean, maxAgeSeconds: number): string[] {
  return COOKIE_PATHS.map(
    (path) => `${COOKIE}=${value}; Path=${path}; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`,
  );
}

/** The request comes from a page of this site (Origin, or Sec-Fetch-Site where there is no Origin). */
export function isSameOrigin(req: IncomingMessage, secure: boolean): boolean {
  const origin = req.headers.origin;
  if (origin) return origin === `${secure ? 'https' : 'http'}://${req.headers.host}`;
  return req.headers['sec-fetch-site'] === 'same-origin';
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
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

export function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  if (cookies.length) res.setHeader('Set-Cookie', cookies);
  res.writeHead(303, { Location: location });
  res.end();
}

/** A refused login: a short page with the reason, cheap to send however many arrive. */
export function refusal(res: ServerResponse, status: number, message: string, retryAfter: number): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(retryAfter) });
  res.end(
    `<!doctype html><html lang="de"><meta charset="utf-8"><title>${t.loginTitle}</title><p>${escapeHtml(message)}</p><p><a href="${editorPaths.login}">${t.loginTitle}</a></p></html>`,
  );
}

/** The login page (src/pages/redaktion/anmelden.astro), rendered by Astro with the refusal and the typed name. */
function loginPage(ctx: RequestContext, status: number, error: string, name = ''): RouteResult {
  // Astro renders the form as for a GET: the POST's body is read already (a Request cannot be built on it again).
  ctx.req.method = 'GET';
  return { locals: { editorLogin: { status, error, name } } };
}

export interface SessionOptions {
  store: EditorStore;
  throttle: LoginThrottle;
  log: Log;
  now: () => number;
  /** Called when a session ends (the Keystatic API forgets what it held for it). */
  onLogout: (id: string) => void;
}

export function createSessions(options: SessionOptions) {
  const { store, throttle, log, now } = options;
  let busyRefusals = 0;
  let busyLoggedAt = -Infinity;

  /** A flood would write thousands of these a second: one line a minute, with the count. */
  function noteBusy(): void {
    busyRefusals++;
    if (now() - busyLoggedAt < 60_000) return;
    log('warn', 'Anmeldungen abgewiesen: Server ausgelastet', { ergebnis: 'ausgelastet', anzahl: busyRefusals });
    busyLoggedAt = now();
    busyRefusals = 0;
  }

  /** POST to the login page: a redirect with the cookie, a short refusal (true: answered), or the form again. */
  async function login(ctx: RequestContext): Promise<RouteResult> {
    const { req, res, secure } = ctx;
    if (!isSameOrigin(req, secure)) return loginPage(ctx, 403, t.loginOrigin);
    const body = await readBody(req, 16 * 1024);
    const form = new URLSearchParams(body === 'too_large' ? '' : body.toString('utf8'));
    const name = (form.get('name') ?? '').trim().slice(0, 80);
    const password = form.get('passwort') ?? '';
    const arrival = throttle.arrive(name, ctx.client);
    if (!arrival.ok) {
      if (arrival.firstRefusal) log('warn', 'Anmeldung gesperrt: zu viele Versuche', { name, ergebnis: 'gesperrt' });
      refusal(res, 429, format(g.loginLocked, { minutes: Math.ceil(arrival.retryAfter / 60) }), arrival.retryAfter);
      return true;
    }
    const result = await throttle.exclusive(name, ctx.client, async () => {
      const account = name ? store.passwordHash(name) : undefined;
      // Same work whether the name exists or not: the answer's timing reveals nothing.
      const ok = (await verifyPassword(password, account?.hash ?? DUMMY_HASH)) && account !== undefined;
      // An account of another guild's site is refused like a wrong password: the answer names no site's accounts.
      return ok && store.mayWorkOn(account.name) ? account : undefined;
    });
    if (result === 'busy') {
      noteBusy();
      // Held a moment, then a short answer: each flooding connection gets about one refusal a second,
      // each costing less than a reader page. The hold is a timer; no password is checked.
      await new Promise((r) => setTimeout(r, BUSY_HOLD_MS));
      refusal(res, 503, g.loginBusy, BUSY_RETRY_SECONDS);
      return true;
    }
    if (!result) {
      log('info', 'Anmeldung fehlgeschlagen', { name, ergebnis: 'falsch' });
      return loginPage(ctx, 401, t.loginFailed, name);
    }
    log('info', 'Anmeldung', { name: result.name, ergebnis: 'ok' });
    const id = store.createSession(result.name, now());
    redirect(res, editorPaths.dashboard, sessionCookies(id, secure, SESSION_IDLE_MS / 1000));
    return true;
  }

  /** A logout from another site is refused and changes nothing, the cookie included. */
  function logout(ctx: RequestContext): void {
    const { req, res, secure } = ctx;
    if (!isSameOrigin(req, secure)) return json(res, 403, { error: { code: 'forbidden_origin', message: g.logoutRefused } });
    const id = cookieValue(req);
    if (id) {
      store.endSession(id);
      options.onLogout(id);
    }
    // The login page confirms it: "Sie sind abgemeldet."
    redirect(res, `${editorPaths.login}?abgemeldet`, sessionCookies('', secure, 0));
  }

  function sessionOf(req: IncomingMessage): Session | undefined {
    const id = cookieValue(req);
    const live = id ? store.liveSession(id, now()) : undefined;
    return id && live ? { id, name: live.name, live } : undefined;
  }

  /** A live session of this browser that was signed in on another site's host (its cookie copied here). */
  function otherSiteSession(req: IncomingMessage): boolean {
    const id = cookieValue(req);
    return id !== undefined && store.sessionSite(id, now()) !== undefined;
  }

  /** While the editor works, the cookie lives on (8 h idle), never past the session's absolute end. */
  function refresh(ctx: RequestContext, session: Session): void {
    if (session.live.refreshed)
      ctx.res.setHeader('Set-Cookie', sessionCookies(session.id, ctx.secure, Math.floor(session.live.maxAgeMs / 1000)));
  }

  return { login, logout, sessionOf, otherSiteSession, refresh };
}
