/** Links from one post to another must point at a post that exists. */
import { lineInBody, type ParsedPost, type Problem } from './types';

export function checkLinks(posts: readonly ParsedPost[]): Problem[] {
  const slugs = new Set(posts.map((p) => p.slug));
  const problems: Problem[] = [];
  for (const post of posts) {
    for (const m of post.body.matchAll(/\]\(\s*\/beitraege\/([^/)#\s]+)\/?[^)]*\)|href=["']\/beitraege\/([^/"'#]+)\/?["']/g)) {
      const target = m[1] ?? m[2] ?? '';
      if (/^\d+$/.test(target) || slugs.has(target)) continue;
      problems.push({
        file: post.file,
        line: lineInBody(post, m.index ?? 0),
        field: 'Link',
        message: `Der Link auf /beitraege/${target}/ führt ins Leere: Es gibt keinen Beitrag „${target}“.`,
        fix: 'Prüfen Sie den Dateinamen des verlinkten Beitrags (ohne .md/.mdx) oder entfernen Sie den Link.',
      });
    }
  }
  return problems;
}
