/**
 * The writing side of the comment API: a new comment (JSON from the widget, or a form posted without
 * JavaScript), and the author's own comment (edit, delete) guarded by its edit token; reports.
 */
import type { CommentStore, Status } from '@/adapters/comments/store';
import { apiError, json, readBody, safe, type ErrorCode } from './http';
import type { CommentSettings } from './settings';
import type { OriginPolicy } from './origin';
import type { FormPostResult, Refusal } from './api';
import { checkFormToken, hashToken, issueFormToken, newEditToken, safeEqual, textHash } from './tokens';
import { validateEdit, validateNewComment } from './validate';
import { EDIT_WINDOW_MS, LIMITS, THREAD_PATTERN } from './rules';

export interface WriteContext {
  store: CommentStore;
  settings: CommentSettings;
  now: () => number;
  origin: OriginPolicy;
  /** Every write (post, edit, delete, report) counts against the client's budget. */
  overBudget: (clientAddress: string) => Refusal | null;
  invalidate: () => void;
  threads: () => Promise<ReadonlySet<string>>;
  commentsPage: (slug: string) => string;
  formSecret: string;
}

type Created = { id: number; status: Status; editToken: string; thread: string };

export function parseId(raw: string | undefined): number | null {
  return raw && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/** The whole path of a new comment, for JSON and form posts alike. */
async function create(
  ctx: WriteContext,
  request: Request,
  data: Record<string, unknown>,
  clientAddress: string,
): Promise<Created | Refusal> {
  const { store, settings, now } = ctx;
  if (!ctx.origin.originAllowed(request)) return { status: 403, code: 'forbidden_origin' };
  const limited = ctx.overBudget(clientAddress);
  if (limited) return limited;
  const checked = validateNewComment(data);
  if (!checked.ok) return { status: checked.status, code: checked.code as ErrorCode, fields: checked.fields };
  const token = checkFormToken(ctx.formSecret, checked.formToken, settings.minSubmitSeconds, now());
  if (!token.ok) return { status: 400, code: token.code };
  const input = checked.value;
  if (!(await ctx.threads()).has(input.thread)) return { status: 404, code: 'unknown_thread' };
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
  const id = store.createWithToken(
    { ...input, parentId, status, editTokenHash: edit.hash, textHash: hash, now: now() },
    token.nonce,
    token.expiresAt,
  );
  if (id === null) return { status: 400, code: 'form_token_used' };
  ctx.invalidate();
  return { id, status, editToken: edit.token, thread: input.thread };
}

/** New comments: form tokens, the widget's JSON post and the no-JavaScript form post. */
export function createNewComments(ctx: WriteContext) {
  const { origin } = ctx;
  const afterFormPost = (created: Created) =>
    `${ctx.commentsPage(created.thread)}?hinweis=${created.status}#kommentar-${created.status === 'approved' ? created.id : 'formular'}`;

  return {
    formToken: safe((request: Request): Response =>
      json(200, { token: issueFormToken(ctx.formSecret, ctx.now()) }, origin.corsHeaders(request)),
    ),

    newFormToken(): string {
      return issueFormToken(ctx.formSecret, ctx.now());
    },

    /** POST /api/comments: JSON from the widget (201 or a JSON error), or a form (303 to the comment page). */
    post: safe(async (request: Request, clientAddress: string): Promise<Response> => {
      const body = await readBody(request, true);
      if (!body.ok) return origin.withCors(request, body.response);
      const result = await create(ctx, request, body.data, clientAddress);
      if (body.kind === 'json') {
        return 'id' in result
          ? origin.withCors(request, json(201, { id: result.id, status: result.status, editToken: result.editToken }))
          : origin.refused(request, result);
      }
      if ('id' in result) return new Response(null, { status: 303, headers: { Location: afterFormPost(result) } });
      // A form from a page of an older build: back to the comment page with the notice only, never the text.
      const thread = typeof body.data.thread === 'string' ? body.data.thread : '';
      if (!THREAD_PATTERN.test(thread) || result.code === 'unknown_thread') return origin.refused(request, result);
      return new Response(null, {
        status: 303,
        headers: { Location: `${ctx.commentsPage(thread)}?fehler=${result.code}#kommentar-formular`, ...(result.headers ?? {}) },
      });
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
      if (!body.ok)
        return {
          ok: false,
          refusal: { status: body.response.status, code: ((await body.response.json()) as { error: { code: ErrorCode } }).error.code },
          thread,
          values,
        };
      try {
        const result = await create(ctx, request, data, clientAddress);
        return 'id' in result ? { ok: true, location: afterFormPost(result) } : { ok: false, refusal: result, thread, values };
      } catch (error) {
        console.error('Kommentar-Schnittstelle:', error);
        return { ok: false, refusal: { status: 500, code: 'internal' }, thread, values };
      }
    },
  };
}

/** The author's own comment (edit, delete within the edit window, by its edit token), and reports by readers. */
export function createOwnComments(ctx: WriteContext) {
  const { store, settings, now, origin } = ctx;

  /** The author's own comment, if the edit token fits and the edit window is open. */
  function ownComment(request: Request, rawId: string | undefined, clientAddress: string) {
    if (!origin.originAllowed(request)) return apiError(403, 'forbidden_origin');
    const limited = ctx.overBudget(clientAddress);
    if (limited) return origin.refused(request, limited);
    const id = parseId(rawId);
    const comment = id === null ? undefined : store.get(id);
    if (!comment) return apiError(404, 'not_found');
    const token = request.headers.get('x-edit-token') ?? '';
    if (!token || !safeEqual(hashToken(token), comment.editTokenHash)) return apiError(403, 'invalid_edit_token');
    if (now() - comment.createdAtMs > EDIT_WINDOW_MS) return apiError(403, 'edit_window_closed');
    return comment;
  }

  return {
    patch: safe(async (request: Request, rawId: string | undefined, clientAddress: string): Promise<Response> => {
      const found = ownComment(request, rawId, clientAddress);
      if (found instanceof Response) return origin.withCors(request, found);
      const body = await readBody(request, false);
      if (!body.ok) return origin.withCors(request, body.response);
      const edit = validateEdit(body.data);
      if (!edit.ok)
        return origin.withCors(request, apiError(400, edit.code as ErrorCode, { fields: [{ field: 'text', code: edit.code }] }));
      // A changed approved comment goes back to moderation: under `pre` it waits for approval again,
      // under `post` it stays visible and is listed as edited.
      const wasApproved = found.status === 'approved';
      const status: Status = wasApproved && settings.moderation === 'pre' ? 'pending' : found.status;
      store.updateText(found.id, {
        text: edit.text,
        html: edit.html,
        textHash: textHash(edit.text),
        now: now(),
        status,
        edited: wasApproved || found.edited,
      });
      ctx.invalidate();
      return origin.withCors(request, json(200, { id: found.id, status, html: edit.html }));
    }),

    remove: safe((request: Request, rawId: string | undefined, clientAddress: string): Response => {
      const found = ownComment(request, rawId, clientAddress);
      if (found instanceof Response) return origin.withCors(request, found);
      store.delete(found.id, now());
      ctx.invalidate();
      return origin.withCors(request, new Response(null, { status: 204 }));
    }),

    report: safe(async (request: Request, rawId: string | undefined, clientAddress: string): Promise<Response> => {
      if (!origin.originAllowed(request)) return origin.withCors(request, apiError(403, 'forbidden_origin'));
      const id = parseId(rawId);
      const comment = id === null ? undefined : store.get(id);
      if (!comment || comment.status !== 'approved') return origin.withCors(request, apiError(404, 'not_found'));
      const body = await readBody(request, true);
      if (!body.ok) return origin.withCors(request, body.response);
      const limited = ctx.overBudget(clientAddress);
      if (limited) return origin.refused(request, limited);
      const reason = typeof body.data.reason === 'string' ? body.data.reason.trim().slice(0, LIMITS.reportReasonMax) : '';
      store.report(comment.id, reason || '(ohne Begründung)');
      if (body.kind === 'form') {
        return new Response(null, {
          status: 303,
          headers: { Location: `${ctx.commentsPage(comment.thread)}?hinweis=reported#kommentar-${comment.id}` },
        });
      }
      return origin.withCors(request, json(202, { id: comment.id, reported: true }));
    }),
  };
}
