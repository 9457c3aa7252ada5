/**
 * The content safety rule (src/lib/content-check/mdx-safety.ts) in a worker thread, so that on a build the
 * MDX parse of every new or changed post runs beside Astro's own work instead of before it. The build
 * (src/integrations/content-check.ts) starts it in `astro:config:setup` and waits for its verdict before
 * any page is generated. A worker that fails or exits without a verdict rejects, so the build stops.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Inside the worker (safety-worker-entry.mjs): read the posts from workerData, post the verdict. */
export function answerInWorker(): void {
  if (isMainThread || !parentPort) throw new Error('answerInWorker() runs only inside the worker thread');
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
