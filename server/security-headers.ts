/**
 * Response headers for every answer of the production server. Reader pages carry their
 * Content-Security-Policy as a meta tag with hashes (astro.config.mjs); the editor pages get
 * their own header policy here, because Keystatic injects inline styles.
 */
export type HeaderList = Array<[string, string]>;

const COMMON: HeaderList = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
];

/** Paths whose answers are private: never stored by a shared cache, never indexed. */
export function isPrivatePath(path: string): boolean {
  return /^\/(api|admin|redaktion|keystatic|_editor)(\/|$)/.test(path);
}

export function securityHeaders(path: string): HeaderList {
  const headers = [...COMMON];
  if (isPrivatePath(path)) headers.push(['Cache-Control', 'private, no-store']);
  if (/^\/(redaktion|keystatic|_editor)(\/|$)/.test(path)) headers.push(['X-Robots-Tag', 'noindex, nofollow']);
  return headers;
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
