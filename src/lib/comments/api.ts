/**
 * The comment API as plain Request → Response handlers. Routes in src/pages/api/ only pick
 * the handler; everything a request goes through (origin, size, rate limit, validation,
 * form token, thread, storage, cache) happens here, in that order. Each handler is wrapped in
 * `safe()`: a failure inside answers the German 500 JSON, and no answer goes into shared caches.
 */
import { apiError, json, readBody, safe, type ErrorCode } from './http';
import type { CommentStore, Status } from '@/adapters/comments/store';
import type { CommentSettings } from './settings';
import { RateLimiter } from './rate-limit';
import { checkFormToken, hashToken, issueFormToken, newEditToken, safeEqual, textHash } from './tokens';
import { validateEdit, validateNewComment, type FieldError } from './validate';
import { EDIT_WINDOW_MS, LIMITS, THREAD_PATTERN } from './rules';
import { createModeration } from './moderation';

export { EDIT_WINDOW_MS } from './rules';

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

/** A refused comment, before it becomes a JSON error or the re-rendered comment page. */
export interface Refusal {
  status: number;
  code: ErrorCode;
  fields?: FieldError[];
  headers?: Record<string, string>;
}

/** The outcome of a comment form posted without JavaScript (see the comment page). */
export type FormPostResult =
  | { ok: true; location: string }
  | { ok: false; refusal: Refusal; thread: string; values: { author: string; text: string; parentId: string } };

type Created = { id: number; status: Status; editToken: string; thread: string };

