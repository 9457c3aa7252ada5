import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SourceFile } from '../content-check';

/** Reads every .md/.mdx below `dir`, paths relative to `root` for messages. */
export function readPostFiles(dir: string, root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.mdx?$/.test(name)) out.push({ file: relative(root, full), source: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}
