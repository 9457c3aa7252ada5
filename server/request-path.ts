/**
 * The request path, decoded and normalised once: routing, the editor's access check, the
 * security headers and the file server all see the same path. Before, the access check read
 * the raw path while the file server decoded it, so `/%72edaktion/` slipped past the check.
 */

export type ParsedTarget = { ok: true; path: string; url: string } | { ok: false };

/** Encoded slashes and backslashes would change where a segment ends after decoding. */
const ENCODED_SEPARATOR = /%(2f|5c)/i;
/** Control characters (NUL included), a backslash or a percent sign left after one decoding. */
const FORBIDDEN_DECODED = /[\u0000-\u001f\u007f\\%]/;

/**
 * Splits an origin-form target ("/path?query") into its normalised, decoded path and the
 * equivalent URL to hand on (each segment encoded again, query unchanged). Dot segments are
 * resolved; one that would climb above the root, a malformed escape (`%zz`), an encoded
 * separator, a control character or a double encoding is refused.
 */
export function parseTarget(target: string): ParsedTarget {
  if (!target.startsWith('/') || target.startsWith('//')) return { ok: false };
  const cut = target.search(/[?#]/);
  const raw = cut < 0 ? target : target.slice(0, cut);
  const query = cut < 0 || target[cut] === '#' ? '' : target.slice(cut).replace(/#.*$/, '');
  if (ENCODED_SEPARATOR.test(raw)) return { ok: false };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { ok: false };
  }
  if (FORBIDDEN_DECODED.test(decoded)) return { ok: false };
  const segments: string[] = [];
  const parts = decoded.split('/').slice(1);
  for (const [index, part] of parts.entries()) {
    const last = index === parts.length - 1;
    if (part === '..') {
      if (segments.length === 0) return { ok: false };
      segments.pop();
      if (last) segments.push('');
    } else if (part === '.') {
      if (last) segments.push('');
    } else if (part !== '' || last) segments.push(part);
  }
  const path = `/${segments.join('/')}`;
  const encoded = segments.map((s) => encodeURI(s).replace(/\?/g, '%3F').replace(/#/g, '%23'));
  return { ok: true, path, url: `/${encoded.join('/')}${query}` };
}
