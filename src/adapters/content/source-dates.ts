/** Adapter: the day each source file entered the repository, from `git log` (a child process). */
// Relative, not @/: the build's content-check integration loads this module from astro.config, where the alias is not known.
import { spawnSync } from 'node:child_process';
import { parseAddedLog, REPOSITORY_START, sourceDatesFrom, type SourceDates } from '../../lib/content-check/source-dates';

function git(root: string, args: string[]): string | undefined {
  try {
    const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', timeout: 10_000 });
    return result.status === 0 ? result.stdout : undefined;
  } catch {
    return undefined;
  }
}

export function sourceDates(root: string, sourcesPath = 'content/sources'): SourceDates {
  const first = git(root, ['log', '--reverse', '--format=%cs', '--max-parents=0']);
  const start = first?.trim() ? new Date(`${first.trim().split('\n')[0]}T00:00:00Z`) : REPOSITORY_START;
  const log = git(root, ['log', '--diff-filter=A', '--format=@%cs', '--name-only', '--', sourcesPath]);
  return sourceDatesFrom(log ? parseAddedLog(log) : new Map<string, Date>(), start);
}
