/**
 * Adapter: git (a child process) and the content folder's files, for the publisher's change-log entries.
 * The last published state of the messenger files is the repository's HEAD: every publish commits the content
 * folder (server/editor/git.ts). Before a publish builds, the entries for every fact whose value, level, source
 * or quote differs from HEAD are appended to content/aenderungen.yaml, so the new build shows them; a failed
 * build takes them back (`undo`), so the next publish does not write them twice. Without git, or for a content
 * folder git ignores, nothing is written: there is no published state to compare with.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CHANGE_LOG_FILE, changeLogAppendix, diffFacts, factsOfText, type DataState } from '@/lib/messengers/changes';

/** No hooks, no fsmonitor, no prompt: as in server/editor/git.ts, nothing in the repository runs as a side effect. */
const SAFE = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false'];

function git(cwd: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  const env: NodeJS.ProcessEnv = { GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR', 'SystemRoot']) if (process.env[name] !== undefined) env[name] = process.env[name];
  return new Promise((resolve) =>
    execFile('git', [...SAFE, ...args], { cwd, env, timeout: 30_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout) => resolve({ ok: !error, out: stdout })),
  );
}

/** messenger id → facts at HEAD, or undefined when there is no published state in git. */
async function publishedState(contentDir: string, ids: readonly string[]): Promise<DataState | undefined> {
  const top = await git(contentDir, ['rev-parse', '--show-toplevel']);
  if (!top.ok) return undefined;
  const cwd = top.out.trim();
  const path = relative(cwd, contentDir).split('\\').join('/') || '.';
  if (path.startsWith('..') || (await git(cwd, ['check-ignore', '-q', path])).ok) return undefined;
  if (!(await git(cwd, ['rev-parse', '--verify', '-q', 'HEAD'])).ok) return undefined;
  const state: DataState = {};
  for (const id of ids) {
    const file = await git(cwd, ['show', `HEAD:${path === '.' ? '' : `${path}/`}messengers/${id}.yaml`]);
    if (file.ok) state[id] = factsOfText(file.out) ?? {};
  }
  return state;
}

export interface AppendedChanges {
  entries: number;
  /** Restores the log as it was before (after a failed build). */
  undo: () => void;
}

/** Appends the change-log entries of this publish (dated `day`, by `by`) before its build. */
export async function appendPublishChanges(contentDir: string, day: string, by: string): Promise<AppendedChanges> {
  const none: AppendedChanges = { entries: 0, undo: () => undefined };
  const dir = join(contentDir, 'messengers');
  if (!existsSync(dir)) return none;
  const current: DataState = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const facts = factsOfText(readFileSync(join(dir, name), 'utf8'));
    if (facts) current[name.slice(0, -'.yaml'.length)] = facts;
  }
  const published = await publishedState(contentDir, Object.keys(current));
  if (!published) return none;
  // A messenger file that is new since the last publish gets its first entries; one git never had is new too.
  const entries = diffFacts(published, current, new Date(`${day}T00:00:00Z`), by);
  if (entries.length === 0) return none;
  const file = join(contentDir, CHANGE_LOG_FILE);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  writeFileSync(file, (before ?? '') + changeLogAppendix(entries, before ?? ''));
  return {
    entries: entries.length,
    undo: () => {
      try {
        if (before === undefined) rmSync(file, { force: true });
        else writeFileSync(file, before);
      } catch {
        // Left as written: the next publish appends the same entries again, which the reader sees as a repeat.
      }
    },
  };
}
