import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_WINDOW_MS, RateLimiter, clientGroup } from '@/lib/comments/rate-limit';

const T0 = Date.parse('2026-11-28T10:00:00Z'); // a window boundary (10:00 is a multiple of 10 minutes)

describe('rate limiter: fixed windows, forgotten clients', () => {
  it('forgets a client once its window has passed: no entry, and a new key', () => {
    const limiter = new RateLimiter(2);
    expect(limiter.take('203.0.113.7', T0 + 1000)).toBe(0);
    expect(limiter.take('203.0.113.7', T0 + 2000)).toBe(0);
    expect(limiter.take('203.0.113.7', T0 + 3000)).toBeGreaterThan(0);
    const keyBefore = limiter.clientKey('203.0.113.7', T0 + 4000);
    expect(limiter.size(T0 + 4000)).toBe(1);
    // One millisecond into the next window: everything from the last one is gone.
    expect(limiter.size(T0 + RATE_LIMIT_WINDOW_MS)).toBe(0);
    expect(limiter.clientKey('203.0.113.7', T0 + RATE_LIMIT_WINDOW_MS + 1)).not.toBe(keyBefore);
    expect(limiter.take('203.0.113.7', T0 + RATE_LIMIT_WINDOW_MS + 1)).toBe(0);
  });

  it("drops a window's entries when the window ends on the wall clock, with no further request", async () => {
    const limiter = new RateLimiter(2, 300);
    limiter.take('203.0.113.7');
    limiter.take('2001:db8::1');
    expect(limiter.heldKeys()).toHaveLength(2);
    for (const key of limiter.heldKeys()) expect(key).not.toMatch(/203\.0|2001/);
    await new Promise((r) => setTimeout(r, 650));
    // Read through heldKeys, which does not roll the window itself: the timer did.
    expect(limiter.heldKeys()).toEqual([]);
  });

  it('tells a limited client to wait until the window ends', () => {
    const limiter = new RateLimiter(1);
    limiter.take('203.0.113.7', T0);
    expect(limiter.take('203.0.113.7', T0 + 9 * 60 * 1000)).toBe(60);
    expect(limiter.take('203.0.113.7', T0 + RATE_LIMIT_WINDOW_MS - 1)).toBe(1);
  });

  it('holds at most maxClients entries and refuses further new clients with a wait, saying so once', () => {
    const warnings: string[] = [];
    const limiter = new RateLimiter(5, RATE_LIMIT_WINDOW_MS, 3, () => warnings.push('cap'));
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) expect(limiter.take(ip, T0)).toBe(0);
    expect(limiter.take('192.0.2.4', T0 + 1000)).toBe(599);
    expect(limiter.take('192.0.2.5', T0 + 1000)).toBe(599);
    expect(limiter.take('192.0.2.1', T0 + 1000)).toBe(0); // known clients keep their budget
    expect(limiter.size(T0 + 1000)).toBe(3);
    expect(warnings).toEqual(['cap']);
    expect(limiter.take('192.0.2.4', T0 + RATE_LIMIT_WINDOW_MS)).toBe(0);
  });

  it('counts all addresses of one IPv6 /64 as one client', () => {
    const limiter = new RateLimiter(2);
    expect(limiter.take('2001:db8:1:2::1', T0)).toBe(0);
    expect(limiter.take('2001:db8:1:2:aaaa:bbbb:cccc:dddd', T0)).toBe(0);
    expect(limiter.take('2001:0db8:0001:0002:ffff::9', T0)).toBeGreaterThan(0);
    expect(limiter.take('2001:db8:1:3::1', T0)).toBe(0);
  });
});

describe('clientGroup', () => {
  it('keeps IPv4, unwraps IPv4-mapped IPv6 and cuts IPv6 to /64', () => {
    expect(clientGroup('203.0.113.7')).toBe('203.0.113.7');
    expect(clientGroup('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientGroup('2001:DB8:0:0:1::1')).toBe('2001:db8:0:0::/64');
    expect(clientGroup('[2001:db8:a:b:c:d:e:f]')).toBe('2001:db8:a:b::/64');
    expect(clientGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientGroup('::1')).toBe('0:0:0:0::/64');
  });
});
