/**
 * The editor's doors. Every path under an editor prefix (src/lib/editor/paths.ts) is closed without a
 * session (pages redirect to the login, APIs answer 401) and every write to one must come from this
 * site. What is not an Astro page sits in the route table below (the Keystatic app and its API,
 * publishing, the preview); every other editor path goes to Astro's on-demand pages with the editor in
 * `Astro.locals.editor`: a new editor page is one .astro file, no branch here. Reader pages never see
 * a cookie (the session cookie is scoped to the editor's paths). Parts: session.ts (cookie, login,
 * logout), api.ts, preview.ts, app.ts (the Keystatic app).
 */
import { de } from '@/i18n/de';
import { editorPaths, isEditorApiPath, isEditorPath } from '@/lib/editor/paths';
import { json, type RequestContext, type RouteHandler, type RouteResult } from '../http';
import type { Log } from '../log';
import type { SiteHolder } from '../site';
import {
  approveRequest,
  entryTitlesRequest,
  keystaticProxy,
  publishHistory,
  publishRequest,
  publishStatus,
  whatGoesLiveRequest,
} from './api';
import { createEditorApp } from './app';
import { KeystaticApi } from './keystatic-api';
import { readWhatGoesLive, savedScheduled } from './live-state';
import { createPreview } from './preview';
import type { Publisher } from './publisher';
import { createSessions, isSameOrigin, redirect, type Session } from './session';
import type { EditorStore } from './store';
import { LoginThrottle } from './throttle';
import type { Administration, EditorSiteLink } from '@/lib/editor/administration';

export { PREVIEW_BASE } from './preview';
export { COOKIE, COOKIE_PATHS, isSameOrigin } from './session';

const t = de.editor;

/** A German page for a refused editor page (an editor API answers JSON instead). */
function refusedPage(ctx: RequestContext, status: number, message: string): void {
  ctx.res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  ctx.res.end(
    `<!doctype html><html lang="de"><meta charset="utf-8"><title>${t.title}</title><p>${message}</p><p><a href="${editorPaths.login}">${t.loginTitle}</a></p></html>`,
  );
}

export interface EditorRoutesOptions {
  store: EditorStore;
  publisher: Publisher;
  sites: SiteHolder;
  contentDir: string;
  editorDir: string;
  log: Log;
  /** Passed in so the server's test hook can read what it holds. */
  throttle?: LoginThrottle;
  /** Freigabe (guild config `publishApproval`): a publish waits for a second account's approval. */
  approval?: boolean;
  now?: () => number;
  /** Several guilds on one installation (server/many-sites.ts): this site; absent for the single guild. */
  site?: EditorSiteOptions;
}

export interface EditorSiteOptions {
  kennung: string;
  /** The sites the signed-in editor may work on (the dashboard shows them, with their addresses). */
  linksFor: (name: string) => EditorSiteLink[];
  /** Creating sites and accounts, for `verwaltung` accounts only. */
  administration: Administration;
}

/** One entry of the route table: the server's own answers behind the session (void: answered). */
interface Route {
  match: (path: string) => boolean;
  handle: (ctx: RequestContext, session: Session) => RouteResult | void | Promise<void>;
}

const exactly = (route: string) => (path: string) => path === route;
const below = (base: string) => (path: string) => path.startsWith(base);
const tree = (root: string) => (path: string) => path === root || path.startsWith(`${root}/`);

