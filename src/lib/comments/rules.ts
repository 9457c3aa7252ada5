/**
 * The comment rules both sides apply: the server (validate.ts, api.ts) and the widget in the
 * browser (comment-section.ts). Browser-safe: no Node modules, no markdown-it.
 */
export const LIMITS = { authorMax: 80, textMax: 5000, linksMax: 3, reportReasonMax: 500 } as const;

/** Largest comment API request body (JSON or form), in bytes. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Authors may edit or delete their comment for this long after posting. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;

/** A form token is good for this long after it was issued, and for one comment. */
export const FORM_TOKEN_MAX_AGE_MS = 2 * 60 * 60 * 1000;

/** Thread ids are article slugs. */
export const THREAD_PATTERN = /^[a-z0-9-]{1,120}$/;

/** The name shown when the author gives none (or nothing visible is left of it). */
export const GUEST_NAME = 'Gast';
