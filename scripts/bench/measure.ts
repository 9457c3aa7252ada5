import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

interface Sample { rss: number; cpuTicks: number; pictures: boolean }
const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * One look at a process and all its descendants, from /proc (Linux): resident memory, and each
 * process's CPU time so far (user + system), marked when it is the share-picture drawing process.
 */
function sampleTree(rootPid: number, isPictureProcess: Map<number, boolean>): Map<number, Sample> {
  const children = new Map<number, number[]>();
  const stats = new Map<number, { rss: number; cpuTicks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      stats.set(Number(entry), { rss: Number(fields[21]) * 4096, cpuTicks: Number(fields[11]) + Number(fields[12]) });
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = new Map<number, Sample>();
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    const stat = stats.get(pid);
    if (stat) {
      if (!isPictureProcess.has(pid)) isPictureProcess.set(pid, readCmdline(pid).includes('draw-queue'));
      tree.set(pid, { ...stat, pictures: isPictureProcess.get(pid)! });
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
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
export function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
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
      const sum = (pictures?: boolean) => [...cpu.values()].filter((c) => pictures === undefined || c.pictures === pictures).reduce((total, c) => total + c.ticks, 0) / CLOCK_TICKS;
      resolve({ seconds: Number(process.hrtime.bigint() - started) / 1e9, peakBytes: peak, cpuSeconds: sum(), pictureCpuSeconds: sum(true), status, output });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
