/**
 * The comment API as plain Request → Response handlers. Routes in src/pages/api/ only pick
 * the handler; everything a request goes through (origin, size, rate limit, validation,
 * form token, thread, storage, cache) happens in the modules put together here: origin.ts (who
 * may write, CORS), reads.ts (threads and counts, cached), writes.ts (new and own comments),
 * moderation.ts. Each handler is wrapped in `safe()`: a failure inside answers the German 500
 * JSON, and no answer goes into shared caches.
 */
import type { CommentStore } from '@/adapters/comments/store';
import { safe, type ErrorCode } from './http';
import type { CommentSettings } from './settings';
import { RateLimiter } from './rate-limit';
import type { FieldError } from './validate';
import { createModeration } from './moderation';
import { createOriginPolicy } from './origin';
import { createReads } from './reads';
import { createNewComments, createOwnComments, type WriteContext } from './writes';

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

/**
 * Hourly housekeeping: rejected comments and never-moderated pending ones past their time (erased,
 * logged, WAL truncated), and used form-token nonces past expiry.
 */
function purgeExpired(store: CommentStore, settings: CommentSettings, now: () => number, invalidate: () => void): number {
  store.purgeUsedTokens(now());
  const day = 24 * 60 * 60 * 1000;
  const removed = store.purgeExpired(now() - settings.purgeRejectedAfterDays * day, now() - settings.purgePendingAfterDays * day, now());
  store.checkpoint();
  if (removed > 0) invalidate();
  return removed;
}

export function createCommentApi(deps: CommentApiDeps) {
  const { store, settings } = deps;
  const now = deps.now ?? Date.now;
  const limiter = new RateLimiter(settings.rateLimit);
  const origin = createOriginPolicy(deps.siteOrigin, settings.allowedOrigins);
  const reads = createReads({ store, threads: deps.threads, origin });
  const ctx: WriteContext = {
    store,
    settings,
    now,
    origin,
    invalidate: reads.invalidate,
    threads: deps.threads,
    commentsPage: deps.commentsPage,
    formSecret: store.secret('form-token-secret'),
    overBudget(clientAddress) {
      const wait = limiter.take(clientAddress, now());
      return wait > 0 ? { status: 429, code: 'rate_limited', headers: { 'Retry-After': String(wait) } } : null;
    },
  };

  return {
    options: safe((request: Request): Response => {
      const headers = origin.corsHeaders(request);
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
    getThread: reads.getThread,
    getCounts: reads.getCounts,
    comments: reads.comments,
    /** The comment page's CORS headers for the widget on another origin (COMMENTS_ALLOWED_ORIGINS). */
    corsHeaders: origin.corsHeaders,
    ...createNewComments(ctx),
    ...createOwnComments(ctx),
    ...createModeration({ store, now, invalidate: reads.invalidate }),
    purgeRejected: () => purgeExpired(store, settings, now, reads.invalidate),
  };
}

export type CommentApi = ReturnType<typeof createCommentApi>;
