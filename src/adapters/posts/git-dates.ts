/** Adapter: file dates from `git log` (a child process). */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

let cache: Map<string, Date> | undefined;

/**
 * Date of the last commit of every file under `dir`, from one `git log` (not one per post).
 * Empty outside a git checkout; used for "aktualisiert am" when a post sets no updatedDate.
 */
export function lastCommitDates(dir: string): Map<string, Date> {
  if (cache) return cache;
  cache = new Map();
  try {
    const out = execFileSync('git', ['log', '--format=@%cI', '--name-only', '--', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    let current: Date | undefined;
    for (const line of out.split('\n')) {
      if (line.startsWith('@')) current = new Date(line.slice(1));
      else if (line && current) {
        const file = resolve(top, line);
        if (!cache.has(file)) cache.set(file, current); // newest first
      }
    }
  } catch {
    // not a git checkout: no dates
  }
  return cache;
}

/** The date to show as "aktualisiert am": updatedDate, else the last commit when it is later than pubDate. */
export function updatedOn(
  post: { filePath?: string | undefined; data: { pubDate: Date; updatedDate?: Date | undefined } },
  dates: Map<string, Date>,
): Date | undefined {
  if (post.data.updatedDate) return post.data.updatedDate;
  const committed = post.filePath ? dates.get(resolve(post.filePath)) : undefined;
  if (!committed) return undefined;
  const day = new Date(`${committed.toISOString().slice(0, 10)}T00:00:00Z`);
  return day > post.data.pubDate ? day : undefined;
}
