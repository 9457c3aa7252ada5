import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInputsHash } from '../helpers/build-cache';

const work = mkdtempSync(join(tmpdir(), 'build-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const project = join(work, 'project');
const content = join(work, 'content');
const out = join(work, 'dist');
for (const [file, text] of Object.entries({
  'src/pages/index.astro': '<h1>Start</h1>',
  'astro.config.mjs': 'export default {};',
  'package-lock.json': '{}',
  'tests/unit/a.test.ts': '// a test',
  'node_modules/.package-lock.json': '{"a":1}',
  'node_modules/astro/index.js': 'export {};',
})) {
  mkdirSync(join(project, file, '..'), { recursive: true });
  writeFileSync(join(project, file), text);
}
mkdirSync(join(content, 'posts'), { recursive: true });
writeFileSync(join(content, 'posts', 'a.md'), '# A');

const key = (env: Record<string, string> = {}, outDir = out) => buildInputsHash(content, outDir, env, project);

describe('the key of a cached test build', () => {
  it('stays the same for the same inputs', () => {
    expect(key()).toBe(key());
  });

  it('changes with every input: a source file, a new file, the content, a build variable, the installed packages, the output folder', () => {
    const before = key();
    const changed = (change: () => void, undo: () => void) => {
      change();
      const after = key();
      undo();
      expect(key()).toBe(before);
      return after;
    };
    expect(
      changed(
        () => writeFileSync(join(project, 'src/pages/index.astro'), '<h1>Neu</h1>'),
        () => writeFileSync(join(project, 'src/pages/index.astro'), '<h1>Start</h1>'),
      ),
    ).not.toBe(before);
    expect(
      changed(
        () => writeFileSync(join(project, 'src/new.ts'), ''),
        () => rmSync(join(project, 'src/new.ts')),
      ),
    ).not.toBe(before);
    expect(
      changed(
        () => writeFileSync(join(content, 'posts', 'a.md'), '# B'),
        () => writeFileSync(join(content, 'posts', 'a.md'), '# A'),
      ),
    ).not.toBe(before);
    expect(
      changed(
        () => writeFileSync(join(project, 'node_modules/.package-lock.json'), '{"a":2}'),
        () => writeFileSync(join(project, 'node_modules/.package-lock.json'), '{"a":1}'),
      ),
    ).not.toBe(before);
    expect(key({ COMMENTS_API_ORIGIN: 'http://127.0.0.1:1234' })).not.toBe(before);
    expect(key({ OG_PICTURES: 'off' })).not.toBe(before);
    expect(key({}, join(work, 'other-dist'))).not.toBe(before);
  });

  it('ignores what no build reads: the tests and variables of the shell', () => {
    const before = key();
    writeFileSync(join(project, 'tests/unit/a.test.ts'), '// changed');
    expect(key({ TERM: 'dumb', VITEST_POOL_ID: '7' })).toBe(before);
  });

  it("ignores what the editor's build generates below the top (editor/.astro, editor/node_modules), but not the editor's sources", () => {
    const before = key();
    for (const file of ['editor/.astro/types.d.ts', 'editor/node_modules/.vite/deps/react.js']) {
      mkdirSync(join(project, file, '..'), { recursive: true });
      writeFileSync(join(project, file), `// generated ${Date.now()}`);
    }
    expect(key()).toBe(before);
    writeFileSync(join(project, 'editor/keystatic.config.ts'), 'export default {};');
    expect(key()).not.toBe(before);
    rmSync(join(project, 'editor'), { recursive: true, force: true });
    expect(key()).toBe(before);
  });
});
