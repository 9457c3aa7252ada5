/** Building blocks in MDX posts: only the registered ones may be used (the check itself is in mdx-safety.ts). */
import { editDistance } from './tags';
import type { Problem } from './types';

/**
 * Building blocks registered globally for MDX posts: the keys of `blocks` in
 * src/components/blocks/index.ts (a unit test keeps both lists equal, so a new block cannot be forgotten).
 */
export const KNOWN_COMPONENTS = ['Hinweis', 'Warnung', 'Checkliste', 'Quelle', 'MessengerComparison', 'FacebookHinweis'] as const;

/** The props each building block takes (the `Props` of its .astro file); any other attribute is refused. */
export const BLOCK_PROPS: Readonly<Record<(typeof KNOWN_COMPONENTS)[number], readonly string[]>> = {
  Hinweis: ['titel'],
  Warnung: ['titel'],
  Checkliste: ['titel'],
  Quelle: ['title', 'url', 'date'],
  MessengerComparison: ['only', 'titel'],
  FacebookHinweis: [],
};

/** The block names exported by src/components/blocks/index.ts, read from its text (it imports .astro files). */
export function blockNamesIn(indexSource: string): string[] {
  const m = /export const blocks\s*=\s*\{([^}]*)\}/.exec(indexSource);
  return (m?.[1] ?? '')
    .split(',')
    .map((s) => s.trim().split(':')[0]!.trim())
    .filter(Boolean);
}

/** Body with code spans and fenced code blanked out (same length, same lines). */
export function withoutCode(body: string): string {
  return body.replace(/```[\s\S]*?```|`[^`\n]*`/g, (s) => s.replace(/[^\n]/g, ' '));
}

/** An element named like a building block that is not one: the message names the nearest block. */
export function unknownBlock(file: string, line: number, name: string): Problem {
  const near = KNOWN_COMPONENTS.find((known) => editDistance(known.toLowerCase(), name.toLowerCase()) <= 2);
  return {
    file,
    line,
    field: 'Baustein',
    message: `unbekannter Baustein <${name}>${near ? ` – meinten Sie <${near}>?` : ''}`,
    fix: `Verfügbar sind: ${KNOWN_COMPONENTS.map((c) => `<${c}>`).join(', ')} (siehe docs/redaktion.md).`,
  };
}
