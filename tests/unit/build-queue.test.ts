/** The fair build queue of several guilds (issue 26): one build at a time by default, fair, urgent publishes first. */
import { describe, expect, it } from 'vitest';
import { BuildQueueState, parseBuildConcurrency } from '@/lib/sites/build-queue';
import { createBuildQueue } from '../../server/build-queue';

/** Runs the queue to the end with builds that finish in start order; returns the order sites were built in. */
function drain(queue: BuildQueueState, now = 0): string[] {
  const built: string[] = [];
  for (let job = queue.start(now); job; job = queue.start(now)) {
    built.push(job.kennung);
    queue.finish(job.kennung, now);
  }
  return built;
}

describe('build queue', () => {
  it('runs at most one build at a time by default, the others wait in order of arrival', () => {
    const queue = new BuildQueueState();
    for (const site of ['a', 'b', 'c']) queue.request(site, 'gemeinsam', 0);
    expect(queue.start(0)?.kennung).toBe('a');
    expect(queue.start(0)).toBeUndefined();
    expect(queue.status('a')).toMatchObject({ state: 'baut', reason: 'gemeinsam' });
    expect(queue.status('b')).toMatchObject({ state: 'wartet', position: 1 });
    expect(queue.status('c')).toMatchObject({ state: 'wartet', position: 2 });
    queue.finish('a', 5000);
    expect(queue.status('a')).toMatchObject({ state: 'fertig', seconds: 5 });
    expect(drain(queue)).toEqual(['b', 'c']);
    expect(queue.isIdle).toBe(true);
  });

  it('an urgent publish of one site goes ahead of a shared-content rebuild of all sites', () => {
    const queue = new BuildQueueState();
    for (let i = 1; i <= 30; i++) queue.request(`site-${i}`, 'gemeinsam', 0);
    expect(queue.start(0)?.kennung).toBe('site-1');
    queue.request('site-31', 'veroeffentlichen', 1);
    expect(queue.status('site-31')).toMatchObject({ state: 'wartet', position: 1, reason: 'veroeffentlichen' });
    queue.finish('site-1', 2);
    expect(queue.start(2)?.kennung).toBe('site-31');
  });

  it('a site asks once: a second request joins the waiting one and keeps its place; urgency upgrades it', () => {
    const queue = new BuildQueueState();
    queue.request('a', 'gemeinsam', 0);
    queue.request('b', 'gemeinsam', 0);
    queue.request('a', 'gemeinsam', 1);
    expect(queue.order().map((j) => j.kennung)).toEqual(['a', 'b']);
    queue.request('b', 'veroeffentlichen', 2);
    expect(queue.order().map((j) => [j.kennung, j.reason])).toEqual([
      ['b', 'veroeffentlichen'],
      ['a', 'gemeinsam'],
    ]);
  });

  it('fair across sites: a site that keeps publishing cannot hold the machine; the others get their turn', () => {
    const queue = new BuildQueueState();
    queue.request('eifrig', 'veroeffentlichen', 0);
    queue.request('ruhig', 'veroeffentlichen', 0);
    const built: string[] = [];
    for (let round = 0; round < 3; round++) {
      const job = queue.start(round)!;
      built.push(job.kennung);
      queue.request('eifrig', 'veroeffentlichen', round); // publishes again while anything builds
      queue.finish(job.kennung, round);
    }
    expect(built).toEqual(['eifrig', 'ruhig', 'eifrig']);
  });

  it('never two builds of one site: a request during its build waits, and another site takes the free slot', () => {
    const queue = new BuildQueueState(2);
    queue.request('a', 'gemeinsam', 0);
    expect(queue.start(0)?.kennung).toBe('a');
    queue.request('a', 'veroeffentlichen', 1);
    queue.request('b', 'gemeinsam', 1);
    expect(queue.status('a')).toMatchObject({ state: 'baut', alsoWaiting: true });
    expect(queue.start(1)?.kennung).toBe('b');
    expect(queue.start(1)).toBeUndefined();
    queue.finish('a', 2);
    expect(queue.start(2)).toMatchObject({ kennung: 'a', reason: 'veroeffentlichen' });
  });

  it('BUILD_CONCURRENCY builds run side by side, no more', () => {
    const queue = new BuildQueueState(parseBuildConcurrency('3'));
    for (const site of ['a', 'b', 'c', 'd', 'e']) queue.request(site, 'gemeinsam', 0);
    const started = [queue.start(0), queue.start(0), queue.start(0), queue.start(0)];
    expect(started.map((j) => j?.kennung)).toEqual(['a', 'b', 'c', undefined]);
    expect(queue.runningCount).toBe(3);
  });

  it('a failed build is named per site with its reason; the next site still builds', () => {
    const queue = new BuildQueueState();
    queue.request('a', 'gemeinsam', 0);
    queue.request('b', 'gemeinsam', 0);
    queue.start(0);
    queue.finish('a', 1, 'Die Konfiguration ist ungültig.');
    expect(queue.status('a')).toMatchObject({ state: 'fehlgeschlagen', message: 'Die Konfiguration ist ungültig.' });
    expect(queue.start(1)?.kennung).toBe('b');
    expect(queue.status('nie')).toEqual({ state: 'ruht' });
  });

  it('BUILD_CONCURRENCY: default 1, a clear German error for anything but a whole number from 1', () => {
    expect(parseBuildConcurrency(undefined)).toBe(1);
    expect(parseBuildConcurrency(' ')).toBe(1);
    expect(parseBuildConcurrency('2')).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'zwei', '1000'])
      expect(() => parseBuildConcurrency(bad)).toThrow(`BUILD_CONCURRENCY muss eine ganze Zahl von 1 bis 64 sein (gesetzt: „${bad}“).`);
  });
});

describe('build queue runner (server/build-queue.ts)', () => {
  it('runs real async builds one at a time, publishes first, and resolves each request with its site result', async () => {
    const log: string[] = [];
    let active = 0;
    let most = 0;
    const queue = createBuildQueue({
      concurrency: 1,
      build: async (kennung) => {
        active++;
        most = Math.max(most, active);
        log.push(kennung);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        if (kennung === 'kaputt') throw new Error('Die Konfiguration ist ungültig.');
      },
    });
    const shared = ['a', 'kaputt', 'b', 'c'].map((site) => queue.request(site, 'gemeinsam'));
    const urgent = queue.request('eilig', 'veroeffentlichen');
    const results = await Promise.all([...shared, urgent]);
    await queue.idle();
    expect(most).toBe(1);
    expect(log).toEqual(['a', 'eilig', 'kaputt', 'b', 'c']);
    expect(results.map((r) => r.state)).toEqual(['fertig', 'fehlgeschlagen', 'fertig', 'fertig', 'fertig']);
    expect(queue.status('kaputt')).toMatchObject({ state: 'fehlgeschlagen', message: 'Die Konfiguration ist ungültig.' });
  });
});
