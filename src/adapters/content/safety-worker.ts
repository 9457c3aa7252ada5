/**
 * The content safety rule (src/lib/content-check/mdx-safety.ts) in a worker thread, so that on a build the
 * MDX parse of every new or changed .mdx post runs beside Astro's own work instead of before it (.md posts
 * are checked on the tree of Astro's own Markdown parse, src/integrations/content-check.ts). The build
 * (src/integrations/content-check.ts) starts it in `astro:config:setup` and waits for its verdict before
 * any page is generated. A worker that fails or exits without a verdict rejects, so the build stops.
 * The thread runs at lower priority than Astro's own threads (SAFETY_WORKER_NICE): on two cores its parse
 * (~7 s of CPU per 1,000 posts) took a core from Vite's compile and the garbage collector beside it; it still
 * gets every idle moment, and the whole machine once Astro waits for its verdict.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getPriority, setPriority } from 'node:os';
import { Worker, isMainThread, parentPort, workerData, type ResourceLimits } from 'node:worker_threads';
import { parsePost } from '../../lib/content-check/front-matter';
import { checkMdxSafety } from '../../lib/content-check/mdx-safety';
import type { Problem, SourceFile } from '../../lib/content-check/types';
import { de } from '../../i18n/de';
import { format } from '../../i18n/format';

export interface SafetyVerdict {
  problems: Problem[];
  /** Per post (in the order given): true when it passed the rule. */
  passed: boolean[];
}

/** The rule over every post given; front-matter problems are the main check's, not repeated here. */
function verdictOf(posts: readonly SourceFile[]): SafetyVerdict {
  const problems: Problem[] = [];
  const passed = posts.map((file) => {
    const found = checkMdxSafety(parsePost(file, []));
    problems.push(...found);
    return found.length === 0;
  });
  return { problems, passed };
}

/** How much nicer than the build the worker thread runs (Linux nice steps, at most 19). */
export const SAFETY_WORKER_NICE = 5;

/**
 * Lowers the priority of the calling thread only. On Linux the nice value belongs to a thread and
 * setpriority(…, 0, …) means the calling one; elsewhere it would slow the whole build, so it is left alone.
 */
function lowerThisThread(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(Math.min(19, getPriority() + SAFETY_WORKER_NICE));
  } catch {
    // not allowed here: the check runs at the build's priority
  }
}

/** Inside the worker (safety-worker-entry.mjs): read the posts from workerData, post the verdict. */
export function answerInWorker(): void {
  if (isMainThread || !parentPort) throw new Error('answerInWorker() runs only inside the worker thread');
  lowerThisThread();
  parentPort.postMessage(verdictOf((workerData as { posts: SourceFile[] }).posts));
}

/** Runs the rule over `posts` in a worker thread (`resourceLimits`: the worker's memory limits, for tests). */
export function checkSafetyInWorker(posts: readonly SourceFile[], resourceLimits?: ResourceLimits): Promise<SafetyVerdict> {
  return new Promise((resolve, reject) => {
    // A path, not `new URL(…, import.meta.url)` inside `new Worker(…)`: Vite, which loads the config, would bundle that.
    const entry = join(dirname(fileURLToPath(import.meta.url)), 'safety-worker-entry.mjs');
    const worker = new Worker(entry, { workerData: { posts }, ...(resourceLimits ? { resourceLimits } : {}) });
    let verdict: SafetyVerdict | undefined;
    worker.once('message', (message: SafetyVerdict) => (verdict = message));
    worker.once('error', (error) =>
      reject(new Error(format(de.contentCheckWorker.failed, { reason: error instanceof Error ? error.message : String(error) }))),
    );
    worker.once('exit', (code) =>
      verdict
        ? resolve(verdict)
        : reject(new Error(format(de.contentCheckWorker.noVerdict, { code: String(code) }))),
    );
  });
}
