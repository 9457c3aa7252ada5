/**
 * Reads and writes a file on disk: content-safety.json in Astro's cache folder, one per site of a multi-site
 * installation (src/integrations/content-check.ts; CONTENT_SAFETY_CACHE overrides it), the SHA-256 of every
 * post that passed the content safety rule (src/lib/content-check/mdx-safety.ts), so a publish parses only new
 * and changed posts with the MDX parser. Entries count only for the rule and parser they were made with: the key
 * is a hash of the rule's source files and the parser packages' versions, and a new key empties the cache. Only
 * the build writes it, after the check and before any post is compiled; the editor can write nothing outside
 * content/ (server/editor/update-guard.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SafetyMemo, SourceFile } from '../lib/content-check';

const RULE_FILES = [
  'src/lib/content-check/mdx-safety.ts',
  'src/lib/content-check/html-safety.ts',
  'src/lib/content-check/blocks.ts',
  'src/lib/safe-url.ts',
  'src/lib/content-check/front-matter.ts',
  'src/lib/posts/front-matter.ts',
];
const PARSER_PACKAGES = [
  'unified',
  'remark-parse',
  'remark-mdx',
  'remark-gfm',
  'micromark-extension-mdxjs',
  'micromark-extension-gfm',
  'mdast-util-from-markdown',
  'parse5',
  'acorn',
];

const sha = (...parts: string[]) => parts.reduce((hash, part) => hash.update(part).update('\0'), createHash('sha256')).digest('hex');
const readOr = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/** What the verdicts depend on: the rule's code and the parser's versions. */
function ruleKey(root: string): string {
  const versions = PARSER_PACKAGES.map(
    (name) =>
      `${name}@${(JSON.parse(readOr(join(root, 'node_modules', name, 'package.json')) || '{}') as { version?: string }).version ?? '?'}`,
  );
  return sha(...RULE_FILES.map((file) => readOr(join(root, file))), ...versions);
}

export function contentSafetyCache(root: string, file: string): SafetyMemo & { save(): void; rule: string } {
  const rule = ruleKey(root);
  let stored: { rule?: string; safe?: unknown };
  try {
    stored = JSON.parse(readOr(file) || '{}') as typeof stored;
  } catch {
    stored = {}; // a damaged cache is an empty one
  }
  const safe = new Set<unknown>(stored.rule === rule && Array.isArray(stored.safe) ? stored.safe : []);
  const seen = new Set<string>();
  // The extension is part of the key: a text that is safe as Markdown may not be as MDX.
  const keyOf = (post: SourceFile) => sha(post.file.endsWith('.mdx') ? 'mdx' : 'md', post.source);
  return {
    /** The key of the rule and parser these verdicts hold for. */
    rule,
    isKnownSafe: (post) => {
      const key = keyOf(post);
      if (!safe.has(key)) return false;
      seen.add(key);
      return true;
    },
    passed: (post) => void seen.add(keyOf(post)),
    /** Keeps only the posts of this run, so the file does not grow with deleted ones. */
    save() {
      // A cache: when it cannot be written (read-only folder, two builds at once), the next build parses again.
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(temporary, JSON.stringify({ rule, safe: [...seen].sort() }));
        renameSync(temporary, file);
      } catch {
        rmSync(temporary, { force: true });
      }
    },
  };
}
