/**
 * The comment API as plain Request → Response handlers. Routes in src/pages/api/ only pick
 * the handler; everything a request goes through (origin, size, rate limit, validation,
 * form token, thread, storage, cache) happens here, in that order.
 */
import { apiError, json, readBody, type ErrorCode } from './http';
import { CommentStore, type Status } from './store';
import type { CommentSettings } from './settings';
import { RateLimiter } from './rate-limit';
import { checkFormToken, hashToken, issueFormToken, newEditToken, safeEqual, textHash } from './tokens';
import { validateEdit, validateNewComment } from './validate';

export const EDIT_WINDOW_MS = 15 * 60 * 1000;

export interface CommentApiDeps {
  store: CommentStore;
  settings: CommentSettings;
  /** Slugs of published articles: the only threads that take comments. */
  threads: () => Promise<ReadonlySet<string>>;
  /** The site's public origin (from the guild config), accepted for writes besides the request's own. */
  siteOrigin: string;
  /** Path of an article's no-JavaScript comment page, for the 303 after a form post. */
  commentsPage: (slug: string) => string;
  now?: () => number;
}

const STATUSES: ReadonlySet<string> = new Set(['pending', 'approved', 'rejected', 'reported']);

export function createCommentApi(deps: CommentApiDeps) {
  const { store, settings } = deps;
  const now = deps.now ?? Date.now;
  const limiter = new RateLimiter(settings.rateLimit);
  const formSecret = store.secret('form-token-secret');
  // Rendered answers per thread, and counts; cleared on every write so readers never see stale data.
  const threadCache = new Map<string, string>();
  const countCache = new Map<string, number>();
  const invalidate = () => {
    threadCache.clear();
    countCache.clear();
  };

  function corsHeaders(request: Request): Record<string, string> {
    const origin = request.headers.get('origin');
    if (!origin || !settings.allowedOrigins.includes(origin)) return {};
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  function originAllowed(request: Request): boolean {
    const origin = request.headers.get('origin');
    if (!origin) return true; // not a browser cross-site request (browsers always send Origin on writes)
    if (origin === deps.siteOrigin || settings.allowedOrigins.includes(origin)) return true;
    // Same origin: the page's host is the host this request was sent to. (Astro's request.url
    // does not carry the Host header unless security.allowedDomains is set, so read it directly.)
    try {
      return new URL(origin).host === request.headers.get('host');
    } catch {
      return false;
    }
  }

  function withCors(request: Request, response: Response): Response {
    for (const [k, v] of Object.entries(corsHeaders(request))) response.headers.set(k, v);
    return response;
  }

  function adminCheck(request: Request): Response | null {
    if (!settings.adminToken) return apiError(401, 'moderation_disabled');
    const header = request.headers.get('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    return token && safeEqual(token, settings.adminToken) ? null : apiError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer' } });
  }

  function parseId(raw: string | undefined): number | null {
    return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  }

  const api = {
    options(request: Request): Response {
      const headers = corsHeaders(request);
      if (!headers['Access-Control-Allow-Origin']) return new Response(null, { status: 204 });
      return new Response(null, {
        status: 204,
        headers: {
          ...headers,
          'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
          'Access-Control-Allow-Headers': 'Content-Type, X-Edit-Token',
          'Access-Control-Max-Age': '600',
        },
      });
    },

    async getThread(request: Request): Promise<Response> {
      const thread = new URL(request.url).searchParams.get('thread') ?? '';
      let body = threadCache.get(thread);
      if (body === undefined) {
        if (!(await deps.threads()).has(thread)) return withCors(request, apiError(404, 'unknown_thread'));
        const comments = store.listApproved(thread);
        body = JSON.stringify({ thread, count: comments.length, comments });
        threadCache.set(thread, body);
      }
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache', ...corsHeaders(request) },
      });
    },

    async getCounts(request: Request): Promise<Response> {
      const requested = (new URL(request.url).searchParams.get('threads') ?? '').split(',').filter(Boolean).slice(0, 100);
      const known = await deps.threads();
      const counts: Record<string, number> = {};
      for (const thread of requested) {
        if (!known.has(thread)) continue;
        let n = countCache.get(thread);
        if (n === undefined) {
          n = store.countApproved(thread);
          countCache.set(thread, n);
        }
        counts[thread] = n;
      }
      return json(200, { counts }, { 'Cache-Control': 'private, max-age=30', ...corsHeaders(request) });
    },

    formToken(request: Request): Response {
      return json(200, { token: this.newFormToken() }, corsHeaders(request));
    },

    newFormToken(): string {
      return issueFormToken(formSecret, now());
    },

    /** Approved comments of a thread, for the server-rendered comment page. */
    comments(thread: string) {
      return store.listApproved(thread);
    },

    async post(request: Request, clientAddress: string): Promise<Response> {
      const body = await readBody(request, true);
      if (!body.ok) return withCors(request, body.response);
      const isForm = body.kind === 'form';
      const fail = (status: number, code: ErrorCode, fields?: Array<{ field: string; code: string }>, headers?: Record<string, string>) => {
        const thread = typeof body.data.thread === 'string' ? body.data.thread : '';
        if (isForm && /^[a-z0-9-]{1,120}$/.test(thread) && code !== 'unknown_thread') {
          // Without JavaScript: back to the comment page, with the notice and what was typed.
          const back = new URLSearchParams({ fehler: code });
          for (const key of ['author', 'text', 'parentId'] as const) {
            const value = body.data[key];
            if (typeof value === 'string' && value) back.set(key, value);
          }
          return new Response(null, { status: 303, headers: { Location: `${deps.commentsPage(thread)}?${back}#kommentar-formular`, ...(headers ?? {}) } });
        }
        return withCors(request, apiError(status, code, { ...(fields ? { fields } : {}), ...(headers ? { headers } : {}) }));
      };
      if (!originAllowed(request)) return fail(403, 'forbidden_origin');
      const wait = limiter.take(clientAddress, now());
      if (wait > 0) return fail(429, 'rate_limited', undefined, { 'Retry-After': String(wait) });
      const checked = validateNewComment(body.data);
      if (!checked.ok) return fail(checked.status, checked.code as ErrorCode, checked.fields);
      const token = checkFormToken(formSecret, checked.formToken, settings.minSubmitSeconds, now());
      if (!token.ok) return fail(400, token.code);
      const input = checked.value;
      if (!(await deps.threads()).has(input.thread)) return fail(404, 'unknown_thread');
      let parentId = input.parentId;
      if (parentId !== null) {
        const parent = store.get(parentId);
        if (!parent || parent.thread !== input.thread || parent.status !== 'approved') return fail(404, 'parent_not_found');
        parentId = parent.parentId ?? parent.id; // replies are one level deep
      }
      const hash = textHash(input.text);
      if (store.isDuplicate(input.thread, hash)) return fail(422, 'duplicate', [{ field: 'text', code: 'duplicate' }]);
      const status: Status = settings.moderation === 'post' ? 'approved' : 'pending';
      const edit = newEditToken();
      const id = store.create({ ...input, parentId, status, editTokenHash: edit.hash, textHash: hash, now: now() });
      invalidate();
      if (isForm) {
        return new Response(null, {
          status: 303,
          headers: { Location: `${deps.commentsPage(input.thread)}?hinweis=${status}#kommentar-${status === 'approved' ? id : 'formular'}` },
        });
      }
      return withCors(request, json(201, { id, status, editToken: edit.token }));
    },

    async patch(request: Request, rawId: string | undefined): Promise<Response> {
      const found = ownComment(request, rawId);
      if (found instanceof Response) return withCors(request, found);
      const body = await readBody(request, false);
      if (!body.ok) return withCors(request, body.response);
      const edit = validateEdit(body.data);
      if (!edit.ok) return withCors(request, apiError(400, edit.code as ErrorCode, { fields: [{ field: 'text', code: edit.code }] }));
      store.updateText(found.id, edit.text, edit.html, textHash(edit.text), now());
      invalidate();
      return withCors(request, json(200, { id: found.id, status: found.status, html: edit.html }));
    },

    remove(request: Request, rawId: string | undefined): Response {
      const found = ownComment(request, rawId);
      if (found instanceof Response) return withCors(request, found);
      store.delete(found.id);
      invalidate();
      return withCors(request, new Response(null, { status: 204 }));
    },

    async report(request: Request, rawId: string | undefined, clientAddress: string): Promise<Response> {
      if (!originAllowed(request)) return withCors(request, apiError(403, 'forbidden_origin'));
      const id = parseId(rawId);
      const comment = id === null ? undefined : store.get(id);
      if (!comment || comment.status !== 'approved') return withCors(request, apiError(404, 'not_found'));
      const body = await readBody(request, true);
      if (!body.ok) return withCors(request, body.response);
      const wait = limiter.take(clientAddress, now());
      if (wait > 0) return withCors(request, apiError(429, 'rate_limited', { headers: { 'Retry-After': String(wait) } }));
      const reason = typeof body.data.reason === 'string' ? body.data.reason.trim().slice(0, 500) : '';
      store.report(comment.id, reason || '(ohne Begründung)');
      if (body.kind === 'form') {
        return new Response(null, { status: 303, headers: { Location: `${deps.commentsPage(comment.thread)}?hinweis=reported#kommentar-${comment.id}` } });
      }
      return withCors(request, json(202, { id: comment.id, reported: true }));
    },

    adminList(request: Request): Response {
      const denied = adminCheck(request);
      if (denied) return denied;
      const status = new URL(request.url).searchParams.get('status') ?? 'pending';
      if (!STATUSES.has(status)) return apiError(400, 'invalid_status');
      return json(200, { status, comments: store.list(status as Status | 'reported'), counts: store.counts() });
    },

    adminSetStatus(request: Request, rawId: string | undefined, status: 'approved' | 'rejected'): Response {
      const denied = adminCheck(request);
      if (denied) return denied;
      const id = parseId(rawId);
      if (id === null || !store.setStatus(id, status, now())) return apiError(404, 'not_found');
      invalidate();
      return json(200, { id, status });
    },

    adminDelete(request: Request, rawId: string | undefined): Response {
      const denied = adminCheck(request);
      if (denied) return denied;
      const id = parseId(rawId);
      if (id === null || !store.delete(id)) return apiError(404, 'not_found');
      invalidate();
      return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
    },

    /** Everything stored about one comment (Art. 15 DSGVO). */
    adminExport(request: Request, rawId: string | undefined): Response {
      const denied = adminCheck(request);
      if (denied) return denied;
      const id = parseId(rawId);
      const comment = id === null ? undefined : store.get(id);
      if (!comment) return apiError(404, 'not_found');
      const { editTokenHash: _hash, createdAtMs: _ms, ...data } = comment;
      return json(200, { exportedAt: new Date(now()).toISOString(), comment: data }, {
        'Content-Disposition': `attachment; filename="kommentar-${comment.id}.json"`,
      });
    },

    purgeRejected(): number {
      const removed = store.purgeRejected(now() - settings.purgeRejectedAfterDays * 24 * 60 * 60 * 1000);
      if (removed > 0) invalidate();
      return removed;
    },
  };

  // Whatever fails inside (disk full, database locked), the client gets the German JSON error, never an HTML page.
  for (const [name, handler] of Object.entries(api)) {
    if (name === 'purgeRejected' || name === 'newFormToken' || name === 'comments') continue;
    (api as Record<string, unknown>)[name] = (...args: unknown[]) => {
      try {
        const result = (handler as (...a: unknown[]) => unknown).apply(api, args);
        return result instanceof Promise ? result.catch((error: unknown) => internalError(error)) : result;
      } catch (error) {
        return internalError(error);
      }
    };
  }
  return api;

  function ownComment(request: Request, rawId: string | undefined) {
    const id = parseId(rawId);
    const comment = id === null ? undefined : store.get(id);
    if (!comment) return apiError(404, 'not_found');
    const token = request.headers.get('x-edit-token') ?? '';
    if (!originAllowed(request)) return apiError(403, 'forbidden_origin');
    if (!token || !safeEqual(hashToken(token), comment.editTokenHash)) return apiError(403, 'invalid_edit_token');
    if (now() - comment.createdAtMs > EDIT_WINDOW_MS) return apiError(403, 'edit_window_closed');
    return comment;
  }
}

function internalError(error: unknown): Response {
  console.error('Kommentar-Schnittstelle:', error);
  return apiError(500, 'internal');
}

export type CommentApi = ReturnType<typeof createCommentApi>;
