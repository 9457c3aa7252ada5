/**
 * Reads the content folder from disk (node:fs) for the one content check in src/lib/content-check/:
 * posts, messenger facts, sources and the comparison's change log, each as file text with its path.
 * `checkContent(root)` is called by the build (src/integrations/content-check.ts) and by `npm run check:content`,
 * so both report the same problems.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkFiles, type ContentFiles, type ContentReport, type SafetyMemo, type SourceFile } from '../../lib/content-check';
import { CHANGE_LOG_FILE } from '../../lib/messengers/changes';
import { sourceDatesFrom, type SourceDates } from '../../lib/content-check/source-dates';

/** Reads every file below `dir` whose name matches, paths relative to `root` for messages. */
export function readFiles(dir: string, root: string, pattern: RegExp): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (pattern.test(name)) out.push({ file: relative(root, full), source: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

/** The change log file below the content folder, as a SourceFile (path relative to `root` for messages). */
export function readChangeLog(content: string, root: string): SourceFile | undefined {
  const path = join(content, CHANGE_LOG_FILE);
  return existsSync(path) ? { file: relative(root, path), source: readFileSync(path, 'utf8') } : undefined;
}

/**
 * Reads content/posts, content/messengers and content/sources below `root` (or INNUNGSWISSEN_CONTENT_DIR).
 * `sharedDir`: where the comparison (messengers, sources, change log) lives when it is not beside the posts
 * (a site of several guilds takes it from the central content/).
 */
export function readContent(root: string, dir = './content', sharedDir = dir): ContentFiles {
  const content = resolve(root, dir);
  const shared = resolve(root, sharedDir);
  const read = (base: string, sub: string, pattern: RegExp) =>
    existsSync(join(base, sub)) ? readFiles(join(base, sub), root, pattern) : [];
  return {
    posts: read(content, 'posts', /\.mdx?$/),
    messengers: read(shared, 'messengers', /\.ya?ml$/),
    sources: read(shared, 'sources', /\.ya?ml$/),
    changes: readChangeLog(shared, root),
  };
}

/** The content check of a project folder. */
/** `contentDir` is relative to `root` or absolute; callers pass `contentDir()` (src/adapters/content-dir.ts), which honours INNUNGSWISSEN_CONTENT_DIR. */
export function checkContent(
  root: string,
  options: { contentDir?: string; sharedContentDir?: string; now?: Date; dates?: SourceDates; safetyMemo?: SafetyMemo } = {},
): ContentReport {
  return checkFiles(
    readContent(root, options.contentDir, options.sharedContentDir ?? options.contentDir),
    options.now,
    options.dates ?? sourceDatesFrom(new Map()),
    options.safetyMemo,
  );
}
