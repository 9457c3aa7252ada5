/**
 * The moderation handlers (/api/redaktion/kommentare…): lists, approve/reject, erase, export. Only a
 * signed-in editor gets here (the server checks the session and the Origin of every write first; the
 * routes pass the editor from `Astro.locals` and are refused without one). Each decision records who made it.
 */
import type { CommentStore, Status } from '@/adapters/comments/store';
import { apiError, json, safe } from './http';
import { parseId } from './writes';

const LISTS: ReadonlySet<string> = new Set(['pending', 'approved', 'rejected', 'reported', 'edited']);

/** The signed-in editor, as the server puts it in `Astro.locals.editor`. */
export interface Moderator {
  name: string;
}

export function createModeration(deps: { store: CommentStore; now: () => number; invalidate: () => void }) {
  const { store, now, invalidate } = deps;

  return {
    moderationList: safe((request: Request, editor: Moderator | undefined): Response => {
      if (!editor) return apiError(401, 'unauthorized');
      const status = new URL(request.url).searchParams.get('status') ?? 'pending';
      if (!LISTS.has(status)) return apiError(400, 'invalid_status');
      return json(200, { status, comments: store.list(status as Status | 'reported' | 'edited'), counts: store.counts() });
    }),

    moderate: safe((editor: Moderator | undefined, rawId: string | undefined, status: 'approved' | 'rejected'): Response => {
      if (!editor) return apiError(401, 'unauthorized');
      const id = parseId(rawId);
      if (id === null || !store.setStatus(id, status, now(), editor.name)) return apiError(404, 'not_found');
      invalidate();
      return json(200, { id, status, moderatedBy: editor.name });
    }),

    erase: safe((editor: Moderator | undefined, rawId: string | undefined): Response => {
      if (!editor) return apiError(401, 'unauthorized');
      const id = parseId(rawId);
      if (id === null || !store.delete(id, now(), editor.name)) return apiError(404, 'not_found');
      invalidate();
      return new Response(null, { status: 204 });
    }),

    /** Everything stored about one comment (Art. 15 DSGVO). */
    exportComment: safe((editor: Moderator | undefined, rawId: string | undefined): Response => {
      if (!editor) return apiError(401, 'unauthorized');
      const id = parseId(rawId);
      const comment = id === null ? undefined : store.get(id);
      if (!comment) return apiError(404, 'not_found');
      // The moderator's name is the guild's record, not data about the commenter.
      const { editTokenHash: _hash, createdAtMs: _ms, moderatedBy: _by, ...data } = comment;
      return json(
        200,
        { exportedAt: new Date(now()).toISOString(), comment: data },
        {
          'Content-Disposition': `attachment; filename="kommentar-${comment.id}.json"`,
        },
      );
    }),

    /** Comments waiting for a decision (the dashboard shows the number). */
    moderationCounts() {
      return store.counts();
    },
  };
}
