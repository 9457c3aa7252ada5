/** Every rule for posts, run over all posts at once. */
import { checkFrontMatter, parsePost } from './front-matter';
import { checkImagePlacement, checkImages } from './images';
import { checkInlineSources } from './inline-sources';
import { checkLinks } from './links';
import { checkMdxComments } from './mdx-comments';
import { checkMdxSafety } from './mdx-safety';
import { sortProblems } from './report';
import { checkTags } from './tags';
import type { Problem, SourceFile } from './types';

export function checkPosts(files: readonly SourceFile[]): Problem[] {
  return checkPostFiles(files).problems;
}

/**
 * Posts that already passed the safety rule (mdx-safety.ts), so a build need not parse them again: parsing
 * every post with the MDX parser costs about ten times the other rules together. The build keeps one on
 * disk (src/adapters/content-safety-cache.ts); without it every post is parsed.
 */
export interface SafetyMemo {
  isKnownSafe(file: SourceFile): boolean;
  passed(file: SourceFile): void;
}

function safetyProblems(file: SourceFile, post: ReturnType<typeof parsePost>, memo: SafetyMemo | undefined): Problem[] {
  if (memo?.isKnownSafe(file)) return [];
  const problems = checkMdxSafety(post);
  if (problems.length === 0) memo?.passed(file);
  return problems;
}

/** Problems stop the build; warnings (an image the editor would not find) are reported with it. */
export function checkPostFiles(files: readonly SourceFile[], memo?: SafetyMemo): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const posts = files.map((file) => parsePost(file, problems));
  posts.forEach((post, i) => {
    problems.push(
      ...checkFrontMatter(post),
      ...checkImages(post),
      ...safetyProblems(files[i]!, post, memo),
      ...checkMdxComments(post),
      ...checkInlineSources(post),
    );
  });
  problems.push(...checkTags(posts), ...checkLinks(posts));
  return { problems: sortProblems(problems), warnings: sortProblems(posts.flatMap(checkImagePlacement)) };
}
