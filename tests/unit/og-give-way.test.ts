/**
 * A drawing process in the background gives way to a busy machine (src/adapters/og/give-way.mjs, issue 27):
 * while other processes keep every core busy it waits before a picture, but never longer than its bound,
 * and the first picture (a publish's one new picture) is never held back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { givingWay, othersCores } from '../../src/adapters/og/give-way.mjs';

const hogs: ChildProcess[] = [];
afterEach(() => {
  for (const hog of hogs.splice(0)) hog.kill();
});

/** Real load: one busy process per core (stopped after each test). */
async function loadEveryCore(): Promise<void> {
  for (let i = 0; i < cpus().length; i++) {
    hogs.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('giving way to other processes', () => {
  it("counts the others' cores without the drawing process's own time", () => {
    const before = { busy: 1000, total: 4000, own: 100 };
    // 2 cores, 1 s: 1,600 ms busy of 2,000 ms, 600 ms of it our own → the others kept one core busy.
    expect(othersCores(before, { busy: 2600, total: 6000, own: 700 }, 2)).toBeCloseTo(1, 5);
    expect(othersCores(before, before, 2)).toBe(0);
  });

  it('draws the first picture at once, then waits while every core is busy, at most its bound', async () => {
    await loadEveryCore();
    const giveWay = givingWay({ maxMs: 500 });
    expect(await giveWay()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const waited = await giveWay();
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(500);
    expect(performance.now() - started).toBeLessThan(2000);
  }, 30_000);
});
