import { cleanName, cleanText } from './clean';
import { countLinks, renderComment } from './render';
import { LIMITS, THREAD_PATTERN } from './rules';

export interface NewCommentInput {
  thread: string;
  parentId: number | null;
  author: string;
  text: string;
  html: string;
}

export type FieldError = { field: string; code: string };

export type Validation =
  { ok: true; value: NewCommentInput; formToken: unknown } | { ok: false; status: 400 | 422; code: string; fields: FieldError[] };

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Accepts both JSON booleans and form checkbox values. */
function truthy(value: unknown): boolean {
  return value === true || value === 'true' || value === 'on' || value === '1';
}

/** Cleans and checks a new comment; renders it so the link limit counts real links. */
export function validateNewComment(body: Record<string, unknown>): Validation {
  if (str(body.website) !== '') return { ok: false, status: 400, code: 'honeypot', fields: [{ field: 'website', code: 'honeypot' }] };
  const thread = str(body.thread).trim();
  if (!THREAD_PATTERN.test(thread)) return { ok: false, status: 400, code: 'invalid', fields: [{ field: 'thread', code: 'invalid' }] };
  const rawParent = body.parentId;
  let parentId: number | null = null;
  if (rawParent !== undefined && rawParent !== null && rawParent !== '') {
    const n = Number(rawParent);
    if (!Number.isInteger(n) || n <= 0)
      return { ok: false, status: 400, code: 'invalid', fields: [{ field: 'parentId', code: 'invalid' }] };
    parentId = n;
  }
  const author = cleanName(str(body.author));
  const text = cleanText(str(body.text));
  const fields: FieldError[] = [];
  if (author.length > LIMITS.authorMax) fields.push({ field: 'author', code: 'author_too_long' });
  const checked = checkText(text);
  if (!checked.ok) fields.push({ field: 'text', code: checked.code });
  if (!checked.ok || fields.length > 0) return { ok: false, status: 400, code: fields[0]!.code, fields };
  if (!truthy(body.consent))
    return { ok: false, status: 422, code: 'consent_required', fields: [{ field: 'consent', code: 'consent_required' }] };
  return { ok: true, value: { thread, parentId, author, text, html: checked.html }, formToken: body.formToken };
}

function checkText(text: string): { ok: true; html: string } | { ok: false; code: string } {
  if (text.length === 0) return { ok: false, code: 'text_required' };
  if (text.length > LIMITS.textMax) return { ok: false, code: 'text_too_long' };
  const html = renderComment(text);
  if (countLinks(html) > LIMITS.linksMax) return { ok: false, code: 'too_many_links' };
  return { ok: true, html };
}

/** Checks edited text with the same rules as a new comment. */
export function validateEdit(body: Record<string, unknown>): { ok: true; text: string; html: string } | { ok: false; code: string } {
  const text = cleanText(str(body.text));
  const checked = checkText(text);
  return checked.ok ? { ok: true, text, html: checked.html } : checked;
}
