// @ts-check
/**
 * Work that runs beside the server (a publish's build, the share pictures) at low priority, for real.
 *
 * Nice alone did not do it on Linux: with autogroups on (`/proc/sys/kernel/sched_autogroup_enabled`, the
 * default of desktop and many server kernels), a process started in a session of its own (`detached`, i.e.
 * setsid) gets a scheduling group of its own, and the scheduler shares the CPU equally between groups first;
 * a thread's nice only counts inside its group. A detached build at nice 10 therefore took as much CPU as
 * the server beside it: measured on this machine (2 cores, 04.12.2026), a foreground loop ran 22.4 M rounds
 * in 2 s beside two detached niced loops, 39.6 M once their group was niced too, 39.8 M alone. Readers
 * during a publish's build were 0.34× of the same server with the build held (issue 27).
 *
 * So for a process that leads its own session, the group's nice is set too (`/proc/<pid>/autogroup`,
 * allowed without privileges when it lowers the priority). Never for a process that shares its session
 * with its parent: that group is the parent's, and niceing it would slow the server (or the shell) down.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Nice of a publish's build: the server's readers first. */
export const BUILD_NICE = 10;
/** Nice of the share pictures' drawing processes: after everything else. */
export const DRAW_NICE = 19;

/**
 * Whether process `pid` leads its own session (started detached), from /proc/<pid>/stat.
 * @param {number} pid
 */
function leadsSession(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // pid (comm) state ppid pgrp session …; comm may hold spaces and parentheses, so split after the last ")".
  const session = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[3]);
  return session === pid;
}

/**
 * Lowers the priority of process `pid` (or of this process, `pid` 0) and, where it leads its own
 * session on Linux, of its scheduling group. Children started afterwards inherit both.
 * @param {number} pid
 * @param {number} nice
 * @returns {{ niced: boolean; group: boolean }} what could be set (neither is an error: the work then runs at normal priority)
 */
export function runInBackground(pid, nice) {
  const target = pid === 0 ? process.pid : pid;
  let niced = false;
  let group = false;
  try {
    setPriority(pid, nice);
    niced = true;
  } catch {
    // not allowed here
  }
  if (process.platform === 'linux') {
    try {
      if (leadsSession(target)) {
        writeFileSync(`/proc/${target}/autogroup`, String(nice));
        group = true;
      }
    } catch {
      // no autogroups in this kernel, or the process ended meanwhile
    }
  }
  return { niced, group };
}
