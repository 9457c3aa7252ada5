import type { TestProject } from 'vitest/node';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from '../../scripts/child-env';
import { BUILD_LOCK, prepareContent } from './build';
import { cachedBuild } from './build-cache';
import { ensureChromium } from './chromium';
import { ROOT, TEST_CONTENT, TEST_DIST } from './paths';

/**
 * Finds (or on a fresh machine installs) Chromium once, so the browser test files don't race for it.
 * Builds the site once (real content plus a draft, a scheduled post and a post using every building block) into .tmp/test-run,
 * for the build, HTTP and browser tests. Each suite starts its own server on that build.
 * The build is reused while its inputs stay the same (tests/helpers/build-cache.ts: keyed on the hash of
 * the project's files, the content copy, the build's variables and the day), so a second
 * `npx vitest run <file>` starts in seconds.
 */
export default async function setup(project: TestProject) {
  // Two projects ('site', 'waiting') name this set-up; Vitest runs it once for each in this process.
  const shared = globalThis as { testBuild?: Promise<{ output: string; ms: number }> };
  shared.testBuild ??= buildOnce();
  const build = await shared.testBuild;
  project.provide('buildOutput', build.output);
  project.provide('buildMs', build.ms);
}

async function buildOnce(): Promise<{ output: string; ms: number }> {
  // Test workers inherit the environment: every launchBrowser() then starts this one.
  process.env.CHROME_PATH = ensureChromium();
  const fixtures = ['draft-post.md', 'future-post.md', 'bausteine-test.mdx', 'bausteine-foto.png'].map((f) =>
    join(ROOT, 'tests/fixtures/posts', f),
  );
  // A lock left by a run that was cut off (tests/helpers/build.ts holdBuildLock).
  rmSync(BUILD_LOCK, { recursive: true, force: true });
  if (!existsSync(join(ROOT, '.tmp'))) mkdirSync(join(ROOT, '.tmp'));
  // Content copies and builds of the editor tests of earlier runs (editorSetup, .tmp/editor-*): a run owns its checkout.
  for (const name of readdirSync(join(ROOT, '.tmp'), { withFileTypes: true })) {
    if (name.isDirectory() && name.name.startsWith('editor-')) rmSync(join(ROOT, '.tmp', name.name), { recursive: true, force: true });
  }
  prepareContent(TEST_CONTENT, fixtures);
  // The browser editor (dist-editor/), built once and reused while its inputs stay the same. Beside the site's
  // build, not after it: its own root, output and cache folder (editor/astro.config.mjs), so the two share no
  // state, and each is mostly one core's work.
  const [result, editor] = await Promise.all([cachedBuild(TEST_CONTENT, TEST_DIST), buildEditor()]);
  if (result.status !== 0) throw new Error(`Test build failed:\n${result.output}`);
  if (editor.status !== 0) throw new Error(`Editor build failed:\n${editor.output}`);
  return { output: result.output, ms: result.ms };
}

/** `scripts/build-editor.mjs` without blocking this process (the site's build runs meanwhile). */
function buildEditor(): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build-editor.mjs')], {
      cwd: ROOT,
      env: childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ status: null, output: `${output}\n${error.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    buildOutput: string;
    buildMs: number;
  }
}
