/**
 * The build queue of an installation with several guilds (issue 26), as plain state: which site builds next.
 * At most `concurrency` builds run at a time on the machine; a site has at most one waiting build (a second
 * request joins it) and never two running; an urgent publish of one site goes ahead of every routine build
 * (a shared-content update of all sites); among equals the site that asked first goes first, so a rebuild
 * of thirty sites cannot starve the thirty-first. The runner (server/build-queue.ts) starts and ends builds.
 */
import { de } from '@/i18n/de';
import { format } from '@/i18n/format';

/** Why a site builds: its editor published (urgent), or the shared comparison changed (routine). */
export type BuildReason = 'veroeffentlichen' | 'gemeinsam';

export interface WaitingBuild {
  kennung: string;
  reason: BuildReason;
  urgent: boolean;
  /** Order of arrival, for first come first served among equals. */
  seq: number;
  requestedAt: number;
}

/** What the Redaktion shows per site. */
export type SiteBuildStatus =
  | { state: 'wartet'; position: number; reason: BuildReason; requestedAt: number }
  | { state: 'baut'; reason: BuildReason; startedAt: number; alsoWaiting: boolean }
  | { state: 'fertig'; reason: BuildReason; finishedAt: number; seconds: number }
  | { state: 'fehlgeschlagen'; reason: BuildReason; finishedAt: number; message: string }
  | { state: 'ruht' };

interface Running {
  reason: BuildReason;
  startedAt: number;
}

export type Finished = Extract<SiteBuildStatus, { state: 'fertig' | 'fehlgeschlagen' }>;

export class BuildQueueState {
  readonly concurrency: number;
  #waiting: WaitingBuild[] = [];
  #running = new Map<string, Running>();
  #last = new Map<string, Finished>();
  #seq = 0;

  constructor(concurrency = 1) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`concurrency must be a whole number ≥ 1, got ${concurrency}`);
    this.concurrency = concurrency;
  }

  /**
   * Asks for a build of one site. A site already waiting keeps its place (an urgent request moves it to the
   * urgent ones); a site that is building waits for its next turn, because its running build may have read
   * the content before the change.
   */
  request(kennung: string, reason: BuildReason, now: number): void {
    const urgent = reason === 'veroeffentlichen';
    const waiting = this.#waiting.find((job) => job.kennung === kennung);
    if (waiting) {
      if (urgent && !waiting.urgent) Object.assign(waiting, { urgent: true, reason });
      return;
    }
    this.#waiting.push({ kennung, reason, urgent, seq: this.#seq++, requestedAt: now });
  }

  /** The waiting builds in the order they will start. */
  order(): WaitingBuild[] {
    return [...this.#waiting].sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.seq - b.seq);
  }

  /**
   * Takes the next build that may start now, or undefined when the machine is full or nothing may start
   * (a site whose build is running waits, and the next site gets the free slot meanwhile).
   */
  start(now: number): WaitingBuild | undefined {
    if (this.#running.size >= this.concurrency) return undefined;
    const next = this.order().find((job) => !this.#running.has(job.kennung));
    if (!next) return undefined;
    this.#waiting = this.#waiting.filter((job) => job !== next);
    this.#running.set(next.kennung, { reason: next.reason, startedAt: now });
    return next;
  }

  /** Ends a running build; `error` is the German reason it failed. */
  finish(kennung: string, now: number, error?: string): void {
    const running = this.#running.get(kennung);
    if (!running) throw new Error(`no build of ${kennung} is running`);
    this.#running.delete(kennung);
    this.#last.set(
      kennung,
      error === undefined
        ? { state: 'fertig', reason: running.reason, finishedAt: now, seconds: (now - running.startedAt) / 1000 }
        : { state: 'fehlgeschlagen', reason: running.reason, finishedAt: now, message: error },
    );
  }

  /** The last finished build of a site, whatever waits now. */
  last(kennung: string): Finished | undefined {
    return this.#last.get(kennung);
  }

  get runningCount(): number {
    return this.#running.size;
  }

  get isIdle(): boolean {
    return this.#running.size === 0 && this.#waiting.length === 0;
  }

  /** One site's state: building, waiting (1 = next), else its last result. */
  status(kennung: string): SiteBuildStatus {
    const running = this.#running.get(kennung);
    const position = this.order().findIndex((job) => job.kennung === kennung);
    if (running) return { state: 'baut', ...running, alsoWaiting: position >= 0 };
    const waiting = this.order()[position];
    if (waiting) return { state: 'wartet', position: position + 1, reason: waiting.reason, requestedAt: waiting.requestedAt };
    return this.#last.get(kennung) ?? { state: 'ruht' };
  }
}

export const DEFAULT_BUILD_CONCURRENCY = 1;
export const MAX_BUILD_CONCURRENCY = 64;

/** BUILD_CONCURRENCY: how many builds may run at once on this machine (default 1); a German error otherwise. */
export function parseBuildConcurrency(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_BUILD_CONCURRENCY;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_BUILD_CONCURRENCY)
    throw new Error(format(de.sitesShared.concurrencyInvalid, { max: MAX_BUILD_CONCURRENCY, value }));
  return n;
}
