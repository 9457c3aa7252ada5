import { de } from '@/i18n/de';
import { MAX_BODY_BYTES } from './rules';

export type ErrorCode = keyof typeof de.apiErrors;

/** `obj[key]` only when `key` is the object's own property: request values never reach `constructor` or `valueOf`. */
export function own<T>(obj: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
  return key != null && Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function isErrorCode(code: string | null | undefined): code is ErrorCode {
  return own(de.apiErrors, code) !== undefined;
}

/** Every answer of the comment API stays out of shared caches (the README promises this for /api/). */
export const NO_STORE = 'private, no-store';

/**
 * Wraps one handler: whatever fails inside (disk full, database locked), the client gets the German
 * JSON error, never an HTML page or a stack trace; and every answer carries `Cache-Control: private, no-store`.
 */
export function safe<A extends unknown[], R extends Response | Promise<Response>>(handler: (...args: A) => R): (...args: A) => R {
  return ((...args: A) => {
    try {
      const result = handler(...args);
      return result instanceof Promise ? result.then(noStore, internalError) : noStore(result);
    } catch (error) {
      return internalError(error);
    }
  }) as (...args: A) => R;
}

function noStore(response: Response): Response {
  response.headers.set('Cache-Control', NO_STORE);
  return response;
}

export function internalError(error: unknown): Response {
  console.error('Kommentar-Schnittstelle:', error);
  return apiError(500, 'internal');
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': NO_STORE, ...headers },
  });
}

/** `{ error: { code, message (German), fields? } }` */
export function apiError(
  status: number,
  code: ErrorCode,
  options: { fields?: Array<{ field: string; code: string }>; headers?: Record<string, string> } = {},
): Response {
  const fields = options.fields?.map((f) => ({
    field: f.field,
    code: f.code,
    message: own(de.apiErrors, f.code) ?? de.apiErrors.invalid,
  }));
  return json(status, { error: { code, message: de.apiErrors[code], ...(fields ? { fields } : {}) } }, options.headers);
}

export { MAX_BODY_BYTES } from './rules';

export type ParsedBody = { ok: true; kind: 'json' | 'form'; data: Record<string, unknown> } | { ok: false; response: Response };

/** Reads a JSON or form body, refusing other types (415) and anything over MAX_BODY_BYTES (413). */
export async function readBody(request: Request, allowForm: boolean): Promise<ParsedBody> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const kind = type === 'application/json' ? 'json' : allowForm && type === 'application/x-www-form-urlencoded' ? 'form' : null;
  if (!kind) return { ok: false, response: apiError(415, 'unsupported_media_type') };
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) return { ok: false, response: apiError(413, 'body_too_large') };
  const buffer = await readLimited(request, MAX_BODY_BYTES);
  if (buffer === null) return { ok: false, response: apiError(413, 'body_too_large') };
  const text = new TextDecoder().decode(buffer);
  if (kind === 'form') return { ok: true, kind, data: Object.fromEntries(new URLSearchParams(text)) };
  try {
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return { ok: false, response: apiError(400, 'invalid_json') };
    return { ok: true, kind, data: data as Record<string, unknown> };
  } catch {
    return { ok: false, response: apiError(400, 'invalid_json') };
  }
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
