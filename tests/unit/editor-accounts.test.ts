import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from '../../server/editor/passwords';
import { EditorStore, SESSION_IDLE_MS, SESSION_MAX_MS } from '../../server/editor/store';
import { LOGIN_ATTEMPTS, LOGIN_WINDOW_MS, LoginThrottle, MAX_PASSWORD_CHECKS } from '../../server/editor/throttle';

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

  it('end 7 days after login however busy the editor is; the cookie is refreshed while used, never past that end', () => {
    const store = new EditorStore(':memory:');
    store.setAccount('Anna', 'scrypt$x', 0);
    const start = 1_000_000;
    const id = store.createSession('Anna', start);
    expect(store.liveSession(id, start + 30_000)).toEqual({ name: 'Anna', refreshed: false, maxAgeMs: SESSION_IDLE_MS });
    let t = start;
    // Working every hour, day and night: the idle clock never runs out.
    while (t + 60 * 60_000 < start + SESSION_MAX_MS) {
      t += 60 * 60_000;
      const live = store.liveSession(id, t);
      expect(live?.refreshed).toBe(true);
      expect(live!.maxAgeMs).toBe(Math.min(SESSION_IDLE_MS, start + SESSION_MAX_MS - t));
    }
    expect(store.touchSession(id, start + SESSION_MAX_MS)).toBeUndefined();
    expect(store.touchSession(id, start + SESSION_MAX_MS - 1)).toBeUndefined();
    const other = store.createSession('Anna', start);
    store.purgeSessions(start + SESSION_MAX_MS);
    expect(store.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    expect(other).toBeTruthy();
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
  const T0 = Date.parse('2026-11-28T10:00:00Z');

  it('counts attempts as they arrive and refuses the ones past the limit with a wait, per name (however written) and per client', () => {
    const now = T0 + 1000;
    const throttle = new LoginThrottle(() => now);
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) expect(throttle.arrive('Anna Beispiel', `203.0.113.${i}`)).toEqual({ ok: true });
    const refused = throttle.arrive('anna.beispiel', '198.51.100.1');
    expect(refused).toEqual({ ok: false, retryAfter: LOGIN_WINDOW_MS / 1000 - 1, firstRefusal: true });
    expect(throttle.arrive('ANNA  BEISPIEL', '198.51.100.2')).toMatchObject({ ok: false, firstRefusal: false });
    // One client trying many names is limited too; IPv6 by /64.
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) expect(throttle.arrive(`Name ${i}`, `2001:db8:1:2::${i + 1}`).ok).toBe(true);
    expect(throttle.arrive('Noch Einer', '2001:db8:1:2:ffff::1').ok).toBe(false);
  });

  it('runs one check at a time per name, refuses past the server-wide cap without checking, and under pressure rests each slot as long as its check took', async () => {
    const throttle = new LoginThrottle();
    let running = 0;
    let most = 0;
    let ran = 0;
    const check = async () => {
      running++;
      ran++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return true;
    };
    // One name, five at once: one after the other, all checked (no pressure, no rest).
    expect(await Promise.all(Array.from({ length: 5 }, (_, i) => throttle.exclusive('Anna', `192.0.2.${i}`, check)))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(most).toBe(1);
    most = 0;
    ran = 0;
    const answers = await Promise.all(
      Array.from({ length: MAX_PASSWORD_CHECKS + 3 }, (_, i) => throttle.exclusive(`Name ${i}`, `192.0.2.${i}`, check)),
    );
    expect(most).toBe(MAX_PASSWORD_CHECKS);
    expect(answers.filter((a) => a === 'busy')).toHaveLength(3);
    // Someone was refused: right after the checks the slots rest; a moment later they take checks again.
    expect(await throttle.exclusive('Spät', '192.0.2.200', check)).toBe('busy');
    await new Promise((r) => setTimeout(r, 100));
    expect(await throttle.exclusive('Spät', '192.0.2.200', check)).toBe(true);
    expect(ran).toBe(MAX_PASSWORD_CHECKS + 1);
  });

  it('holds no IP address, only keyed hashes', async () => {
    const throttle = new LoginThrottle();
    const addresses = ['203.0.113.77', '2001:db8:abcd:12::5', '::ffff:198.51.100.23'];
    for (const address of addresses) throttle.arrive('Anna', address);
    let held: string[] = [];
    await throttle.exclusive('Anna', addresses[0]!, async () => {
      held = throttle.heldKeys();
    });
    expect(held.length).toBeGreaterThan(3);
    for (const key of held) for (const part of ['203.0.113', '2001:db8', '198.51.100', 'anna', 'Anna']) expect(key).not.toContain(part);
  });
});
