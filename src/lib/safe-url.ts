/**
 * Which addresses content may link to: the one rule for links and images in a post's text, for the
 * `href`/`src`/`url` of HTML and building blocks, and for every URL field of posts and sources (the
 * schemas use it instead of zod's `.url()`, which lets `javascript:`, `data:` and `vbscript:` pass).
 * Plain TypeScript, no Node: the browser editor can use the same rule.
 */

/** Schemes a link or image may use; anything else (javascript:, data:, vbscript:, file:, …) is refused. */
export const LINK_SCHEMES = ['https', 'http', 'mailto', 'tel'] as const;
/** Schemes a source's address may use: a web page. */
export const WEB_SCHEMES = ['https', 'http'] as const;

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  nbsp: ' ',
  amp: '&',
  sol: '/',
  num: '#',
  quest: '?',
  lpar: '(',
  rpar: ')',
  period: '.',
};

/** Decodes character references as a browser would in an attribute (numeric ones also without `;`), until none is left. */
export function decodeEntities(value: string): string {
  let current = value;
  for (let round = 0; round < 5; round++) {
    const next = current
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
      .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(parseInt(dec, 10), 0x10ffff)))
      .replace(/&([a-z]+);/gi, (all, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? all);
    if (next === current) return current;
    current = next;
  }
  return current;
}

/**
 * The scheme a browser would see, lower case, or '' for a relative address (path, `#anchor`, `?query`,
 * `//host`). Entities are decoded and every whitespace, control and invisible format character removed
 * first, so `JaVa\tScRiPt:`, ` javascript:` and `&#106;avascript:` all read as `javascript`. Returns
 * `undefined` when something before the first `/?#` still looks like a scheme but is not a valid one
 * (e.g. an unknown entity): such an address is refused rather than guessed at.
 */
export function urlScheme(raw: string): string | undefined {
  const value = decodeEntities(raw).replace(
    /[\u0000-\u0020\u007f-\u00a0\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
    '',
  );
  const head = /^[^/?#\\]*/.exec(value)?.[0] ?? '';
  const colon = head.indexOf(':');
  if (colon === -1) return head.includes('&') ? undefined : '';
  const scheme = head.slice(0, colon);
  return /^[a-z][a-z0-9+.-]*$/i.test(scheme) ? scheme.toLowerCase() : undefined;
}

/** A link or image address content may use: https, http, mailto, tel, or relative (path or `#anchor`). */
export function isSafeLink(raw: string): boolean {
  const scheme = urlScheme(raw);
  return scheme === '' || (scheme !== undefined && (LINK_SCHEMES as readonly string[]).includes(scheme));
}

/** A full web address (https:// or http://) as a source needs: safe by the rule above and parseable as it is written. */
export function isWebAddress(raw: string): boolean {
  const scheme = urlScheme(raw);
  if (!scheme || !(WEB_SCHEMES as readonly string[]).includes(scheme)) return false;
  if (raw !== raw.trim() || /[\s<>"]/.test(raw)) return false;
  try {
    const url = new URL(raw);
    return (WEB_SCHEMES as readonly string[]).includes(url.protocol.slice(0, -1)) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Picture types a post may show; the same list the editor's uploads accept. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'avif', 'gif'] as const;
// Each folder and the name start with a letter or digit (no `.`/`..` folder); spaces and umlauts stay possible in hand-written files.
const SEGMENT = '[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*';
const LOCAL_IMAGE = new RegExp(`^(\\./)?(${SEGMENT}/)*${SEGMENT}\\.(${IMAGE_EXTENSIONS.join('|')})$`, 'iu');
// A root-relative address is a file of public/, which Astro links without importing it: SVG logos too.
const PUBLIC_IMAGE = new RegExp(`^/(${SEGMENT}/)*${SEGMENT}\\.(${[...IMAGE_EXTENSIONS, 'svg'].join('|')})$`, 'iu');

/**
 * An image address a post may use. Stricter than a link: Astro turns every local Markdown image of an
 * MDX post into a module import with no check of the file type, so `../sources/x.yaml` or `./a.png?raw`
 * would make the build import (and run) any file. Allowed: a full web address, or a plain path to a
 * picture (png, jpg, webp, avif, gif) below the post's folder, or one of this site's public/ files (also svg) — no `..`, no dot folders,
 * no `?`, `#` or `%` (Astro decodes `%` before it imports).
 */
export function isSafeImage(raw: string): boolean {
  const scheme = urlScheme(raw);
  if (scheme === 'https' || scheme === 'http') return isWebAddress(raw);
  return scheme === '' && raw === raw.trim() && (LOCAL_IMAGE.test(raw) || PUBLIC_IMAGE.test(raw));
}
