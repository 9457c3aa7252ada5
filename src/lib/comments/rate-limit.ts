import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/** Length of one rate-limit window. Nothing the limiter keeps outlives the window it was made in. */
export const RATE_LIMIT_WINDOW_MS = 10 * 60 * 1000;

/** Above this many clients in one window, new clients are refused with the normal 429 (memory stays bounded). */
export const RATE_LIMIT_MAX_CLIENTS = 100_000;

/**
 * The part of an address that identifies one client: IPv4 as is (also when written IPv4-mapped,
 * `::ffff:192.0.2.1`), IPv6 by its /64 prefix, since one household or server gets a whole /64.
 */
export function clientGroup(address: string): string {
  const ip = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip; // unknown form: its own group
  return `${expandIPv6(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex without leading zeros. */
function expandIPv6(ip: string): string[] {
  let text = ip.toLowerCase();
  // An embedded IPv4 tail (e.g. 64:ff9b::192.0.2.1) is two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((g) => parseInt(g, 16).toString(16));
}

/**
 * Writes per client per fixed 10-minute window, in memory only.
 *
 * Clients are told apart by an HMAC-SHA256 of their address group under a random key. At every
 * window change the key is replaced and all entries are dropped, so no entry and no key lives
 * longer than one window, and a hash from an earlier window cannot be linked to a later one.
 * Each request costs one HMAC and one map lookup. A timer (unref'd, so it never keeps a process
 * alive) drops the window's entries and key when the window ends on the wall clock, also when no
 * request comes: "no entry lives longer than one window" holds in real time. At most `maxClients`
 * entries exist: when the map is full, further new clients get the normal 429 until the window ends.
 */
export class RateLimiter {
  private counts = new Map<string, number>();
  private key: Buffer = randomBytes(32);
  private window = -1;
  /** True once the cap refused someone in this window (logged once per window). */
  private capped = false;

  constructor(
    private readonly limit: number,
    private readonly windowMs = RATE_LIMIT_WINDOW_MS,
    private readonly maxClients = RATE_LIMIT_MAX_CLIENTS,
    private readonly onCap: () => void = () =>
      console.warn(`Kommentare: Mehr als ${maxClients} Absender in diesem Zeitfenster – neue Absender bekommen bis zum Fensterende 429.`),
  ) {}

  private sweep: ReturnType<typeof setTimeout> | undefined;

  /** Starts a new window when `now` has left the current one: new key, empty map. */
  private roll(now: number): void {
    const window = Math.floor(now / this.windowMs);
    if (window === this.window) return;
    this.window = window;
    this.counts = new Map();
    this.key = randomBytes(32);
    this.capped = false;
    this.scheduleSweep(now);
  }

  /**
   * When the limiter runs on the wall clock, a timer ends the window at its end. A caller that
   * drives it with its own times (tests) is left alone: the timer would mix two clocks.
   */
  private scheduleSweep(now: number): void {
    if (this.sweep) clearTimeout(this.sweep);
    this.sweep = undefined;
    const wall = Date.now();
    if (Math.abs(now - wall) > this.windowMs) return;
    const end = (this.window + 1) * this.windowMs;
    this.sweep = setTimeout(
      () => {
        this.sweep = undefined;
        if (Date.now() >= end) this.roll(Date.now());
        else this.scheduleSweep(Date.now());
      },
      Math.max(1, end - wall + 1),
    );
    this.sweep.unref?.();
  }

  /** The keyed hash a client is counted under in the current window (never the address itself). */
  clientKey(address: string, now = Date.now()): string {
    this.roll(now);
    return createHmac('sha256', this.key).update(clientGroup(address)).digest('base64url').slice(0, 22);
  }

  /** Records a write; returns seconds to wait when over the limit, otherwise 0. */
  take(address: string, now = Date.now()): number {
    if (this.limit <= 0) return 0;
    const key = this.clientKey(address, now);
    const wait = Math.max(1, Math.ceil(((this.window + 1) * this.windowMs - now) / 1000));
    const used = this.counts.get(key);
    if (used === undefined) {
      if (this.counts.size >= this.maxClients) {
        if (!this.capped) {
          this.capped = true;
          this.onCap();
        }
        return wait;
      }
      this.counts.set(key, 1);
      return 0;
    }
    if (used >= this.limit) return wait;
    this.counts.set(key, used + 1);
    return 0;
  }

  /** Seconds a client must wait because it used up its budget (without counting this call), otherwise 0. */
  exhausted(address: string, now = Date.now()): number {
    if (this.limit <= 0) return 0;
    const used = this.counts.get(this.clientKey(address, now)) ?? 0;
    return used >= this.limit ? Math.max(1, Math.ceil(((this.window + 1) * this.windowMs - now) / 1000)) : 0;
  }

  /** The keys held in memory (for tests: never an address). */
  heldKeys(): string[] {
    return [...this.counts.keys()];
  }

  /** Clients counted in the current window (for tests and the benchmark). */
  size(now = Date.now()): number {
    this.roll(now);
    return this.counts.size;
  }
}
