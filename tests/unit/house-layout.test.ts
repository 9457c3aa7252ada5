import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../helpers/paths';

/** Every file below `dir` (source files only). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|mjs|astro)$/.test(name) ? [full] : [];
  });
}

/** Imports that reach the outside world: they belong in src/adapters/, never in the pure modules of src/lib/. */
const OUTSIDE = /^(?:astro:content|node:child_process|node:worker_threads|better-sqlite3)$|(?:^|\/)adapters\//;

describe('house layout: src/lib/ is logic, src/adapters/ touches the outside world', () => {
  it('no module in src/lib/ imports an adapter, the content layer, a database driver, a child process or a worker at run time', () => {
    const offenders: string[] = [];
    for (const file of sources(join(ROOT, 'src/lib'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (OUTSIDE.test(match[1]!)) offenders.push(`${relative(ROOT, file)} → ${match[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no module made for the browser creates an Intl formatter when it is imported (the first one loads locale data: ~90 ms on every page load)', () => {
    // A line at the module's top level (not indented) that makes a formatter, unless it does so on first use (??=).
    const eagerLine = (line: string) => /^\S/.test(line) && /\bnew Intl\.|\bIntl\.\w+\(/.test(line) && !line.includes('??=');
    const eager = ['src/lib', 'src/components', 'src/i18n'].flatMap((dir) => sources(join(ROOT, dir))).filter((file) => readFileSync(file, 'utf8').split('\n').some(eagerLine));
    expect(eager.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('every adapter says in its first comment what outside thing it touches', () => {
    const silent = sources(join(ROOT, 'src/adapters')).filter((file) => !/^\s*(\/\*\*|\/\/)/.test(readFileSync(file, 'utf8')));
    expect(silent.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
