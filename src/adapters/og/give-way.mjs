// @ts-check
/**
 * Lets a drawing process that runs in the background (after a publish, beside the server) give way to
 * the rest of the machine. Nice 19 alone left readers at 0.62× of idle on two cores (issue 27). Part of
 * that was Linux's autogroups (a detached process's nice only counted inside its own scheduling group,
 * now niced too: ../background-priority.mjs); the rest is what priority does not share: a picture drawn
 * on the second core still slows the server on the first (on this machine a reader request cost 433 µs
 * of the server's CPU beside a running build, 219 µs without). So before each picture the drawing process looks at how busy the other
 * processes kept the machine since its last look (os.cpus(), minus its own CPU time) and, while they
 * leave it less than GIVE_WAY_FREE_CORES of idle cores, waits in short steps, at most GIVE_WAY_MAX_MS,
 * before it draws anyway (so pictures still arrive under constant load, just slower).
 */
import { cpus } from 'node:os';

/** Idle capacity (in cores) the others must leave before a picture is drawn at once: one for the drawing, a quarter as headroom. */
export const GIVE_WAY_FREE_CORES = 1.25;
/** Longest wait before one picture, so a server under constant load still gets its pictures (about one a second). */
export const GIVE_WAY_MAX_MS = 1000;
const STEP_MS = 100;

/** @typedef {{ busy: number; total: number; own: number }} Sample */

/** CPU time of all cores (busy and total, ms) and this process's own, so far. @returns {Sample} */
function sample() {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const used = times.user + times.nice + times.sys + times.irq;
    busy += used;
    total += used + times.idle;
  }
  const own = process.cpuUsage();
  return { busy, total, own: (own.user + own.system) / 1000 };
}

/**
 * Cores the other processes kept busy between two samples.
 * @param {Sample} before @param {Sample} after @param {number} cores
 */
export function othersCores(before, after, cores) {
  const total = after.total - before.total;
  if (total <= 0) return 0;
  const others = Math.max(0, after.busy - before.busy - (after.own - before.own));
  return (others / total) * cores;
}

/**
 * A function to await before each picture; resolves with the milliseconds it waited. The first call
 * does not wait (there is nothing to compare with yet): a publish's one new picture comes at once.
 * @param {{ freeCores?: number; maxMs?: number }} [options]
 * @returns {() => Promise<number>}
 */
export function givingWay({ freeCores = GIVE_WAY_FREE_CORES, maxMs = GIVE_WAY_MAX_MS } = {}) {
  const cores = cpus().length;
  /** @type {Sample | undefined} */
  let last;
  return async () => {
    let waited = 0;
    for (;;) {
      const now = sample();
      const busy = last !== undefined && othersCores(last, now, cores) > cores - freeCores;
      last = now;
      if (!busy || waited >= maxMs) return waited;
      await new Promise((resolve) => setTimeout(resolve, STEP_MS));
      waited += STEP_MS;
    }
  };
}
