/** The moderation handlers (/api/admin/comments…): Bearer token, lists, approve/reject, delete, export. */
import { apiError, json, safe } from './http';
import { RateLimiter } from './rate-limit';
import type { CommentSettings } from './settings';
import type { CommentStore, Status } from '@/adapters/comments/store';
import { safeEqual } from './tokens';

/** Failed moderation logins per client per 10-minute window before it has to wait for the next one. */
export const ADMIN_FAILURES_ALLOWED = 10;

const LISTS: ReadonlySet<string> = new Set(['pending', 'approved', 'rejected', 'reported', 'edited']);

export function createModeration(deps: { store: CommentStore; settings: CommentSettings; now: () => number; invalidate: () => void }) {
  const { store, settings, now, invalidate } = deps;
  const failures = new RateLimiter(ADMIN_FAILURES_ALLOWED);

  /** null when the Bearer token is right; otherwise the answer (401, or 429 after too many failures). */
  function denied(request: Request, clientAddress: string): Response | null {
    if (!settings.adminToken) return apiError(401, 'moderation_disabled');
    const wait = failures.exhausted(clientAddress, now());
    if (wait > 0) return apiError(429, 'too_many_attempts', { headers: { 'Retry-After': String(wait) } });
    const header = request.headers.get('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (token && safeEqual(token, settings.adminToken)) return null;
    failures.take(clientAddress, now());
    return apiError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer' } });
  }

  function parseId(raw: string | undefined): number | null {
    return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
  }

  return {
    adminList: safe((request: Request, clientAddress: string): Response => {
      const refusal = denied(request, clientAddress);
      if (refusal) return refusal;
      const status = new URL(request.url).searchParams.get('status') ?? 'pending';
      if (!LISTS.has(status)) return apiError(400, 'invalid_status');
      return json(200, { status, comments: store.list(status as Status | 'reported' | 'edited'), counts: store.counts() });
    }),

    adminSetStatus: safe((request: Request, rawId: string | undefined, status: 'approved' | 'rejected', clientAddress: string): Response => {
      const refusal = denied(request, clientAddress);
      if (refusal) return refusal;
      const id = parseId(rawId);
      if (id === null || !store.setStatus(id, status, now())) return apiError(404, 'not_found');
      invalidate();
      return json(200, { id, status });
    }),

    adminDelete: safe((request: Request, rawId: string | undefined, clientAddress: string): Response => {
      const refusal = denied(request, clientAddress);
      if (refusal) return refusal;
      const id = parseId(rawId);
      if (id === null || !store.delete(id, now())) return apiError(404, 'not_found');
      invalidate();
      return new Response(null, { status: 204 });
    }),

    /** Everything stored about one comment (Art. 15 DSGVO). */
    adminExport: safe((request: Request, rawId: string | undefined, clientAddress: string): Response => {
      const refusal = denied(request, clientAddress);
      if (refusal) return refusal;
      const id = parseId(rawId);
      const comment = id === null ? undefined : store.get(id);
      if (!comment) return apiError(404, 'not_found');
      const { editTokenHash: _hash, createdAtMs: _ms, ...data } = comment;
      return json(200, { exportedAt: new Date(now()).toISOString(), comment: data }, {
        'Content-Disposition': `attachment; filename="kommentar-${comment.id}.json"`,
      });
    }),
  };
}
