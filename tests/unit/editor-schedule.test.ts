import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nextDailyRun, postsDue, startScheduler } from '../../server/editor/schedule';

describe('the nightly publishing check', () => {
  it('runs at 00:01 Berlin time: 23:01 UTC in winter, 22:01 UTC in summer', () => {
    expect(nextDailyRun(new Date('2026-12-01T10:00:00Z')).toISOString()).toBe('2026-12-01T23:01:00.000Z');
    expect(nextDailyRun(new Date('2026-07-01T10:00:00Z')).toISOString()).toBe('2026-07-01T22:01:00.000Z');
  });

  it('at 23:30 Berlin time runs 31 minutes later, not a day later', () => {
    expect(nextDailyRun(new Date('2026-12-01T22:30:00Z')).toISOString()).toBe('2026-12-01T23:01:00.000Z');
  });

  it('just after a run schedules the next night', () => {
    expect(nextDailyRun(new Date('2026-12-01T23:01:00Z')).toISOString()).toBe('2026-12-02T23:01:00.000Z');
  });

  it('is right on both daylight-saving change nights', () => {
    // Clocks go forward on 29 March 2026: midnight of 29 March is still winter time (UTC+1).
    expect(nextDailyRun(new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-28T23:01:00.000Z');
    // The night after, summer time (UTC+2).
    expect(nextDailyRun(new Date('2026-03-29T12:00:00Z')).toISOString()).toBe('2026-03-29T22:01:00.000Z');
    // Clocks go back on 25 October 2026: midnight of 25 October is still summer time.
    expect(nextDailyRun(new Date('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-24T22:01:00.000Z');
    expect(nextDailyRun(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe('2026-10-25T23:01:00.000Z');
  });
});

describe('which posts are due', () => {
  const posts = [
    { file: 'posts/old.mdx', pubDate: '2026-11-01', draft: false },
    { file: 'posts/today.mdx', pubDate: '2026-12-02', draft: false },
    { file: 'posts/draft.mdx', pubDate: '2026-12-02', draft: true },
    { file: 'posts/later.mdx', pubDate: '2026-12-24', draft: false },
  ];

  it('a post whose day began after the build is due; older, draft and future ones are not', () => {
    const due = postsDue(posts, new Date('2026-12-01T15:00:00Z'), new Date('2026-12-01T23:01:00Z'));
    expect(due.map((p) => p.file)).toEqual(['posts/today.mdx']);
  });

  it('nothing is due once the build was made on that day', () => {
    expect(postsDue(posts, new Date('2026-12-01T23:05:00Z'), new Date('2026-12-02T09:00:00Z'))).toEqual([]);
  });

  it('the scheduler publishes at start for a day that came while the server was down, then at the next midnight', () => {
    const dir = mkdtempSync(join(tmpdir(), 'schedule-'));
    mkdirSync(join(dir, 'posts'));
    writeFileSync(join(dir, 'posts', 'a.mdx'), '---\ntitle: A\npubDate: 2026-12-02\ndraft: false\n---\nText\n');
    writeFileSync(join(dir, 'posts', 'b.mdx'), "---\ntitle: B\npubDate: '2026-12-03'\n---\nText\n");
    let clock = new Date('2026-12-02T08:00:00Z');
    let builtAt = new Date('2026-12-01T12:00:00Z');
    const published: string[][] = [];
    const timers: Array<{ fn: () => void; ms: number }> = [];
    const scheduler = startScheduler({
      contentDir: dir,
      builtAt: () => builtAt,
      now: () => clock,
      publish: (due) => {
        published.push(due.map((p) => p.file));
        builtAt = clock;
      },
      setTimer: (fn, ms) => {
        timers.push({ fn, ms });
        return {};
      },
    });
    expect(published).toEqual([['posts/a.mdx']]);
    // Armed for 00:01 on 3 December Berlin time = 23:01 UTC on 2 December.
    expect(timers.at(-1)!.ms).toBe(new Date('2026-12-02T23:01:00Z').getTime() - clock.getTime());
    clock = new Date('2026-12-02T23:01:00Z');
    timers.at(-1)!.fn();
    expect(published).toEqual([['posts/a.mdx'], ['posts/b.mdx']]);
    scheduler.stop();
  });
});
