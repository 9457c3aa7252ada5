/**
 * Login throttling: after a few failed attempts for a name (or from a client) each further
 * attempt waits longer, up to a minute. In memory; forgotten after a quiet quarter hour.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_DELAY_MS = 60_000;
const FORGET_AFTER_MS = 15 * 60_000;

interface Entry {
  failures: number;
  last: number;
}

export class LoginThrottle {
  readonly #entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the next attempt for these keys must wait before it is checked. */
  delayFor(keys: string[]): number {
    const failures = Math.max(0, ...keys.map((key) => this.#current(key)?.failures ?? 0));
    if (failures < FREE_ATTEMPTS) return 0;
    return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS));
  }

  failed(keys: string[]): void {
    const now = this.now();
    for (const key of keys) {
      const entry = this.#current(key) ?? { failures: 0, last: now };
      this.#entries.set(key, { failures: entry.failures + 1, last: now });
    }
    if (this.#entries.size > 10_000) for (const key of [...this.#entries.keys()].slice(0, 5_000)) this.#entries.delete(key);
  }

  succeeded(keys: string[]): void {
    for (const key of keys) this.#entries.delete(key);
  }

  #current(key: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry && this.now() - entry.last > FORGET_AFTER_MS) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
