import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

/** The project's own code files under `dirs` (TypeScript, .mjs, .astro), skipping dot-folders and node_modules (build caches). */
export function sourceFiles(...dirs: string[]): string[] {
  return dirs
    .flatMap((dir) => (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).map((f) => join(dir, f)))
    .filter((f) => /\.(ts|mjs|astro)$/.test(f) && !f.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'));
}
