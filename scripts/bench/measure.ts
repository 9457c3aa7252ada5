import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { runInBackground } from '../../src/adapters/background-priority.mjs';

interface Sample {
  rss: number;
  cpuTicks: number;
  pictures: boolean;
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * One look at a process and all its descendants, from /proc (Linux): resident memory, and each
 * process's CPU time so far (user + system), marked when it is the share-picture drawing process.
 * `alsoRoot` adds processes outside the tree by their command line (with their descendants): the
 * drawing process a publish leaves running is detached from the server that started its build.
 */
function sampleTree(
  rootPid: number,
  isPictureProcess: Map<number, boolean>,
  alsoRoot?: (cmdline: string) => boolean,
  isExtraRoot = new Map<number, boolean>(),
): Map<number, Sample> {
  const children = new Map<number, number[]>();
  const stats = new Map<number, { rss: number; cpuTicks: number }>();
  const stack = [rootPid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pid = Number(entry);
      stats.set(pid, { rss: Number(fields[21]) * 4096, cpuTicks: Number(fields[11]) + Number(fields[12]) });
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      if (alsoRoot) {
        if (!isExtraRoot.has(pid)) isExtraRoot.set(pid, alsoRoot(readCmdline(pid)));
        if (isExtraRoot.get(pid)) stack.push(pid);
      }
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Map<number, Sample>();
  while (stack.length) {
    const pid = stack.pop()!;
    const stat = stats.get(pid);
    if (stat && !tree.has(pid)) {
      if (!isPictureProcess.has(pid)) isPictureProcess.set(pid, readCmdline(pid).includes('draw-queue'));
      tree.set(pid, { ...stat, pictures: isPictureProcess.get(pid)! });
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The processes below `rootPid` (its children and theirs), from /proc; not `rootPid` itself. */
export function descendants(rootPid: number): number[] {
  return [...sampleTree(rootPid, new Map()).keys()].filter((pid) => pid !== rootPid);
}

/**
 * Samples the resident memory of a running process tree (a server, the builds it starts, and the
 * processes `alsoRoot` names) every 100 ms until `stop`, which returns the peak and the process itself.
 */
export function watchMemory(
  rootPid: number,
  alsoRoot?: (cmdline: string) => boolean,
): { stop: () => { peakBytes: number; rootPeakBytes: number } } {
  const [isPictureProcess, isExtraRoot] = [new Map<number, boolean>(), new Map<number, boolean>()];
  let [peak, rootPeak] = [0, 0];
  const timer = setInterval(() => {
    const tree = sampleTree(rootPid, isPictureProcess, alsoRoot, isExtraRoot);
    peak = Math.max(
      peak,
      [...tree.values()].reduce((sum, s) => sum + s.rss, 0),
    );
    rootPeak = Math.max(rootPeak, tree.get(rootPid)?.rss ?? 0);
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return { peakBytes: peak, rootPeakBytes: rootPeak };
    },
  };
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

export interface RunResult {
  seconds: number;
  peakBytes: number;
  /**
   * CPU time (user + system) of the whole process tree, from 100 ms samples (the last <100 ms of each
   * process is missed); on a loaded machine a steadier figure than wall-clock time.
   */
  cpuSeconds: number;
  /** Of that, the share-picture drawing processes. */
  pictureCpuSeconds: number;
  status: number | null;
  output: string;
}

/** Runs a command, sampling the memory of its whole process tree every 100 ms. */
export function run(
  command: string,
  args: string[],
  { background, ...options }: { cwd: string; env: NodeJS.ProcessEnv; background?: number },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    // `background`: started as the server starts a publish's build (its own session, niced with its scheduling group).
    const child = spawn(command, args, { ...options, detached: background !== undefined, stdio: ['ignore', 'pipe', 'pipe'] });
    if (background !== undefined && child.pid) runInBackground(child.pid, background);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const cpu = new Map<number, { ticks: number; pictures: boolean }>();
    const isPictureProcess = new Map<number, boolean>();
    const timer = setInterval(() => {
      const tree = sampleTree(child.pid!, isPictureProcess);
      let rss = 0;
      for (const [pid, sample] of tree) {
        rss += sample.rss;
        cpu.set(pid, { ticks: Math.max(cpu.get(pid)?.ticks ?? 0, sample.cpuTicks), pictures: sample.pictures });
      }
      peak = Math.max(peak, rss);
    }, 100);
    child.on('close', (status) => {
      clearInterval(timer);
      const sum = (pictures?: boolean) =>
        [...cpu.values()].filter((c) => pictures === undefined || c.pictures === pictures).reduce((total, c) => total + c.ticks, 0) /
        CLOCK_TICKS;
      resolve({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        peakBytes: peak,
        cpuSeconds: sum(),
        pictureCpuSeconds: sum(true),
        status,
        output,
      });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
