/**
 * The day each source file entered the repository, so the content check can refuse a check date before it.
 * The dates come from git (src/adapters/content/source-dates.ts); where git or a file's history is missing
 * (a copy of the content, a live server without .git), the repository's first commit date stands in: no fact
 * of this site can have been checked before the site existed.
 */

/** The day of the repository's first commit; used where git is not available. */
export const REPOSITORY_START = new Date('2026-11-28T00:00:00Z');

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

/** Every source dated to one day: the fallback where git tells nothing. */
export function sourceDatesFrom(added: Map<string, Date>, start: Date = REPOSITORY_START): SourceDates {
  return { addedOf: (key) => added.get(key) ?? start };
}
