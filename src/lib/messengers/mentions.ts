import { normalize } from './search';

/** A text prepared once for many mentions() checks: normalised, words separated by single spaces. */
export function haystack(text: string): string {
  return ` ${normalize(text).replace(/[^a-z0-9]+/g, ' ')} `;
}

/** Does a text mention the messenger by its name or an alias? (Whole words, umlaut-insensitive.) */
export function mentions(text: string, names: readonly string[], prepared = haystack(text)): boolean {
  return names.some((name) => {
    const needle = normalize(name)
      .replace(/\([^)]*\)/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    return needle.length > 0 && prepared.includes(` ${needle} `);
  });
}
