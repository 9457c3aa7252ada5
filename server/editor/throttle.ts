/**
 * The login's limits. Attempts are counted when they arrive, per account name and per client
 * (keyed as the comment limiter keys them: a keyed hash of the address, IPv6 by /64, all of it
 * dropped when its window ends on the wall clock). Past the limit the answer is "later" without
 * any password check. Password checks for one name or one client run one after the other, and
 * only a few run at once on the whole server, so a flood of logins cannot starve reader pages.
 */
import { availableParallelism } from 'node:os';
import { RateLimiter } from '../../src/lib/comments/rate-limit';
import { accountNameKey } from './passwords';

/** Attempts per name and per client in one window; the next one is refused without a check. */
export const LOGIN_ATTEMPTS = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/**
 * Password checks (scrypt: 16 MiB and about 50 ms of one core each) running at once: half the
 * cores, at least one; under pressure each slot rests after a check as long as the check took. A
 * flood of logins thus takes at most a quarter of the machine from readers (the bench's login row).
 */
export const MAX_PASSWORD_CHECKS = Math.max(1, Math.floor(availableParallelism() / 2));
/** What a login refused because the server is busy is told to wait. */
export const BUSY_RETRY_SECONDS = 5;
/** A refusal for lack of a slot within this long means pressure: slots rest after their checks. */
const PRESSURE_MS = 5_000;
/** How long such a refusal is held before it is sent (bounds a flooding connection's rate). */
export const BUSY_HOLD_MS = 1000;

/** One account name for every limit, however it is written (the rule new accounts follow too). */
const nameKey = accountNameKey;

export type Arrival = { ok: true } | { ok: false; retryAfter: number; firstRefusal: boolean };

export class LoginThrottle {
  readonly #names = new RateLimiter(LOGIN_ATTEMPTS, LOGIN_WINDOW_MS);
  readonly #clients = new RateLimiter(LOGIN_ATTEMPTS, LOGIN_WINDOW_MS);
  /** Per key, the end of the queue of checks waiting for it. */
  readonly #queues = new Map<string, Promise<void>>();
  /** Keys already reported as locked out in their window (the log says it once). */
  #reported = new Map<string, number>();
  #checks = 0;
  #lastBusy = -Infinity;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts an attempt as it arrives; refuses it when the name or the client used up its window. */
  arrive(name: string, client: string): Arrival {
    const now = this.now();
    const waits = [this.#names.take(nameKey(name), now), this.#clients.take(client, now)];
    const retryAfter = Math.max(...waits);
    if (retryAfter === 0) return { ok: true };
    const window = Math.floor(now / LOGIN_WINDOW_MS);
    const key = waits[0]! > 0 ? `n:${this.#names.clientKey(nameKey(name), now)}` : `c:${this.#clients.clientKey(client, now)}`;
    if ([...this.#reported.values()].some((w) => w !== window)) this.#reported = new Map();
    const firstRefusal = !this.#reported.has(key);
    this.#reported.set(key, window);
    return { ok: false, retryAfter, firstRefusal };
  }

  /**
   * Runs `check` when no other check for this name or client runs (in arrival order), and only
   * when a slot of the server-wide cap is free; otherwise answers 'busy' at once.
   */
  async exclusive<T>(name: string, client: string, check: () => Promise<T>): Promise<T | 'busy'> {
    const now = this.now();
    const keys = [`n:${this.#names.clientKey(nameKey(name), now)}`, `c:${this.#clients.clientKey(client, now)}`];
    const releases: Array<() => void> = [];
    // Always the name first, then the client: no two requests can wait for each other.
    for (const key of keys) releases.push(await this.#lock(key));
    try {
      if (this.#checks >= MAX_PASSWORD_CHECKS) {
        this.#lastBusy = performance.now();
        return 'busy';
      }
      this.#checks++;
      const started = performance.now();
      try {
        return await check();
      } finally {
        // Under pressure (someone was refused lately) the slot rests as long as the check took:
        // password checks then use at most half of their cores. Otherwise it is free at once.
        const ended = performance.now();
        const rest = ended - this.#lastBusy < PRESSURE_MS ? Math.min(1000, ended - started) : 0;
        if (rest > 0) setTimeout(() => this.#checks--, rest).unref?.();
        else this.#checks--;
      }
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  async #lock(key: string): Promise<() => void> {
    const before = this.#queues.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => mine);
    this.#queues.set(key, tail);
    await before;
    return () => {
      release();
      if (this.#queues.get(key) === tail) this.#queues.delete(key);
    };
  }

  /** Everything this throttle holds in memory (for the test hook): keyed hashes only. */
  heldKeys(): string[] {
    return [...this.#names.heldKeys(), ...this.#clients.heldKeys(), ...this.#queues.keys(), ...this.#reported.keys()];
  }
}
