import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from '../../server/editor/passwords';
import { EditorStore, SESSION_IDLE_MS } from '../../server/editor/store';
import { FREE_ATTEMPTS, LoginThrottle, MAX_DELAY_MS } from '../../server/editor/throttle';

describe('editor passwords', () => {
  it('are stored as a salted scrypt hash that verifies only the right password', async () => {
    const hash = await hashPassword('Korrekt-Pferd-Batterie');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain('Korrekt');
    expect(await verifyPassword('Korrekt-Pferd-Batterie', hash)).toBe(true);
    expect(await verifyPassword('korrekt-pferd-batterie', hash)).toBe(false);
    expect(await hashPassword('Korrekt-Pferd-Batterie')).not.toBe(hash);
  });

  it('the stand-in hash for unknown names never verifies', async () => {
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('irgendwas', DUMMY_HASH)).toBe(false);
  });

  it('refuses short passwords with a German reason', () => {
    expect(passwordProblem('kurz')).toMatch(/mindestens 10 Zeichen/);
    expect(passwordProblem('lang-genug-1')).toBeUndefined();
  });
});

describe('editor sessions', () => {
  it('end after 8 hours without a request, and stay alive while used', () => {
    const store = new EditorStore(':memory:');
    store.setAccount('Anna', 'scrypt$x', 0);
    const start = 1_000_000;
    const id = store.createSession('Anna', start);
    expect(store.touchSession(id, start + SESSION_IDLE_MS - 1000)).toBe('Anna');
    // Used just before the limit: the idle clock restarts.
    expect(store.touchSession(id, start + 2 * SESSION_IDLE_MS - 5000)).toBe('Anna');
    expect(store.touchSession(id, start + 3 * SESSION_IDLE_MS)).toBeUndefined();
    // Once expired it is gone for good.
    expect(store.touchSession(id, start + 3 * SESSION_IDLE_MS + 1)).toBeUndefined();
  });

  it('end at logout, when the account is deleted and when its password changes; only a hash of the id is stored', () => {
    const store = new EditorStore(':memory:');
    store.setAccount('Anna', 'scrypt$x');
    const a = store.createSession('Anna');
    const b = store.createSession('Anna');
    const stored = store.db.prepare('SELECT id_hash FROM sessions').all() as Array<{ id_hash: string }>;
    expect(stored.map((r) => r.id_hash)).not.toContain(a);
    store.endSession(a);
    expect(store.touchSession(a)).toBeUndefined();
    expect(store.touchSession(b)).toBe('Anna');
    store.setAccount('Anna', 'scrypt$y');
    expect(store.touchSession(b)).toBeUndefined();
    const c = store.createSession('Anna');
    store.deleteAccount('Anna');
    expect(store.touchSession(c)).toBeUndefined();
  });
});

describe('login throttling', () => {
  it('lets a few attempts through, then makes each further one wait longer, up to a minute', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    const keys = ['name:anna', 'client:203.0.113.9'];
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect(throttle.delayFor(keys)).toBe(0);
      throttle.failed(keys);
    }
    const delays = [];
    for (let i = 0; i < 10; i++) {
      delays.push(throttle.delayFor(keys));
      throttle.failed(keys);
    }
    expect(delays.slice(0, 4)).toEqual([1000, 2000, 4000, 8000]);
    expect(Math.max(...delays)).toBe(MAX_DELAY_MS);
    // Another client trying the same name waits too; a success clears both.
    expect(throttle.delayFor(['name:anna', 'client:198.51.100.1'])).toBe(MAX_DELAY_MS);
    throttle.succeeded(keys);
    expect(throttle.delayFor(keys)).toBe(0);
  });

  it('forgets failures after a quiet quarter of an hour', () => {
    let now = 0;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < 6; i++) throttle.failed(['name:anna']);
    expect(throttle.delayFor(['name:anna'])).toBeGreaterThan(0);
    now += 16 * 60_000;
    expect(throttle.delayFor(['name:anna'])).toBe(0);
  });
});
