import { normalize } from './search';

/** A text prepared once for many mentions() checks: normalised, words separated by single spaces. */
export function haystack(text: string): string {
  return ` ${normalize(text).replace(/[^a-z0-9]+/g, ' ')} `;
}

/** The names as mentions() looks for them: normalised, without parentheses, words separated by single spaces. */
export function needles(names: readonly string[]): string[] {
  return names
    .map((name) =>
      normalize(name)
        .replace(/\([^)]*\)/g, '')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim(),
    )
    .filter((needle) => needle.length > 0)
    .map((needle) => ` ${needle} `);
}

/**
 * Does a text mention the messenger by its name or an alias? (Whole words, umlaut-insensitive.)
 * `prepared` and `names` may come prepared (haystack(), needles()) when one check runs many times.
 */
export function mentions(text: string, names: readonly string[], prepared = haystack(text), wanted = needles(names)): boolean {
  return wanted.some((needle) => prepared.includes(needle));
}
