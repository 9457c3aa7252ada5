/**
 * A publish's build and the share pictures run detached from the server (their own session), so on Linux
 * they are in a scheduling group of their own, and a nice on their threads alone left them as much CPU as
 * the server's readers (src/adapters/background-priority.mjs). Real processes, real /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_NICE, DRAW_NICE, runInBackground } from '../../src/adapters/background-priority.mjs';

const autogroups = existsSync('/proc/self/autogroup');
/** "/autogroup-2687 nice 0" → the group's name and nice. */
const groupOf = (pid: number | 'self') => {
  const [name, , nice] = readFileSync(`/proc/${pid}/autogroup`, 'utf8').trim().split(/\s+/);
  return { name, nice: Number(nice) };
};

const children: ChildProcess[] = [];
const sleeper = (detached: boolean) => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)'], { detached, stdio: 'ignore' });
  children.push(child);
  return child.pid!;
};
afterEach(() => children.splice(0).forEach((child) => child.kill()));

describe('work beside the server runs at low priority', () => {
  it('niced are the process and, when it runs detached, its whole scheduling group', () => {
    const pid = sleeper(true);
    const result = runInBackground(pid, BUILD_NICE);
    expect(result.niced).toBe(true);
    expect(getPriority(pid)).toBe(BUILD_NICE);
    // Without autogroups (other kernels) there is no group to nice, and nothing else to check.
    if (!autogroups) return expect(result.group).toBe(false);
    expect(result.group).toBe(true);
    expect(groupOf(pid).nice).toBe(BUILD_NICE);
    expect(groupOf(pid).name).not.toBe(groupOf('self').name);
  });

  it('never nices the group it shares with its parent: the server (or the shell) would slow down with it', () => {
    const before = autogroups ? groupOf('self') : undefined;
    const own = getPriority(0);
    const pid = sleeper(false);
    const result = runInBackground(pid, DRAW_NICE);
    expect(result).toEqual({ niced: true, group: false });
    expect(getPriority(pid)).toBe(DRAW_NICE);
    if (before) expect(groupOf('self')).toEqual(before);
    expect(getPriority(0)).toBe(own);
  });

  it('a process that ended meanwhile is no error: the work simply was not niced', () => {
    const child = spawn(process.execPath, ['-e', ''], { detached: true, stdio: 'ignore' });
    return new Promise<void>((resolve) =>
      child.once('exit', () => {
        expect(runInBackground(child.pid!, BUILD_NICE)).toEqual({ niced: false, group: false });
        resolve();
      }),
    );
  });
});