export function createEditorRoutes(options: EditorRoutesOptions): RouteHandler {
  const { store, publisher, sites, contentDir } = options;
  const now = options.now ?? Date.now;
  const keystatic = new KeystaticApi(contentDir);
  const app = createEditorApp(options.editorDir);
  setInterval(() => store.purgeSessions(now()), 60 * 60 * 1000).unref();
  const sessions = createSessions({
    store,
    throttle: options.throttle ?? new LoginThrottle(now),
    log: options.log,
    now,
    onLogout: (id) => keystatic.forget(id),
  });
  const preview = createPreview(publisher, (res) => {
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(sites.current.notFoundPage ?? 'Nicht gefunden');
  });

  const table: Route[] = [
    { match: below('/api/keystatic/'), handle: (ctx, session) => keystaticProxy(ctx, session, keystatic) },
    {
      match: exactly('/api/redaktion/veroeffentlichen'),
      handle: (ctx, session) => publishRequest(ctx, session, publisher, contentDir, options.approval === true),
    },
    { match: exactly('/api/redaktion/freigeben'), handle: (ctx, session) => approveRequest(ctx, session, publisher, store, contentDir) },
    { match: exactly('/api/redaktion/vorschau'), handle: (ctx, session) => publishRequest(ctx, session, publisher, contentDir) },
    { match: exactly('/api/redaktion/was-geht-online'), handle: (ctx) => whatGoesLiveRequest(ctx, contentDir) },
    { match: exactly(editorPaths.entryTitles), handle: (ctx) => entryTitlesRequest(ctx, contentDir) },
    { match: exactly('/api/redaktion/status'), handle: (ctx) => publishStatus(ctx, publisher, store, contentDir) },
    { match: exactly('/api/redaktion/verlauf'), handle: (ctx) => publishHistory(ctx, store, contentDir) },
    { match: tree('/keystatic'), handle: (ctx) => app.page(ctx) },
    // false: the preview's own comment counts go on to the live API.
    { match: below(editorPaths.preview), handle: (ctx) => preview(ctx) },
  ];

  /** Before an editor path needs a session: the login, the logout, and the page that says there is no account yet. */
  async function door(ctx: RequestContext): Promise<RouteResult | undefined> {
    const { req, res, path } = ctx;
    if (store.accountCount() === 0) {
      if (!isEditorApiPath(path)) {
        // Every editor page shows the same notice until the first account exists.
        req.url = editorPaths.noAccount;
        return { locals: {} };
      }
      json(res, 401, { error: { code: 'editor_off', message: `${t.offTitle}. ${t.offIntro} ${t.offCommand}` } });
      return true;
    }
    if (path === editorPaths.login || `${path}/` === editorPaths.login) {
      if (req.method === 'POST') return sessions.login(ctx);
      if (!sessions.sessionOf(req)) return { locals: {} };
      redirect(res, editorPaths.dashboard);
      return true;
    }
    if (path === editorPaths.logout && req.method === 'POST') {
      sessions.logout(ctx);
      return true;
    }
    return undefined;
  }

  /** Several guilds: the editor's role and sites, and the administration for the `verwaltung` role. */
  function editorSite(name: string): Partial<NonNullable<App.Locals['editor']>> {
    const role = store.role(name) ?? 'redaktion';
    if (!options.site) return { role };
    const { linksFor, administration } = options.site;
    return { role, sites: linksFor(name), ...(role === 'verwaltung' ? { administration } : {}) };
  }

  return async (ctx) => {
    const { req, res, path } = ctx;
    if (!isEditorPath(path)) return path.startsWith(editorPaths.editorAssets) && app.assets(ctx);
    const opened = await door(ctx);
    if (opened !== undefined) return opened;
    const session = sessions.sessionOf(req);
    if (!session && sessions.otherSiteSession(req)) {
      // Signed in on another guild's host: nothing of this site, and no login form that would suggest otherwise.
      if (isEditorApiPath(path)) json(res, 403, { error: { code: 'other_site', message: de.siteEditors.otherSite } });
      else refusedPage(ctx, 403, de.siteEditors.otherSite);
      return true;
    }
    if (!session) {
      if (isEditorApiPath(path)) json(res, 401, { error: { code: 'unauthorized', message: t.unauthorized } });
      else redirect(res, editorPaths.login);
      return true;
    }
    sessions.refresh(ctx, session);
    // Every write to the editor (its pages' forms, its APIs, Astro's endpoints) comes from this site.
    if (req.method !== 'GET' && req.method !== 'HEAD' && !isSameOrigin(req, ctx.secure)) {
      json(res, 403, { error: { code: 'forbidden_origin', message: t.forbiddenOrigin } });
      return true;
    }
    const route = table.find((r) => r.match(path));
    if (route) return (await route.handle(ctx, session)) ?? true;
    const editor = {
      name: session.name,
      contentDir,
      whatGoesLive: () => readWhatGoesLive(contentDir),
      scheduled: () => savedScheduled(contentDir),
      approval: options.approval === true,
      ...editorSite(session.name),
    };
    return { locals: { editor } };
  };
}
