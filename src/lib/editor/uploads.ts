/**
 * Uploads through the browser editor are pictures (issue 21, F2/F6/F11): a few raster formats, checked
 * by their first bytes as well as by name; names that every system and git can hold; a size limit per
 * file and a quota for the content folder. Plain TypeScript, no Node: the rule and its numbers are one.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';

/** Largest picture the editor accepts, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * Largest request the editor's save API reads: one picture at MAX_UPLOAD_BYTES as Keystatic sends it
 * (base64, 4/3 of its size) plus the entry around it. Over it the server answers with requestTooLarge,
 * which names MAX_UPLOAD_BYTES.
 */
export const MAX_EDITOR_REQUEST_BYTES = 2 * MAX_UPLOAD_BYTES;
/** Default quota for everything in content/ (EDITOR_CONTENT_QUOTA_MB overrides it on the server). */
export const DEFAULT_CONTENT_QUOTA_BYTES = 500 * 1024 * 1024;
/** Longest picture name. */
export const UPLOAD_NAME_MAX = 81;
/** A picture's name: lower-case letters, digits, dot, hyphen, underscore; not starting with a dot. */
export const UPLOAD_NAME = new RegExp(`^[a-z0-9][a-z0-9._-]{0,${UPLOAD_NAME_MAX - 1}}$`);

export type ImageType = 'png' | 'jpeg' | 'webp' | 'avif' | 'gif';
/** File extensions and the format each must contain. */
export const IMAGE_EXTENSIONS: Readonly<Record<string, ImageType>> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
};

const MB = 1024 * 1024;
const t = de.contentSafety;
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The picture format the bytes start with (magic numbers), if any of ours. */
export function imageTypeOf(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 16 && ascii(bytes, 4, 8) === 'ftyp') {
    // ISO-BMFF: major brand, then compatible brands up to the end of the ftyp box.
    const boxEnd = Math.min(bytes.length, ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0);
    const brands = [ascii(bytes, 8, 12)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, at + 4));
    if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  }
  return undefined;
}

/** Names Windows cannot hold (CON, NUL, COM1 …, also with an extension) or that end in a dot. */
export function isWindowsReserved(name: string): boolean {
  return /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i.test(name) || /[. ]$/.test(name);
}

/** A name that passes UPLOAD_NAME, made from the editor's one (for the message). */
export function suggestName(name: string): string {
  const lower = name.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  const dot = lower.lastIndexOf('.');
  const ext = dot > 0 ? lower.slice(dot + 1).replace(/[^a-z0-9]/g, '') : '';
  const stem =
    (dot > 0 ? lower.slice(0, dot) : lower)
      .normalize('NFKD')
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '') || 'bild';
  const tail = ext ? `.${ext.slice(0, 4)}` : '';
  const cut = stem.slice(0, UPLOAD_NAME_MAX - tail.length).replace(/[.-]+$/, '') || 'bild';
  const suggestion = `${cut}${tail}`;
  return isWindowsReserved(suggestion) ? `bild-${suggestion}` : suggestion;
}

/** Why a picture cannot be saved under this name with these bytes (German), or undefined when it can. */
export function uploadRefusal(
  name: string,
  bytes: Uint8Array,
): { reason: 'type' | 'name' | 'size' | 'content'; message: string } | undefined {
  const shown = name.length > 60 ? `${name.slice(0, 57)}…` : name;
  const types = Object.keys(IMAGE_EXTENSIONS)
    .map((e) => `.${e}`)
    .join(', ');
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const expected = IMAGE_EXTENSIONS[ext];
  if (!expected) return { reason: 'type', message: format(t.uploadType, { name: shown, types }) };
  if (!UPLOAD_NAME.test(name))
    return { reason: 'name', message: format(t.uploadName, { name: shown, suggestion: suggestName(name), max: UPLOAD_NAME_MAX }) };
  if (isWindowsReserved(name)) return { reason: 'name', message: format(t.uploadReserved, { name: shown }) };
  if (bytes.length > MAX_UPLOAD_BYTES) {
    return {
      reason: 'size',
      message: format(t.uploadTooLarge, {
        name: shown,
        size: (bytes.length / MB).toFixed(1).replace('.', ','),
        max: MAX_UPLOAD_BYTES / MB,
      }),
    };
  }
  if (imageTypeOf(bytes) !== expected) return { reason: 'content', message: format(t.uploadContent, { name: shown, types }) };
  return undefined;
}
