import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../content-check/types';

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

export function readPostFiles(dir: string, root: string): SourceFile[] {
  return readFiles(dir, root, /\.mdx?$/);
}
