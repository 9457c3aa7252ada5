/**
 * Scheduled posts go live on their own: just after midnight in Berlin the server checks whether
 * a post's day has come since the served build was made, and publishes if so; the same check
 * runs at start, for days that began while the server was down.
 *
 * Such a run publishes only the due posts and their pictures (`scheduledFiles`), never other saved
 * edits: the publisher builds from the live content (git HEAD) with these files laid over it and
 * commits only them (server/editor/git.ts stageLiveContent, publisher.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SITE_TIME_ZONE, berlinDay } from '@/lib/posts/publish';
import { splitFrontMatter } from '@/lib/posts/front-matter';

/** Minutes after midnight at which the daily check runs. */
const RUN_MINUTE = 1;

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: SITE_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Berlin's offset from UTC at a moment, in milliseconds (+1 h in winter, +2 h in summer). */
function berlinOffset(moment: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(moment)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(moment / 1000) * 1000;
}

/** The next 00:01 Berlin time strictly after `now`, correct across daylight-saving changes. */
export function nextDailyRun(now: Date): Date {
  const [y, m, d] = berlinDay(now).split('-').map(Number) as [number, number, number];
  for (const dayOffset of [0, 1]) {
    const wall = Date.UTC(y, m - 1, d + dayOffset, 0, RUN_MINUTE);
    // Two passes: the offset at the guess may differ from the offset at the answer on a change day.
    let guess = wall - berlinOffset(wall);
    guess = wall - berlinOffset(guess);
    if (guess > now.getTime()) return new Date(guess);
  }
  throw new Error('unreachable');
}

export interface ScheduledPost {
  file: string;
  pubDate: string;
  draft: boolean;
}

/** Posts whose day has begun since `builtAt`: the served build does not show them yet. */
export function postsDue(posts: ScheduledPost[], builtAt: Date, now: Date): ScheduledPost[] {
  const built = berlinDay(builtAt);
  const today = berlinDay(now);
  return posts.filter((post) => !post.draft && post.pubDate > built && post.pubDate <= today);
}

/** The files a scheduled run publishes: each due post and its picture folder (posts/<slug>/, where the editor puts them). */
export function scheduledFiles(due: readonly ScheduledPost[]): string[] {
  return due.flatMap((post) => [post.file, post.file.replace(/\.mdx?$/, '')]);
}

/** Front matter dates of the posts in a content folder (only what the schedule needs). */
export function readSchedule(contentDir: string): ScheduledPost[] {
  const dir = join(contentDir, 'posts');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => /\.mdx?$/.test(name));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const head = splitFrontMatter(readFileSync(join(dir, name), 'utf8'))?.yaml ?? '';
    const pubDate = /^pubDate:\s*['"]?(\d{4}-\d{2}-\d{2})/m.exec(head)?.[1];
    return pubDate ? [{ file: `posts/${name}`, pubDate, draft: /^draft:\s*true\b/m.test(head) }] : [];
  });
}

export interface SchedulerOptions {
  contentDir: string;
  builtAt: () => Date;
  publish: (due: ScheduledPost[]) => void;
  now?: () => Date;
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void };
}

/** Checks now and then every night; `stop()` ends it. */
export function startScheduler({ contentDir, builtAt, publish, now = () => new Date(), setTimer = setTimeout }: SchedulerOptions): {
  stop: () => void;
  check: () => ScheduledPost[];
} {
  let stopped = false;
  const check = () => {
    const due = postsDue(readSchedule(contentDir), builtAt(), now());
    if (due.length > 0) publish(due);
    return due;
  };
  const arm = () => {
    if (stopped) return;
    const at = nextDailyRun(now());
    setTimer(
      () => {
        if (stopped) return;
        check();
        arm();
      },
      Math.max(1000, at.getTime() - now().getTime()),
    ).unref?.();
  };
  check();
  arm();
  return { stop: () => void (stopped = true), check };
}