/** scheme://host[:port] of a URL or Origin header, with default ports dropped; null when it is none. */
function originOf(value: string | null | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function createCommentApi(deps: CommentApiDeps) {
  const { store, settings } = deps;
  const now = deps.now ?? Date.now;
  const limiter = new RateLimiter(settings.rateLimit);
  const formSecret = store.secret('form-token-secret');
  const siteOrigin = originOf(deps.siteOrigin);
  const allowedOrigins = new Set(settings.allowedOrigins.map(originOf).filter((o): o is string => o !== null));
  // Rendered answers per thread, and counts; cleared on every write so readers never see stale data.
  const threadCache = new Map<string, string>();
  const countCache = new Map<string, number>();
  const invalidate = () => {
    threadCache.clear();
    countCache.clear();
  };

  function corsHeaders(request: Request): Record<string, string> {
    const origin = originOf(request.headers.get('origin'));
    if (!origin || !allowedOrigins.has(origin)) return {};
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  /**
   * Writes come from the site itself: the Origin header (scheme, host and port) must be the site's
   * public origin, one of COMMENTS_ALLOWED_ORIGINS, or the origin this request was sent to.
   */
  function originAllowed(request: Request): boolean {
    const header = request.headers.get('origin');
    if (header === null) return true; // not a browser cross-site request (browsers always send Origin on writes)
    const origin = originOf(header);
    if (!origin) return false;
    if (origin === siteOrigin || allowedOrigins.has(origin)) return true;
    // Same origin: Astro's request.url does not carry the Host header unless security.allowedDomains
    // is set, so take the scheme from the request and the host from the header.
    const host = request.headers.get('host');
    return host !== null && origin === originOf(`${new URL(request.url).protocol}//${host}`);
  }

  function withCors(request: Request, response: Response): Response {
    for (const [k, v] of Object.entries(corsHeaders(request))) response.headers.set(k, v);
    return response;
  }

  function refused(request: Request, r: Refusal): Response {
    return withCors(request, apiError(r.status, r.code, { ...(r.fields ? { fields: r.fields } : {}), ...(r.headers ? { headers: r.headers } : {}) }));
  }

  /** Every write (post, edit, delete, report) counts against the client's budget. */
  function overBudget(clientAddress: string): Refusal | null {
    const wait = limiter.take(clientAddress, now());
    return wait > 0 ? { status: 429, code: 'rate_limited', headers: { 'Retry-After': String(wait) } } : null;
  }

  function parseId(raw: string | undefined): number | null {
    return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  }

  /** The whole path of a new comment, for JSON and form posts alike. */
  async function create(request: Request, data: Record<string, unknown>, clientAddress: string): Promise<Created | Refusal> {
    if (!originAllowed(request)) return { status: 403, code: 'forbidden_origin' };
    const limited = overBudget(clientAddress);
    if (limited) return limited;
    const checked = validateNewComment(data);
    if (!checked.ok) return { status: checked.status, code: checked.code as ErrorCode, fields: checked.fields };
    const token = checkFormToken(formSecret, checked.formToken, settings.minSubmitSeconds, now());
    if (!token.ok) return { status: 400, code: token.code };
    const input = checked.value;
    if (!(await deps.threads()).has(input.thread)) return { status: 404, code: 'unknown_thread' };
    let parentId = input.parentId;
    if (parentId !== null) {
      const parent = store.get(parentId);
      if (!parent || parent.thread !== input.thread || parent.status !== 'approved') return { status: 404, code: 'parent_not_found' };
      parentId = parent.parentId ?? parent.id; // replies are one level deep
    }
    const hash = textHash(input.text);
    if (store.isDuplicate(input.thread, hash)) return { status: 422, code: 'duplicate', fields: [{ field: 'text', code: 'duplicate' }] };
    const status: Status = settings.moderation === 'post' ? 'approved' : 'pending';
    const edit = newEditToken();
    const id = store.createWithToken({ ...input, parentId, status, editTokenHash: edit.hash, textHash: hash, now: now() }, token.nonce, token.expiresAt);
    if (id === null) return { status: 400, code: 'form_token_used' };
    invalidate();
    return { id, status, editToken: edit.token, thread: input.thread };
  }

  function afterFormPost(created: Created): string {
    return `${deps.commentsPage(created.thread)}?hinweis=${created.status}#kommentar-${created.status === 'approved' ? created.id : 'formular'}`;
  }

  /** The author's own comment, if the edit token fits and the edit window is open. */
  function ownComment(request: Request, rawId: string | undefined, clientAddress: string) {
    if (!originAllowed(request)) return apiError(403, 'forbidden_origin');
    const limited = overBudget(clientAddress);
    if (limited) return refused(request, limited);
    const id = parseId(rawId);
    const comment = id === null ? undefined : store.get(id);
    if (!comment) return apiError(404, 'not_found');
    const token = request.headers.get('x-edit-token') ?? '';
    if (!token || !safeEqual(hashToken(token), comment.editTokenHash)) return apiError(403, 'invalid_edit_token');
    if (now() - comment.createdAtMs > EDIT_WINDOW_MS) return apiError(403, 'edit_window_closed');
    return comment;
  }

  const moderation = createModeration({ store, settings, now, invalidate });

  return {
    options: safe((request: Request): Response => {
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
    }),

    getThread: safe(async (request: Request): Promise<Response> => {
      const thread = new URL(request.url).searchParams.get('thread') ?? '';
      let body = threadCache.get(thread);
      if (body === undefined) {
        if (!(await deps.threads()).has(thread)) return withCors(request, apiError(404, 'unknown_thread'));
        const comments = store.listApproved(thread);
        body = JSON.stringify({ thread, count: comments.length, comments });
        threadCache.set(thread, body);
      }
      return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...corsHeaders(request) } });
    }),

    getCounts: safe(async (request: Request): Promise<Response> => {
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
      return json(200, { counts }, corsHeaders(request));
    }),

    formToken: safe((request: Request): Response => json(200, { token: issueFormToken(formSecret, now()) }, corsHeaders(request))),

    newFormToken(): string {
      return issueFormToken(formSecret, now());
    },

    /** Approved comments of a thread, for the server-rendered comment page. */
    comments(thread: string) {
      return store.listApproved(thread);
    },

    /** The comment page's CORS headers for the widget on another origin (COMMENTS_ALLOWED_ORIGINS). */
    corsHeaders,

    /** POST /api/comments: JSON from the widget (201 or a JSON error), or a form (303 to the comment page). */
    post: safe(async (request: Request, clientAddress: string): Promise<Response> => {
      const body = await readBody(request, true);
      if (!body.ok) return withCors(request, body.response);
      const result = await create(request, body.data, clientAddress);
      if (body.kind === 'json') return 'id' in result ? withCors(request, json(201, { id: result.id, status: result.status, editToken: result.editToken })) : refused(request, result);
      if ('id' in result) return new Response(null, { status: 303, headers: { Location: afterFormPost(result) } });
      // A form from a page of an older build: back to the comment page with the notice only, never the text.
      const thread = typeof body.data.thread === 'string' ? body.data.thread : '';
      if (!THREAD_PATTERN.test(thread) || result.code === 'unknown_thread') return refused(request, result);
      return new Response(null, { status: 303, headers: { Location: `${deps.commentsPage(thread)}?fehler=${result.code}#kommentar-formular`, ...(result.headers ?? {}) } });
    }),

    /**
     * A comment form posted to the comment page itself (no JavaScript). The page answers a refusal
     * with its own rendering (400/403/404/422/429), carrying what was typed and the German error.
     */
    async postForm(request: Request, clientAddress: string): Promise<FormPostResult> {
      const body = await readBody(request, true);
      const data = body.ok ? body.data : {};
      const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
      const values = { author: text('author'), text: text('text'), parentId: text('parentId') };
      const thread = text('thread');
      if (!body.ok) return { ok: false, refusal: { status: body.response.status, code: ((await body.response.json()) as { error: { code: ErrorCode } }).error.code }, thread, values };
      try {
        const result = await create(request, data, clientAddress);
        return 'id' in result ? { ok: true, location: afterFormPost(result) } : { ok: false, refusal: result, thread, values };
      } catch (error) {
        console.error('Kommentar-Schnittstelle:', error);
        return { ok: false, refusal: { status: 500, code: 'internal' }, thread, values };
      }
    },

    patch: safe(async (request: Request, rawId: string | undefined, clientAddress: string): Promise<Response> => {
      const found = ownComment(request, rawId, clientAddress);
      if (found instanceof Response) return withCors(request, found);
      const body = await readBody(request, false);
      if (!body.ok) return withCors(request, body.response);
      const edit = validateEdit(body.data);
      if (!edit.ok) return withCors(request, apiError(400, edit.code as ErrorCode, { fields: [{ field: 'text', code: edit.code }] }));
      // A changed approved comment goes back to moderation: under `pre` it waits for approval again,
      // under `post` it stays visible and is listed as edited.
      const wasApproved = found.status === 'approved';
      const status: Status = wasApproved && settings.moderation === 'pre' ? 'pending' : found.status;
      store.updateText(found.id, { text: edit.text, html: edit.html, textHash: textHash(edit.text), now: now(), status, edited: wasApproved || found.edited });
      invalidate();
      return withCors(request, json(200, { id: found.id, status, html: edit.html }));
    }),

    remove: safe((request: Request, rawId: string | undefined, clientAddress: string): Response => {
      const found = ownComment(request, rawId, clientAddress);
      if (found instanceof Response) return withCors(request, found);
      store.delete(found.id, now());
      invalidate();
      return withCors(request, new Response(null, { status: 204 }));
    }),

    report: safe(async (request: Request, rawId: string | undefined, clientAddress: string): Promise<Response> => {
      if (!originAllowed(request)) return withCors(request, apiError(403, 'forbidden_origin'));
      const id = parseId(rawId);
      const comment = id === null ? undefined : store.get(id);
      if (!comment || comment.status !== 'approved') return withCors(request, apiError(404, 'not_found'));
      const body = await readBody(request, true);
      if (!body.ok) return withCors(request, body.response);
      const limited = overBudget(clientAddress);
      if (limited) return refused(request, limited);
      const reason = typeof body.data.reason === 'string' ? body.data.reason.trim().slice(0, LIMITS.reportReasonMax) : '';
      store.report(comment.id, reason || '(ohne Begründung)');
      if (body.kind === 'form') {
        return new Response(null, { status: 303, headers: { Location: `${deps.commentsPage(comment.thread)}?hinweis=reported#kommentar-${comment.id}` } });
      }
      return withCors(request, json(202, { id: comment.id, reported: true }));
    }),

    ...moderation,

    /**
     * Hourly housekeeping: rejected comments and never-moderated pending ones past their time (erased,
     * logged, WAL truncated), and used form-token nonces past expiry.
     */
    purgeRejected(): number {
      store.purgeUsedTokens(now());
      const day = 24 * 60 * 60 * 1000;
      const removed = store.purgeExpired(now() - settings.purgeRejectedAfterDays * day, now() - settings.purgePendingAfterDays * day, now());
      store.checkpoint();
      if (removed > 0) invalidate();
      return removed;
    },
  };
}

export type CommentApi = ReturnType<typeof createCommentApi>;
