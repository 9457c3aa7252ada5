import { normalize } from './search';

/** Does a text mention the messenger by its name or an alias? (Whole words, umlaut-insensitive.) */
export function mentions(text: string, names: readonly string[]): boolean {
  const haystack = ` ${normalize(text).replace(/[^a-z0-9]+/g, ' ')} `;
  return names.some((name) => {
    const needle = normalize(name).replace(/\([^)]*\)/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
    return needle.length > 0 && haystack.includes(` ${needle} `);
  });
}
