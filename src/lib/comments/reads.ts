/** The reading side of the comment API: a thread's approved comments and comment counts, cached until the next write. */
import type { CommentStore } from '@/adapters/comments/store';
import { apiError, json, safe } from './http';
import type { OriginPolicy } from './origin';

export function createReads(deps: { store: CommentStore; threads: () => Promise<ReadonlySet<string>>; origin: OriginPolicy }) {
  const { store, origin } = deps;
  // Rendered answers per thread, and counts; cleared on every write so readers never see stale data.
  const threadCache = new Map<string, string>();
  const countCache = new Map<string, number>();

  return {
    invalidate(): void {
      threadCache.clear();
      countCache.clear();
    },

    getThread: safe(async (request: Request): Promise<Response> => {
      const thread = new URL(request.url).searchParams.get('thread') ?? '';
      let body = threadCache.get(thread);
      if (body === undefined) {
        if (!(await deps.threads()).has(thread)) return origin.withCors(request, apiError(404, 'unknown_thread'));
        const comments = store.listApproved(thread);
        body = JSON.stringify({ thread, count: comments.length, comments });
        threadCache.set(thread, body);
      }
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...origin.corsHeaders(request) },
      });
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
      return json(200, { counts }, origin.corsHeaders(request));
    }),

    /** Approved comments of a thread, for the server-rendered comment page. */
    comments(thread: string) {
      return store.listApproved(thread);
    },
  };
}
