/**
 * History: when the project is a git repository, each publish commits the changed content
 * files with the editor's name as author. Without git (or outside a repository) publishing
 * works the same and nothing is committed.
 *
 * The commit is therefore the live content: HEAD's content folder is what readers see (a scheduled
 * run commits only its due files, see stageLiveContent), the working tree is what the Redaktion saved.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Log } from '../log';

export interface GitResult {
  files: string[];
  commit?: string;
}

/**
 * Nothing in the repository runs as a side effect of our git calls: no hooks (a post-commit hook
 * written there would run at every publish), no fsmonitor command, no prompt. Only the system
 * basics of the environment go to git.
 */
const SAFE_CONFIG = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false'];
const GIT_ENV_NAMES = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SystemRoot'];

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of GIT_ENV_NAMES) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

function git(cwd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) =>
    execFile(
      'git',
      [...SAFE_CONFIG, ...args],
      { cwd, env: { ...gitEnv(), ...extraEnv }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, out: (error ? stderr || error.message : stdout).trim() }),
    ),
  );
}

/** The repository holding the content folder and the folder's path in it; undefined without git or for an ignored folder. */
export async function contentRepository(contentDir: string): Promise<{ cwd: string; path: string } | undefined> {
  const top = await git(contentDir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return undefined;
  const cwd = top.out;
  const path = relative(cwd, contentDir).split('\\').join('/') || '.';
  if (path.startsWith('..')) return undefined;
  // A content folder git ignores (a test copy, a temporary folder) is not history.
  if ((await git(cwd, ['check-ignore', '-q', path])).ok) return undefined;
  return { cwd, path };
}

/** The live content's files (HEAD), as content-relative path → text; undefined when there is no committed state. */
export async function liveFiles(contentDir: string, folders: readonly string[]): Promise<Map<string, string> | undefined> {
  const repo = await contentRepository(contentDir);
  if (!repo) return undefined;
  const prefix = repo.path === '.' ? '' : `${repo.path}/`;
  const listed = await git(repo.cwd, ['ls-tree', '-r', '-z', '--name-only', 'HEAD', '--', ...folders.map((f) => `${prefix}${f}`)]);
  if (!listed.ok) return undefined;
  const names = listed.out.split('\0').filter((n) => /\.(mdx?|ya?ml)$/.test(n));
  const texts = await catFiles(
    repo.cwd,
    names.map((name) => `HEAD:${name}`),
  );
  const files = new Map<string, string>();
  names.forEach((name, i) => {
    if (texts[i] !== undefined) files.set(name.slice(prefix.length), texts[i]!);
  });
  return files;
}

/** Many objects in one git process (`cat-file --batch`): one process per file took seconds at 5,000 posts. */
function catFiles(cwd: string, objects: readonly string[]): Promise<Array<string | undefined>> {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    const child = spawn('git', [...SAFE_CONFIG, 'cat-file', '--batch'], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(objects.map(() => undefined)));
    child.on('close', () => {
      const out = Buffer.concat(chunks);
      const texts: Array<string | undefined> = [];
      let at = 0;
      for (let i = 0; i < objects.length && at < out.length; i++) {
        const end = out.indexOf(10, at);
        if (end < 0) break;
        const header = out.subarray(at, end).toString('utf8').split(' ');
        at = end + 1;
        if (header[1] !== 'blob') {
          texts.push(undefined);
          continue;
        }
        const size = Number(header[2]);
        texts.push(out.subarray(at, at + size).toString('utf8'));
        at += size + 1;
      }
      resolve(objects.map((_, i) => texts[i]));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(objects.map((o) => `${o}\n`).join(''));
  });
}

/**
 * Lays out the content a scheduled run builds from, in `target`: HEAD's content folder (what is live),
 * with `files` (content-relative: the due posts and their picture folders) taken from the working tree.
 * HEAD's tree is written through a temporary index (read-tree + checkout-index), so neither the
 * repository's index nor its working tree is touched. False when there is no committed state to start from.
 */
export async function stageLiveContent(contentDir: string, files: readonly string[], target: string): Promise<boolean> {
  const repo = await contentRepository(contentDir);
  if (!repo || !(await git(repo.cwd, ['rev-parse', '--verify', '-q', 'HEAD'])).ok) return false;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const index = { GIT_INDEX_FILE: join(target, '.live-index') };
  const tree = `HEAD:${repo.path === '.' ? '' : repo.path}`;
  const read = await git(repo.cwd, ['read-tree', tree], index);
  const written = read.ok && (await git(repo.cwd, ['checkout-index', '--all', '--force', `--prefix=${target}/`], index)).ok;
  rmSync(index.GIT_INDEX_FILE, { force: true });
  if (!written) return false;
  for (const file of files) {
    const from = join(contentDir, file);
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(from, join(target, file), { recursive: true });
  }
  return true;
}

/**
 * Commits the content folder's changes (all of them, or only `only`: content-relative paths of a
 * scheduled run, whose other saved edits stay uncommitted because they are not live).
 */
export async function commitContent(
  root: string,
  contentDir: string,
  author: string,
  log: Log,
  only?: readonly string[],
): Promise<GitResult> {
  const repo = await contentRepository(contentDir);
  if (!repo) return { files: [] };
  const { cwd } = repo;
  const prefix = repo.path === '.' ? '' : `${repo.path}/`;
  const path = only ? only.filter((file) => existsSync(join(contentDir, file))).map((file) => `${prefix}${file}`) : [repo.path];
  if (path.length === 0) return { files: [] };
  const added = await git(cwd, ['add', '--all', '--ignore-errors', '--', ...path]);
  if (!added.ok) {
    log('warn', 'Inhalte konnten nicht für git vorgemerkt werden', { fehler: added.out });
    return { files: [] };
  }
  const diff = await git(cwd, ['diff', '--cached', '--name-only', '--', ...path]);
  const files = diff.out.split('\n').filter(Boolean);
  if (files.length === 0) return { files };
  const safeAuthor = author.replace(/[<>\n]/g, '').slice(0, 80) || 'Redaktion';
  const email = `${
    safeAuthor
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.|\.$/g, '') || 'redaktion'
  }@redaktion.invalid`;
  const commit = await git(cwd, [
    '-c',
    'user.name=Innungswissen Redaktion',
    '-c',
    'user.email=redaktion@redaktion.invalid',
    'commit',
    '--no-verify',
    '--quiet',
    `--author=${safeAuthor} <${email}>`,
    '-m',
    `Redaktion: ${files.length === 1 ? files[0] : `${files.length} Dateien`} veröffentlicht`,
    '--',
    ...path,
  ]);
  if (!commit.ok) {
    log('warn', 'Veröffentlicht, aber der git-Commit ist fehlgeschlagen', { fehler: commit.out.split('\n')[0] });
    return { files };
  }
  const head = await git(cwd, ['rev-parse', '--short', 'HEAD']);
  return { files, commit: head.out };
}
