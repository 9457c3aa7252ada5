/** How long an editor's session lives: enforced by server/editor/store.ts, stated by the Datenschutzerklärung. */

/** A session ends after this long without a request, and at logout. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** A session ends this long after its login, however busy the editor is (a stolen cookie does not live forever). */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;
