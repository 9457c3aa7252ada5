import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildSiteAsync, type BuildResult } from './build';
import { ROOT } from './paths';
import { childEnv } from '../../scripts/child-env';

/** Successful builds kept for reuse, one folder per inputs hash (the newest few; see prune()). */
export const BUILD_CACHE = join(ROOT, '.tmp', 'build-cache');
const KEEP = 6;
/** Raise when the way a build is keyed or stored changes: every older entry is then ignored. */
const FORMAT = 'build-cache-1';

/**
 * Project entries that are not inputs of a build: outputs and caches (a cache only makes a build
 * faster, never different), git's own data, tests/ and docs/ (no file the build runs imports
 * them; the content a test builds is hashed on its own), and the settings of the tools around the
 * build (Vitest, ESLint, Prettier, git, CI), which Astro never reads. node_modules is keyed through npm's
 * record of the installed tree (node_modules/.package-lock.json) and package-lock.json.
 */
const NOT_INPUTS = new Set([
  'node_modules',
  '.git',
  '.tmp',
  '.astro',
  'dist',
  'dist-editor',
  'data',
  'tests',
  'docs',
  '.ci',
  'vitest.config.ts',
  'eslint.config.js',
  '.prettierrc.json',
  '.prettierignore',
  '.gitignore',
  '.git-blame-ignore-revs',
  'README.md',
]);

/**
 * The environment a build may read (grep `process.env` in src/, scripts/, astro.config.mjs): its
 * settings, the content folder, the comment API's origin, Node's options. Other variables
 * (PATH, the terminal, the test runner's) do not change what the build writes.
 */
const BUILD_VARIABLES = /^(INNUNGSWISSEN_|OG_|COMMENTS_|CONTENT_|PUBLIC_|ASTRO_|VITE_|BASELINE_)|^(NODE_ENV|NODE_OPTIONS|TZ|LOG_FORMAT)$/;

/**
 * Folders below the top that hold what a tool generated, never a source: the editor's own Astro types and Vite
 * caches (editor/.astro, editor/node_modules/.vite), which its build rewrites. As inputs they changed the key
 * after every editor build, so the next run built the site again.
 */
const GENERATED = new Set(['node_modules', '.astro']);

function filesBelow(dir: string, skip: Set<string> = GENERATED): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !skip.has(entry.name))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return filesBelow(full);
      return entry.isFile() ? [full] : [];
    });
}

/**
 * The hash of everything a build's output depends on. A changed input gives another key, so a
 * stale build is never reused:
 * - every file of the project (path and bytes) but NOT_INPUTS, and npm's record of node_modules;
 * - every file of the content folder (path and bytes);
 * - the build's variables (BUILD_VARIABLES) after `env` is applied, and the Node version;
 * - the output folder and project paths (a build writes absolute paths into its server code);
 * - today's date in Berlin and in UTC (scheduled posts appear on their day, facts age, the footer's year).
 */
export function buildInputsHash(contentDir: string, outDir: string, env: Record<string, string> = {}, project = ROOT): string {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Buffer) => hash.update(`${label}\0`).update(value).update('\0');
  add('format', FORMAT);
  add('node', `${process.version} ${process.platform} ${process.arch}`);
  add('project', resolve(project));
  add('outDir', resolve(outDir));
  const now = new Date();
  add('day', `${now.toISOString().slice(0, 10)} ${now.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' })}`);
  const variables = childEnv(env);
  for (const name of Object.keys(variables).sort()) if (BUILD_VARIABLES.test(name)) add(`env ${name}`, variables[name] ?? '');
  for (const file of filesBelow(project, NOT_INPUTS)) add(`project ${relative(project, file)}`, readFileSync(file));
  const installed = join(project, 'node_modules', '.package-lock.json');
  add('installed', existsSync(installed) ? readFileSync(installed) : 'none');
  for (const file of filesBelow(contentDir)) add(`content ${relative(contentDir, file)}`, readFileSync(file));
  return hash.digest('hex');
}

/**
 * buildSiteAsync() for tests that need a build as their starting point, not the build itself as their
 * subject: the first call builds, later calls with the same inputs (buildInputsHash) get a copy of
 * that build in outDir and its output text. A failed build is never kept. Set TEST_BUILD_CACHE=0 to
 * build every time.
 */
export async function cachedBuild(
  contentDir: string,
  outDir: string,
  env: Record<string, string> = {},
  project = ROOT,
): Promise<BuildResult & { cached: boolean; ms: number }> {
  const started = Date.now();
  if (process.env.TEST_BUILD_CACHE === '0')
    return { ...(await buildSiteAsync(contentDir, outDir, env, project)), cached: false, ms: Date.now() - started };
  const entry = join(BUILD_CACHE, buildInputsHash(contentDir, outDir, env, project));
  const record = join(entry, 'result.json');
  if (existsSync(record)) {
    const { output, ms } = JSON.parse(readFileSync(record, 'utf8')) as { output: string; ms: number };
    rmSync(outDir, { recursive: true, force: true });
    cpSync(join(entry, 'dist'), outDir, { recursive: true, preserveTimestamps: true });
    const now = new Date();
    utimesSync(record, now, now);
    return { status: 0, output, cached: true, ms };
  }
  const result = await buildSiteAsync(contentDir, outDir, env, project);
  const ms = Date.now() - started;
  if (result.status !== 0) return { ...result, cached: false, ms };
  // Written beside the entry and renamed into place: a reader never sees half an entry.
  const partial = `${entry}.${process.pid}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  cpSync(outDir, join(partial, 'dist'), { recursive: true, preserveTimestamps: true });
  writeFileSync(join(partial, 'result.json'), JSON.stringify({ output: result.output, ms }));
  try {
    renameSync(partial, entry);
  } catch {
    // Another run stored the same build first.
    rmSync(partial, { recursive: true, force: true });
  }
  prune();
  return { ...result, cached: false, ms };
}

/** Keeps the KEEP entries used last. */
function prune(): void {
  const entries = readdirSync(BUILD_CACHE)
    .map((name) => join(BUILD_CACHE, name))
    .filter((dir) => existsSync(join(dir, 'result.json')))
    .sort((a, b) => statSync(join(b, 'result.json')).mtimeMs - statSync(join(a, 'result.json')).mtimeMs);
  for (const dir of entries.slice(KEEP)) rmSync(dir, { recursive: true, force: true });
}
