/**
 * Pagefind does not split German compounds: "Adressbuch-Upload" is one word to it, and
 * "Datenschutzgrundverordnung" never matches "Datenschutz". We add the parts of compounds in the
 * title and tags as invisible index words, plus the editor's own keywords.
 */
const PARTS = [
  'datenschutz',
  'adressbuch',
  'messenger',
  'verschlüsselung',
  'handwerk',
  'betrieb',
  'kunden',
  'grundverordnung',
  'verordnung',
  'vertrag',
  'upload',
];

export function compoundParts(word: string): string[] {
  const lower = word.toLowerCase();
  return PARTS.filter((part) => lower.includes(part) && lower !== part);
}

export function searchKeywords(title: string, tags: readonly string[], extra: readonly string[] = []): string {
  const words = [...title.split(/[\s–-]+/), ...tags.flatMap((t) => t.split('-'))];
  const parts = words.flatMap(compoundParts);
  return [...new Set([...tags, ...parts, ...extra])].join(' ');
}
