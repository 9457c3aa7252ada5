/**
 * Who may write and who may read across origins: writes come from the site itself (or an origin in
 * COMMENTS_ALLOWED_ORIGINS); CORS headers go only to those allowed origins.
 */
import { apiError } from './http';
import type { Refusal } from './api';

/** scheme://host[:port] of a URL or Origin header, with default ports dropped; null when it is none. */
export function originOf(value: string | null | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function createOriginPolicy(siteOriginValue: string, allowed: readonly string[]) {
  const siteOrigin = originOf(siteOriginValue);
  const allowedOrigins = new Set(allowed.map(originOf).filter((o): o is string => o !== null));

  function corsHeaders(request: Request): Record<string, string> {
    const origin = originOf(request.headers.get('origin'));
    if (!origin || !allowedOrigins.has(origin)) return {};
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  /**
   * Writes come from the site itself: the Origin header (scheme, host and port) must be the site's
   * public origin, one of COMMENTS_ALLOWED_ORIGINS, or the origin this request was sent to.
   */
  function originAllowed(request: Request): boolean {
    const header = request.headers.get('origin');
    if (header === null) return true; // not a browser cross-site request (browsers always send Origin on writes)
    const origin = originOf(header);
    if (!origin) return false;
    if (origin === siteOrigin || allowedOrigins.has(origin)) return true;
    // Same origin: Astro's request.url does not carry the Host header unless security.allowedDomains
    // is set, so take the scheme from the request and the host from the header.
    const host = request.headers.get('host');
    return host !== null && origin === originOf(`${new URL(request.url).protocol}//${host}`);
  }

  function withCors(request: Request, response: Response): Response {
    for (const [k, v] of Object.entries(corsHeaders(request))) response.headers.set(k, v);
    return response;
  }

  function refused(request: Request, r: Refusal): Response {
    return withCors(
      request,
      apiError(r.status, r.code, { ...(r.fields ? { fields: r.fields } : {}), ...(r.headers ? { headers: r.headers } : {}) }),
    );
  }

  return { corsHeaders, originAllowed, withCors, refused };
}

export type OriginPolicy = ReturnType<typeof createOriginPolicy>;
