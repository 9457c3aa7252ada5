/**
 * The day each source file entered the repository (git's first commit of content/sources/<key>.yaml), so the
 * content check can refuse a check date before it. Where git or the file's history is missing (a copy of the
 * content, a live server without .git), the repository's first commit date stands in: no fact of this site
 * can have been checked before the site existed.
 */
import { spawnSync } from 'node:child_process';

/** The day of the repository's first commit; used where git is not available. */
export const REPOSITORY_START = new Date('2026-11-28T00:00:00Z');

function git(root: string, args: string[]): string | undefined {
  try {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', timeout: 10_000 });
    return result.status === 0 ? result.stdout : undefined;
  } catch {
    return undefined;
  }
}

/** Parses `git log --diff-filter=A --format=@%cs --name-only`: the oldest "added" day per source key. */
export function parseAddedLog(log: string): Map<string, Date> {
  const added = new Map<string, Date>();
  let day: Date | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('@')) day = new Date(`${line.slice(1).trim()}T00:00:00Z`);
    else if (day && /\.ya?ml$/.test(line.trim())) {
      const key = (line.trim().split('/').pop() ?? '').replace(/\.ya?ml$/, '');
      // git log lists newest first: the last one seen is the first time the file was added.
      added.set(key, day);
    }
  }
  return added;
}

export interface SourceDates {
  /** The day a source key entered the repository. */
  addedOf(key: string): Date;
}

export function sourceDates(root: string, sourcesPath = 'content/sources'): SourceDates {
  const first = git(root, ['log', '--reverse', '--format=%cs', '--max-parents=0']);
  const start = first?.trim() ? new Date(`${first.trim().split('\n')[0]}T00:00:00Z`) : REPOSITORY_START;
  const log = git(root, ['log', '--diff-filter=A', '--format=@%cs', '--name-only', '--', sourcesPath]);
  const added = log ? parseAddedLog(log) : new Map<string, Date>();
  return { addedOf: (key) => added.get(key) ?? start };
}
