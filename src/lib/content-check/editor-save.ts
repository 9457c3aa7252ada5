/**
 * The content check of a save through the browser editor: the rules that keep code out of a build
 * (mdx-safety.ts) and unsafe addresses out of every URL field, run on the files being saved before
 * anything is written. The other rules (schema, tags, links) run at preview and publish as always.
 */
import { z } from 'astro/zod';
import { de } from '../../i18n/de';
import { messengerSchema, sourceSchema } from '../messengers/schema';
import { postSchema } from '../posts/schema';
import { parsePost } from './front-matter';
import { checkMdxSafety } from './mdx-safety';
import { sortProblems } from './report';
import { issuesToProblems, parseYaml } from './yaml';
import type { Problem, SourceFile } from './types';

const posts = postSchema(z.string());
const fixUrl = () => de.contentSafety.webAddressFix;

/** Problems of the schema's URL fields only (the one scheme-checked rule in the schemas). */
function urlProblems(file: string, data: unknown, schema: z.ZodTypeAny, lineOf: (path: (string | number)[]) => number): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return issuesToProblems(
    file,
    result.error.issues.filter((issue) => issue.path[issue.path.length - 1] === 'url'),
    lineOf,
    fixUrl,
  );
}

export interface SavedFiles {
  posts: SourceFile[];
  messengers: SourceFile[];
  sources: SourceFile[];
}

export function checkSavedFiles(files: SavedFiles): Problem[] {
  const problems: Problem[] = [];
  for (const file of files.posts) {
    const post = parsePost(file, []);
    problems.push(...checkMdxSafety(post), ...urlProblems(file.file, post.data ?? {}, posts, post.lineOf));
  }
  for (const [list, schema] of [
    [files.sources, sourceSchema],
    [files.messengers, messengerSchema],
  ] as const) {
    for (const file of list) {
      const yaml = parseYaml(file.source);
      problems.push(...urlProblems(file.file, yaml.data ?? {}, schema, yaml.lineOf));
    }
  }
  return sortProblems(problems);
}
