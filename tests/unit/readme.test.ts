import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/paths';

/** Files the README names that a command writes (not in the repository). */
const GENERATED = new Set(['bench/report.md']);
const TOP = '(?:src|server|scripts|docs|tests|editor|deploy|content|public|bench)';

/** Repository paths a Markdown file names: in `code`, as link targets, and in its architecture tree. */
function namedPaths(markdown: string): string[] {
  const inCode = [...markdown.matchAll(new RegExp(`\`(${TOP}/[^\`\\s]*)\``, 'g'))].map((m) => m[1]!);
  const linked = [...markdown.matchAll(new RegExp(`\\]\\((?:\\.\\./)?(${TOP}/[^)#\\s]*)`, 'g'))].map((m) => m[1]!);
  const tree = /## Architektur\n+```\n([\s\S]*?)```/.exec(markdown)?.[1] ?? '';
  // In the tree, `bench/` and `helpers/` stand below the line's folder; only full paths from the top are checked.
  const inTree = [...tree.matchAll(/(?<![\w/.-])((?:src|server|scripts|docs|tests|editor|content)\/[\w./-]*)/g)].map((m) => m[1]!);
  return [...new Set([...inCode, ...linked, ...inTree])]
    .map((path) => path.replace(/[.,;:]$/, '').replace(/\/$/, ''))
    .filter((path) => !/[*<>…{}]/.test(path));
}

describe('README and docs/ name only what exists', () => {
  for (const doc of ['README.md', 'docs/benchmarks.md']) {
    it(`every path ${doc} names is in the repository (or written by a command: ${[...GENERATED].join(', ')})`, () => {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      const paths = namedPaths(text);
      expect(paths.length).toBeGreaterThan(doc === 'README.md' ? 30 : 0);
      expect(paths.filter((path) => !GENERATED.has(path) && !existsSync(join(ROOT, path)))).toEqual([]);
    });
  }

  it('the Quick start is the two commands', () => {
    const quickStart = /## Quick start\n[\s\S]*?```sh\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'README.md'), 'utf8'))?.[1] ?? '';
    expect(
      quickStart
        .split('\n')
        .map((line) => line.replace(/\s+#.*$/, '').trim())
        .filter(Boolean),
    ).toEqual(['npm install && npm start', 'npm test']);
  });

  it('the README states the budgets and links the dated measurements in docs/benchmarks.md', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/### Budgets\n[\s\S]*\| Kennzahl \| Budget \|/);
    expect(readme).toContain('](docs/benchmarks.md)');
  });
});
