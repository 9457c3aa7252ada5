/**
 * Response headers for every answer of the production server. Reader and editor pages carry their
 * Content-Security-Policy as a meta tag with hashes (astro.config.mjs); the Keystatic app gets
 * its own header policy here, because it injects inline styles.
 */
import { editorPaths, isEditorPath } from '../src/lib/editor/paths';

export type HeaderList = Array<[string, string]>;

const COMMON: HeaderList = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/** The editor's paths and its app's scripts: never indexed. */
function isEditorOwned(path: string): boolean {
  return isEditorPath(path) || path.startsWith(editorPaths.editorAssets);
}

/** Paths whose answers are private: never stored by a shared cache, never indexed. */
export function isPrivatePath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || isEditorOwned(path);
}

export function securityHeaders(path: string): HeaderList {
  const headers = [...COMMON];
  if (isPrivatePath(path)) headers.push(['Cache-Control', 'private, no-store']);
  if (isEditorOwned(path)) headers.push(['X-Robots-Tag', 'noindex, nofollow']);
  return headers;
}

/**
 * Every static answer that is not a page: opened on its own (an SVG, a PDF, a text file), it runs
 * nothing, loads nothing but our pictures and is sandboxed to an opaque origin; as an `<img>`, a
 * script or a stylesheet on our pages it works as before (a subresource's own CSP does not apply).
 */
export const STATIC_FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** A path with a file extension other than .html/.htm is a file, not a page. */
export function isStaticFilePath(pathname: string): boolean {
  const last = pathname.slice(pathname.lastIndexOf('/') + 1);
  return /\.[a-z0-9]+$/i.test(last) && !/\.html?$/i.test(last);
}

/**
 * Sets the static-file policy on a file answer (sirv's setHeaders); pages keep their own meta CSP.
 * Scripts are the exception: a worker script (Pagefind's search worker) runs under its own
 * answer's policy, which would forbid it to load the index; opened on its own a script is shown
 * as text (nosniff), never run, so the sandbox would add nothing there.
 */
export function setStaticFileHeaders(res: { setHeader(name: string, value: string): unknown }, pathname: string): void {
  if (!isStaticFilePath(pathname)) return;
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (!/\.m?js$/i.test(pathname)) res.setHeader('Content-Security-Policy', STATIC_FILE_CSP);
}

/**
 * The editor's policy: everything from this origin only, no third party (Keystatic's Google
 * Fonts link is removed at its build and refused here too); inline styles allowed for its UI,
 * inline scripts only by hash.
 */
export function editorContentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.map((h) => `'${h}'`).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
