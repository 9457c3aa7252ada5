/** Every rule for posts, run over all posts at once. */
import { checkBlocks } from './blocks';
import { checkFrontMatter, parsePost } from './front-matter';
import { checkImages } from './images';
import { checkInlineSources } from './inline-sources';
import { checkLinks } from './links';
import { checkMdxComments } from './mdx-comments';
import { sortProblems } from './report';
import { checkTags } from './tags';
import type { Problem, SourceFile } from './types';

export function checkPosts(files: readonly SourceFile[]): Problem[] {
  const problems: Problem[] = [];
  const posts = files.map((file) => parsePost(file, problems));
  for (const post of posts) problems.push(...checkFrontMatter(post), ...checkImages(post), ...checkBlocks(post), ...checkMdxComments(post), ...checkInlineSources(post));
  problems.push(...checkTags(posts), ...checkLinks(posts));
  return sortProblems(problems);
}
