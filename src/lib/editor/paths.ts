/**
 * The editor's paths, in one place: the server (which paths need a session and get the editor in
 * `Astro.locals`), the session cookie's paths, the security headers (noindex, no-store), robots.txt,
 * the sitemap filter and the dashboard's links all read them from here. A new editor page is one
 * .astro file under src/pages/redaktion/ (with `prerender = false`) plus a link: nothing else to add.
 * Relative imports only: astro.config.mjs imports this file and cannot resolve `@/`.
 */

/** Every path below one of these belongs to the editor: closed without a session, never indexed or cached. */
export const EDITOR_PATH_PREFIXES = ['/redaktion', '/keystatic', '/api/keystatic', '/api/redaktion'] as const;

/** Pages and endpoints of the editor. */
export const editorPaths = {
  dashboard: '/redaktion/',
  login: '/redaktion/anmelden/',
  logout: '/redaktion/abmelden/',
  /** Shown instead of any editor page while no account exists. */
  noAccount: '/redaktion/ohne-konto/',
  comments: '/redaktion/kommentare/',
  /** The comparison's facts, oldest check first, with "Stimmt noch" (src/pages/redaktion/fakten/). */
  facts: '/redaktion/fakten/',
  factsAction: '/api/redaktion/fakten/',
  /** Each source's title by its key, for the editor's source picker (editor/astro.config.mjs). */
  entryTitles: '/api/redaktion/quellen-titel',
  preview: '/redaktion/vorschau/',
  keystatic: '/keystatic/',
  /** The Keystatic app's scripts (dist-editor/_editor/): public, nothing in them is secret. */
  editorAssets: '/_editor/',
} as const;

/**
 * The header on every editor screen (Astro pages and the Keystatic app), in this order. Labels are
 * `de.editorNav[key]`; one list so both headers link the same screens.
 */
export const editorNav = [
  { key: 'overview', href: editorPaths.dashboard },
  { key: 'posts', href: `${editorPaths.keystatic}collection/posts` },
  { key: 'messengers', href: `${editorPaths.keystatic}collection/messengers` },
  { key: 'sources', href: `${editorPaths.keystatic}collection/sources` },
  { key: 'preview', href: `${editorPaths.dashboard}#vorschau` },
  { key: 'publish', href: `${editorPaths.dashboard}#veroeffentlichen` },
] as const;

export type EditorNavKey = (typeof editorNav)[number]['key'];

/** Whether `path` (decoded and normalised, as the server's request-path.ts makes it) is `prefix` or below it. */
function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Whether a path belongs to the editor (needs a session). */
export function isEditorPath(path: string): boolean {
  return EDITOR_PATH_PREFIXES.some((prefix) => under(path, prefix));
}

/** Whether a path is one of the editor's APIs (answers JSON, 401 without a session, rather than the login page). */
export function isEditorApiPath(path: string): boolean {
  return EDITOR_PATH_PREFIXES.some((prefix) => prefix.startsWith('/api/') && under(path, prefix));
}
