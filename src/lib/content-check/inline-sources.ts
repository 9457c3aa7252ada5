/** Sources cited in the text with <Quelle …/> follow the same date rules as those in the front matter. */
import { inlineSources } from '../posts/sources';
import { withoutCode } from './blocks';
import { dateRules } from './sources';
import { lineInBody, type ParsedPost, type Problem } from './types';

export function checkInlineSources(post: ParsedPost): Problem[] {
  if (!post.file.endsWith('.mdx')) return [];
  return [...withoutCode(post.body).matchAll(/<Quelle\b[^>]*>/g)].flatMap((m) => {
    const line = lineInBody(post, m.index ?? 0);
    return inlineSources(post.body.slice(m.index ?? 0, (m.index ?? 0) + m[0].length)).flatMap((source) =>
      dateRules(post.file, source, () => line).map((problem) => ({ ...problem, field: `<Quelle> ${problem.field}` })),
    );
  });
}
