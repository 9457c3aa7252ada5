/** Response headers for every page and API answer of the Node server. */
export function securityHeaders(path) {
  const headers = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=()'],
    ['X-Frame-Options', 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
  // Moderation and API answers must never sit in a shared cache.
  if (/^\/(api|admin)\//.test(path)) headers.push(['Cache-Control', 'private, no-store']);
  return headers;
}
