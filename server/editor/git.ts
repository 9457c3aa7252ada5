/**
 * History: when the project is a git repository, each publish commits the changed content
 * files with the editor's name as author. Without git (or outside a repository) publishing
 * works the same and nothing is committed.
 */
import { execFile } from 'node:child_process';
import { relative } from 'node:path';
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

function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) =>
    execFile(
      'git',
      [...SAFE_CONFIG, ...args],
      { cwd, env: gitEnv(), timeout: 30_000, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: !error, out: (error ? stderr || error.message : stdout).trim() }),
    ),
  );
}

export async function commitContent(root: string, contentDir: string, author: string, log: Log): Promise<GitResult> {
  const top = await git(contentDir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return { files: [] };
  const cwd = top.out;
  const path = relative(cwd, contentDir) || '.';
  if (path.startsWith('..')) return { files: [] };
  // A content folder git ignores (a test copy, a temporary folder) is not history.
  if ((await git(cwd, ['check-ignore', '-q', path])).ok) return { files: [] };
  const added = await git(cwd, ['add', '--all', '--', path]);
  if (!added.ok) {
    log('warn', 'Inhalte konnten nicht für git vorgemerkt werden', { fehler: added.out });
    return { files: [] };
  }
  const diff = await git(cwd, ['diff', '--cached', '--name-only', '--', path]);
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
    path,
  ]);
  if (!commit.ok) {
    log('warn', 'Veröffentlicht, aber der git-Commit ist fehlgeschlagen', { fehler: commit.out.split('\n')[0] });
    return { files };
  }
  const head = await git(cwd, ['rev-parse', '--short', 'HEAD']);
  return { files, commit: head.out };
}
