import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from '../../server/client-address';

describe('the client address the rate limit counts', () => {
  const none = parseTrustedProxies('');
  const local = parseTrustedProxies('127.0.0.1, ::1');

  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', undefined, none)).toBe('203.0.113.9');
  });

  it('is the right-most untrusted X-Forwarded-For entry behind a trusted proxy', () => {
    // A client-supplied first entry is ignored: nginx appends the real address.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.7', local)).toBe('198.51.100.7');
    expect(clientAddress('::1', '2001:db8::5', local)).toBe('2001:db8::5');
  });

  it('skips further trusted proxies in the chain, with subnets', () => {
    const chain = parseTrustedProxies('127.0.0.1,10.0.0.0/8');
    expect(clientAddress('127.0.0.1', '198.51.100.7, 10.1.2.3', chain)).toBe('198.51.100.7');
  });

  it('falls back to the proxy when it sends no X-Forwarded-For', () => {
    expect(clientAddress('127.0.0.1', undefined, local)).toBe('127.0.0.1');
  });

  it('ignores entries that are not addresses', () => {
    expect(clientAddress('127.0.0.1', 'unknown, 198.51.100.7, <script>', local)).toBe('198.51.100.7');
  });

  it('refuses a malformed TRUSTED_PROXIES entry with a German message naming it', () => {
    expect(() => parseTrustedProxies('127.0.0.1, localhost')).toThrow(/„localhost“ ist keine IP-Adresse/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10.0.0.0\/33/);
  });
});
