/**
 * Cleans names and comment text before they are checked and stored: Unicode NFC; no control or
 * format characters (bidi overrides, zero-width spaces, NUL, ANSI escapes); at most a few combining
 * marks on one letter. Browser-safe and pure.
 */
import { GUEST_NAME } from './rules';

/** Combining marks allowed on one base character (enough for Vietnamese or pointed Hebrew). */
export const MAX_COMBINING_MARKS = 4;

const ANSI_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]/g;
const TOO_MANY_MARKS = new RegExp(`(\\p{M}{${MAX_COMBINING_MARKS}})\\p{M}+`, 'gu');
// A zero-width joiner between two pictographs builds one emoji (👩‍🔧); anywhere else it serves no purpose.
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/u;
const FORMAT_CHARS = /\p{Cf}/gu;

function stripFormat(value: string): string {
  return value.replace(FORMAT_CHARS, (char, offset: number, whole: string) =>
    char === '\u200D' && EMOJI_JOINER.test(whole.slice(Math.max(0, offset - 3), offset + 3)) ? char : '',
  );
}

function common(value: string): string {
  return stripFormat(value.normalize('NFC').replace(ANSI_ESCAPE, '')).replace(TOO_MANY_MARKS, '$1');
}

/** A display name: one line, trimmed; "Gast" when nothing visible is left. */
export function cleanName(raw: string): string {
  const name = common(raw)
    .replace(/[\s\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return /[^\s\p{M}\p{Cn}]/u.test(name) ? name : GUEST_NAME;
}

/** Comment text: line breaks and tabs stay, other control characters go; line ends become \n. */
export function cleanText(raw: string): string {
  return common(raw.replace(/\r\n?/g, '\n'))
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[^\P{Cc}\n\t]/gu, '')
    .trim();
}
