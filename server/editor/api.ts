/**
 * The editor's API in the server (not Astro endpoints, because they hold the server's own state):
 * Keystatic's local-mode API behind the conflict and content guards, and publishing (publish,
 * preview, status, history).
 */
import { de } from '@/i18n/de';
import { MAX_EDITOR_REQUEST_BYTES } from '@/lib/editor/uploads';
import { json, type RequestContext } from '../http';
import type { KeystaticApi } from './keystatic-api';
import type { Publisher } from './publisher';
import { readBody, type Session } from './session';
import type { EditorStore } from './store';
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

/** POST /api/redaktion/veroeffentlichen and …/vorschau: queue a build. */
export function publishRequest(ctx: RequestContext, session: Session, publisher: Publisher): void {
  if (ctx.req.method !== 'POST') {
    return json(ctx.res, 405, { error: { code: 'method_not_allowed', message: de.apiErrors.method_not_allowed } }, { Allow: 'POST' });
  }
  const id = publisher.request(ctx.path.endsWith('vorschau') ? 'preview' : 'publish', session.name);
  json(ctx.res, 202, { id });
}

export function publishStatus(ctx: RequestContext, publisher: Publisher): void {
  json(ctx.res, 200, { ...publisher.status('publish'), preview: publisher.status('preview') });
}

export function publishHistory(ctx: RequestContext, store: EditorStore): void {
  json(ctx.res, 200, {
    publishes: store.recent(10).map((p) => ({
      who: p.requestedBy,
      requestedAt: new Date(p.requestedAt).toISOString(),
      finishedAt: p.finishedAt === null ? null : new Date(p.finishedAt).toISOString(),
      ok: p.ok,
      files: p.files,
      error: p.error,
    })),
  });
}
