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

/** Problems stop the build; warnings (an image the editor would not find) are reported with it. */
export function checkPostFiles(files: readonly SourceFile[]): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const posts = files.map((file) => parsePost(file, problems));
  for (const post of posts) problems.push(...checkFrontMatter(post), ...checkImages(post), ...checkMdxSafety(post), ...checkMdxComments(post), ...checkInlineSources(post));
  problems.push(...checkTags(posts), ...checkLinks(posts));
  return { problems: sortProblems(problems), warnings: sortProblems(posts.flatMap(checkImagePlacement)) };
}
