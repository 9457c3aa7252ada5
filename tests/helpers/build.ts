import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';
import { childEnv } from '../../scripts/child-env';

export interface BuildResult {
  status: number | null;
  output: string;
}

/** Runs `npm run build` (scripts/build.mjs) on a content folder into outDir. */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}): BuildResult {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--outDir', outDir], {
    cwd: ROOT,
    env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: contentDir, ...env }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/** A copy of the real content plus fixture posts (a draft and a scheduled post). */
export function prepareContent(target: string, extraPosts: string[] = []): void {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(ROOT, 'content'), target, { recursive: true });
  for (const file of extraPosts) cpSync(file, join(target, 'posts', file.split('/').pop()!));
}
