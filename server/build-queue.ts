/**
 * Runs the builds of several guilds through one fair queue (src/lib/sites/build-queue.ts): at most
 * BUILD_CONCURRENCY at a time on the machine, an urgent publish of one site ahead of a shared-content rebuild,
 * each site's state readable for the Redaktion. `build` does the work (a child `scripts/build.mjs`, see
 * scripts/sites.ts); a failing build is recorded for its site and never stops the queue.
 */
import {
  BuildQueueState,
  parseBuildConcurrency,
  type BuildReason,
  type Finished,
  type SiteBuildStatus,
} from '../src/lib/sites/build-queue';

export interface BuildQueueOptions {
  /** Builds at once; default BUILD_CONCURRENCY from the environment (1 when unset). */
  concurrency?: number;
  /** Builds one site; rejects with a German reason when the build failed. */
  build: (kennung: string, reason: BuildReason) => Promise<void>;
  /** Told when a build starts and ends, e.g. for the log. */
  onEvent?: (event: { kennung: string; status: SiteBuildStatus }) => void;
  now?: () => number;
}

export interface BuildQueue {
  /** Asks for a build of one site; resolves with its state once a build that started after this request ended. */
  request(kennung: string, reason: BuildReason): Promise<Finished>;
  status(kennung: string): SiteBuildStatus;
  readonly concurrency: number;
  /** Resolves when nothing builds and nothing waits. */
  idle(): Promise<void>;
}

export function createBuildQueue(options: BuildQueueOptions): BuildQueue {
  const now = options.now ?? Date.now;
  const state = new BuildQueueState(options.concurrency ?? parseBuildConcurrency(process.env.BUILD_CONCURRENCY));
  // Who waits for a site's next build that starts: handed over to `running` when it starts.
  const waiters = new Map<string, Array<(status: Finished) => void>>();
  const running = new Map<string, Array<(status: Finished) => void>>();
  let idleWaiters: Array<() => void> = [];

  const tell = (kennung: string) => options.onEvent?.({ kennung, status: state.status(kennung) });

  function pump(): void {
    for (let job = state.start(now()); job; job = state.start(now())) {
      const { kennung, reason } = job;
      running.set(kennung, waiters.get(kennung) ?? []);
      waiters.delete(kennung);
      tell(kennung);
      void runOne(kennung, reason);
    }
    if (state.isIdle) {
      const done = idleWaiters;
      idleWaiters = [];
      for (const resolve of done) resolve();
    }
  }

  async function runOne(kennung: string, reason: BuildReason): Promise<void> {
    let error: string | undefined;
    try {
      await options.build(kennung, reason);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    state.finish(kennung, now(), error);
    const finished = state.last(kennung)!;
    tell(kennung);
    for (const resolve of running.get(kennung) ?? []) resolve(finished);
    running.delete(kennung);
    pump();
  }

  return {
    concurrency: state.concurrency,
    request(kennung, reason) {
      const result = new Promise<Finished>((resolve) => waiters.set(kennung, [...(waiters.get(kennung) ?? []), resolve]));
      state.request(kennung, reason, now());
      tell(kennung);
      pump();
      return result;
    },
    status: (kennung) => state.status(kennung),
    idle: () => (state.isIdle ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
  };
}
