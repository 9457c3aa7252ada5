import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { ROOT, TEST_RUN } from './paths';
import { childEnv } from '../../scripts/child-env';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `npm run build` (scripts/build.mjs) on a content folder into outDir; `project`: a copy of the site to build instead. */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}, project = ROOT): BuildResult {
  const result = spawnSync(process.execPath, [join(project, 'scripts/build.mjs'), '--outDir', outDir], {
    cwd: project,
    env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: contentDir, ...env }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * buildSite() without blocking the test file's process (a build can take longer than a minute on a
 * busy machine, and a worker blocked that long misses Vitest's calls: "Timeout calling onTaskUpdate"),
 * at low priority.
 */
export function buildSiteAsync(contentDir: string, outDir: string, env: Record<string, string> = {}, project = ROOT): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(project, 'scripts/build.mjs'), '--outDir', outDir], {
      cwd: project,
      env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: contentDir, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Low priority, as the editor's publisher runs its builds: the test file running beside this one
    // (vitest.config.ts, project 'building') keeps its CPU. Astro's processes start later and inherit it.
    try {
      if (child.pid) setPriority(child.pid, 10);
    } catch {
      // not allowed here: the build runs at normal priority
    }
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ status: null, output: `${stdout}\n${stderr}\n${error.message}` }));
    child.on('close', (status) => resolve({ status, output: `${stdout}\n${stderr}` }));
  });
}

/** A copy of the real content plus fixture posts (a draft and a scheduled post). */
export function prepareContent(target: string, extraPosts: string[] = []): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(ROOT, 'content'), target, { recursive: true });
  for (const file of extraPosts) cpSync(file, join(target, 'posts', file.split('/').pop()!));
}

/** Held by the test file that may run a build (tests/helpers/build.ts holdBuildLock); cleared by the global set-up. */
export const BUILD_LOCK = join(TEST_RUN, 'build.lock');

/**
 * Test files run two at a time, but two Astro builds at once would share the project's own state
 * (.astro/, node_modules/.astro: the content store that goes into the build). A file that builds,
 * itself or through the editor's publisher, holds this lock from its first build to its end; the
 * other file that builds waits for it. Returns the release.
 */
export async function holdBuildLock(): Promise<() => void> {
  mkdirSync(TEST_RUN, { recursive: true });
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await sleep(200);
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  };
  process.once('exit', release);
  return release;
}
