import { createHmac, randomBytes } from 'node:crypto';

/** Length of a rate-limit window; the Datenschutzerklärung states it. */
export const RATE_LIMIT_WINDOW_MS = 10 * 60 * 1000;

/**
 * Writes per client per window, in memory only. Clients are told apart by a keyed hash of the
 * IP address; the key is random per process, so the hash means nothing on disk or elsewhere,
 * and the IP itself is never kept.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly key = randomBytes(32);

  constructor(
    private readonly limit: number,
    private readonly windowMs = RATE_LIMIT_WINDOW_MS,
  ) {}

  clientKey(ip: string): string {
    return createHmac('sha256', this.key).update(ip).digest('base64url').slice(0, 22);
  }

  /** Records a write; returns seconds to wait when over the limit, otherwise 0. */
  take(ip: string, now = Date.now()): number {
    if (this.limit <= 0) return 0;
    const key = this.clientKey(ip);
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
  }
}
