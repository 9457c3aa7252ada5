/** Building blocks in MDX posts: only the registered ones (or imported components) may be used. */
import { editDistance } from './tags';
import { lineInBody, type ParsedPost, type Problem } from './types';

/**
 * Building blocks registered globally for MDX posts: the keys of `blocks` in
 * src/components/blocks/index.ts (a unit test keeps both lists equal, so a new block cannot be forgotten).
 */
export const KNOWN_COMPONENTS = ['Hinweis', 'Warnung', 'Checkliste', 'Quelle', 'MessengerComparison', 'FacebookHinweis'] as const;

/** The block names exported by src/components/blocks/index.ts, read from its text (it imports .astro files). */
export function blockNamesIn(indexSource: string): string[] {
  const m = /export const blocks\s*=\s*\{([^}]*)\}/.exec(indexSource);
  return (m?.[1] ?? '').split(',').map((s) => s.trim().split(':')[0]!.trim()).filter(Boolean);
}

/** Body with code spans and fenced code blanked out (same length, same lines). */
export function withoutCode(body: string): string {
  return body.replace(/```[\s\S]*?```|`[^`\n]*`/g, (s) => s.replace(/[^\n]/g, ' '));
}

export function checkBlocks(post: ParsedPost): Problem[] {
  if (!post.file.endsWith('.mdx')) return [];
  const imported = new Set(
    [...post.body.matchAll(/^import\s+(?:\{([^}]*)\}|(\w+))/gm)].flatMap((m) =>
      (m[1] ?? m[2] ?? '').split(',').map((s) => s.trim().split(/\s+as\s+/).pop() ?? ''),
    ),
  );
  const problems: Problem[] = [];
  for (const m of withoutCode(post.body).matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)) {
    const name = m[1] ?? '';
    if ((KNOWN_COMPONENTS as readonly string[]).includes(name) || imported.has(name)) continue;
    const near = KNOWN_COMPONENTS.find((known) => editDistance(known.toLowerCase(), name.toLowerCase()) <= 2);
    problems.push({
      file: post.file,
      line: lineInBody(post, m.index ?? 0),
      field: 'Baustein',
      message: `unbekannter Baustein <${name}>${near ? ` – meinten Sie <${near}>?` : ''}`,
      fix: `Verfügbar sind: ${KNOWN_COMPONENTS.map((c) => `<${c}>`).join(', ')} (siehe docs/redaktion.md).`,
    });
  }
  return problems;
}
