/**
 * `SITE=<kennung> npm run build` of one site folder of a many-sites installation, without blocking the
 * test file's worker (a synchronous build of a minute starves Vitest's own messages). No content folder
 * override: the site's own posts and its pinned shared comparison. One helper instead of a copy per test file.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './paths';
import type { BuildResult } from './build';
import { childEnv } from '../../scripts/child-env';

/** `extra`: more variables for the build, e.g. the shared comparison's folders. */
export function buildSiteFolder(
  site: string,
  sitesDir: string,
  buildsDir: string,
  extra: Record<string, string> = {},
): Promise<BuildResult> {
  const env = childEnv({ INNUNGSWISSEN_SITES_DIR: sitesDir, SITES_BUILD_DIR: buildsDir, SITE: site, OG_PICTURES: 'off', ...extra });
  delete env.INNUNGSWISSEN_CONTENT_DIR;
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, output })));
}
