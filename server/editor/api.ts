/**
 * The editor's API in the server (not Astro endpoints, because they hold the server's own state):
 * Keystatic's local-mode API behind the conflict and content guards, and publishing (publish,
 * preview, status, history).
 */
import { de } from '@/i18n/de';
import { MAX_EDITOR_REQUEST_BYTES } from '@/lib/editor/uploads';
import { json, type RequestContext } from '../http';
import type { KeystaticApi } from './keystatic-api';
import type { Publisher, PublishStatus } from './publisher';
import { clerkProblems } from '@/lib/editor/clerk-errors';
import { readBody, type Session } from './session';
import type { EditorStore } from './store';
import { entryTitle, publishedItems, readWhatGoesLive } from './live-state';
import { berlinDay } from '@/lib/posts/publish';
import { readSources } from '@/adapters/content/facts-files';
import { REQUEST_TOO_LARGE } from './update-guard';

const t = de.editor;
const MAX_BODY = MAX_EDITOR_REQUEST_BYTES;

/** /api/keystatic/…: Keystatic's own handler, after our refusals (size, paths, code, conflicts). */
export async function keystaticProxy(ctx: RequestContext, session: Session, keystatic: KeystaticApi): Promise<void> {
  const { req, res, path } = ctx;
  const method = req.method ?? 'GET';
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
}

/**
 * POST /api/redaktion/veroeffentlichen and …/vorschau: queue a build. A publish carries the token of the
 * "what goes live" list the clerk saw: when the saved content changed since (someone saved again), it is
 * refused with the new list, so what goes live is exactly what was shown. Without a live state in git
 * there is no list, and no token is asked for.
 */
export async function publishRequest(
  ctx: RequestContext,
  session: Session,
  publisher: Publisher,
  contentDir: string,
  approval = false,
): Promise<void> {
  if (ctx.req.method !== 'POST') {
    return json(ctx.res, 405, { error: { code: 'method_not_allowed', message: de.apiErrors.method_not_allowed } }, { Allow: 'POST' });
  }
  if (ctx.path.endsWith('vorschau')) return json(ctx.res, 202, { id: publisher.request('preview', session.name) });
  const body = await readBody(ctx.req, MAX_BODY);
  if (body === 'too_large') return json(ctx.res, 413, { error: { code: 'too_large', message: REQUEST_TOO_LARGE } });
  let token: unknown;
  try {
    token = (JSON.parse(body.toString('utf8') || '{}') as { token?: unknown }).token;
  } catch {
    token = undefined;
  }
  const list = await readWhatGoesLive(contentDir);
  if (list && token !== list.token) {
    return json(ctx.res, 409, { error: { code: 'changed', message: de.liveChanges.changedMeanwhile }, whatGoesLive: list });
  }
  if (list && list.changes.length === 0) {
    return json(ctx.res, 200, { nothing: true, message: de.liveChanges.nothingToPublish });
  }
  if (approval) {
    // Freigabe: the list is recorded with the request; a second account approves it (approveRequest).
    const id = publisher.request('publish', session.name, { approval: { token: list?.token ?? null } });
    return json(ctx.res, 202, { id, awaitingApproval: true, message: de.liveChanges.approvalWaiting });
  }
  json(ctx.res, 202, { id: publisher.request('publish', session.name) });
}

/**
 * POST /api/redaktion/freigeben {id}: a second account approves a waiting publish (Vier-Augen-Prinzip). Refused
 * for the account that asked, and when the content changed since the request (the approver would publish
 * something else than was asked for).
 */
export async function approveRequest(
  ctx: RequestContext,
  session: Session,
  publisher: Publisher,
  store: EditorStore,
  contentDir: string,
): Promise<void> {
  if (ctx.req.method !== 'POST') {
    return json(ctx.res, 405, { error: { code: 'method_not_allowed', message: de.apiErrors.method_not_allowed } }, { Allow: 'POST' });
  }
  const body = await readBody(ctx.req, MAX_BODY);
  if (body === 'too_large') return json(ctx.res, 413, { error: { code: 'too_large', message: REQUEST_TOO_LARGE } });
  let id: unknown;
  try {
    id = (JSON.parse(body.toString('utf8') || '{}') as { id?: unknown }).id;
  } catch {
    id = undefined;
  }
  const waiting = store.awaitingApproval().find((p) => p.id === id);
  const l = de.liveChanges;
  if (!waiting) return json(ctx.res, 404, { error: { code: 'not_waiting', message: l.approvalGone } });
  if (waiting.requestedBy.toLowerCase() === session.name.toLowerCase()) {
    return json(ctx.res, 403, { error: { code: 'same_account', message: l.approvalSameAccount } });
  }
  const list = await readWhatGoesLive(contentDir);
  if (list && waiting.listToken !== list.token) {
    return json(ctx.res, 409, { error: { code: 'changed', message: l.approvalChanged } });
  }
  if (!publisher.approve(waiting.id, session.name)) return json(ctx.res, 404, { error: { code: 'not_waiting', message: l.approvalGone } });
  json(ctx.res, 202, { id: waiting.id });
}

/** GET /api/redaktion/was-geht-online: the list the dashboard shows (null without a live state in git). */
export async function whatGoesLiveRequest(ctx: RequestContext, contentDir: string): Promise<void> {
  json(ctx.res, 200, { whatGoesLive: (await readWhatGoesLive(contentDir)) ?? null });
}

/** GET the sources' titles by key: the editor's source picker shows „ginlo Business – Nutzungsbedingungen“, the file keeps „G1“. */
export function entryTitlesRequest(ctx: RequestContext, contentDir: string): void {
  const titles = Object.fromEntries(Object.entries(readSources(contentDir)).map(([key, source]) => [key, source.title]));
  json(ctx.res, 200, { sources: titles });
}

/** GET /api/redaktion/status; a refused publish also names its content problems in the clerk's words (clerk-errors.ts). */
export function publishStatus(ctx: RequestContext, publisher: Publisher, store: EditorStore, contentDir: string): void {
  const status = publisher.status('publish');
  const withProblems = (last: PublishStatus['last']) =>
    last && !last.ok && last.error
      ? { ...last, problems: clerkProblems(last.error, (collection, slug) => entryTitle(contentDir, collection, slug)) }
      : last;
  const preview = publisher.status('preview');
  const awaiting = store.awaitingApproval().map((p) => ({ id: p.id, by: p.requestedBy, at: new Date(p.requestedAt).toISOString() }));
  json(ctx.res, 200, {
    ...status,
    last: withProblems(status.last),
    preview: { ...preview, last: withProblems(preview.last) },
    awaitingApproval: awaiting,
  });
}

/** GET /api/redaktion/verlauf: the last publishes, each with what it published by title (a post not live yet: its day). */
export function publishHistory(ctx: RequestContext, store: EditorStore, contentDir: string): void {
  const today = berlinDay(new Date());
  json(ctx.res, 200, {
    publishes: store.recent(10).map((p) => ({
      who: p.requestedBy,
      requestedAt: new Date(p.requestedAt).toISOString(),
      finishedAt: p.finishedAt === null ? null : new Date(p.finishedAt).toISOString(),
      ok: p.ok,
      awaitingApproval: p.awaitingApproval,
      approvedBy: p.approvedBy,
      items: publishedItems(contentDir, p.files, today),
      error: p.error,
    })),
  });
}
