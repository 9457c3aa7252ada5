import { de } from '@/i18n/de';
import { isErrorCode, own, type ErrorCode } from './http';

export type Notice = { kind: 'success' | 'error'; message: string; field?: string };

const FIELD_OF: Partial<Record<ErrorCode, string>> = {
  text_required: 'text',
  text_too_long: 'text',
  too_many_links: 'text',
  duplicate: 'text',
  author_too_long: 'author',
  consent_required: 'consent',
};

/** The German notice after a form post without JavaScript (?hinweis=… or ?fehler=…). */
export function noticeFor(params: URLSearchParams): Notice | undefined {
  const status = params.get('hinweis');
  if (status === 'pending') return { kind: 'success', message: de.comments.pending };
  if (status === 'approved') return { kind: 'success', message: de.comments.published };
  if (status === 'reported') return { kind: 'success', message: de.comments.reported };
  const code = params.get('fehler');
  return isErrorCode(code) ? errorNotice(code) : undefined;
}

/** The German notice for a refused comment, tied to its form field where there is one. */
export function errorNotice(code: ErrorCode): Notice {
  const field = own(FIELD_OF, code);
  return { kind: 'error', message: de.apiErrors[code], ...(field ? { field } : {}) };
}
