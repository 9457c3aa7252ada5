import { describe, expect, it } from 'vitest';
import { validateNewComment } from '@/lib/comments/validate';
import { RATE_LIMIT_WINDOW_MS, RateLimiter } from '@/lib/comments/rate-limit';
import { checkFormToken, issueFormToken } from '@/lib/comments/tokens';
import { hasRetiredAdminToken, readSettings } from '@/lib/comments/settings';

const base = { thread: 'whatsapp-im-unternehmen', text: 'Guter Beitrag.', consent: true, website: '', formToken: 'x' };

describe('comment validation', () => {
  it('accepts a minimal comment and names the author "Gast"', () => {
    const result = validateNewComment(base);
    expect(result).toMatchObject({ ok: true, value: { author: 'Gast', parentId: null, text: 'Guter Beitrag.' } });
  });

  it('accepts form values (strings) like JSON values', () => {
    expect(validateNewComment({ ...base, consent: 'true', parentId: '4' })).toMatchObject({ ok: true, value: { parentId: 4 } });
  });

  it.each([
    [{ text: '   ' }, 400, 'text_required'],
    [{ text: 'x'.repeat(5001) }, 400, 'text_too_long'],
    [{ author: 'A'.repeat(81) }, 400, 'author_too_long'],
    [{ text: 'https://a.example https://b.example https://c.example https://d.example' }, 400, 'too_many_links'],
    [{ consent: false }, 422, 'consent_required'],
    [{ website: 'http://spam.example' }, 400, 'honeypot'],
    [{ thread: '../etc' }, 400, 'invalid'],
    [{ parentId: -1 }, 400, 'invalid'],
  ])('refuses %o with %i %s', (change, status, code) => {
    expect(validateNewComment({ ...base, ...change })).toMatchObject({ ok: false, status, code });
  });

  it('accepts exactly 5,000 characters, 80 characters of name and 3 links', () => {
    expect(validateNewComment({ ...base, text: 'x'.repeat(5000), author: 'A'.repeat(80) }).ok).toBe(true);
    expect(validateNewComment({ ...base, text: 'https://a.example https://b.example https://c.example' }).ok).toBe(true);
  });
});

describe('form token', () => {
  it('is refused when posted sooner than the minimum time, accepted afterwards', () => {
    const token = issueFormToken('secret', 1_000_000);
    expect(checkFormToken('secret', token, 3, 1_002_000)).toEqual({ ok: false, code: 'too_fast' });
    expect(checkFormToken('secret', token, 3, 1_003_000)).toMatchObject({ ok: true, expiresAt: 1_000_000 + 2 * 3600_000 });
  });

  it('is refused when missing, forged or older than two hours', () => {
    const token = issueFormToken('secret', 1_000_000);
    expect(checkFormToken('secret', undefined, 3, 1_010_000)).toEqual({ ok: false, code: 'invalid_form_token' });
    expect(checkFormToken('other-secret', token, 3, 1_010_000)).toEqual({ ok: false, code: 'invalid_form_token' });
    expect(checkFormToken('secret', token.replace(/^\d+/, '999999'), 0, 1_010_000)).toEqual({ ok: false, code: 'invalid_form_token' });
    expect(checkFormToken('secret', token, 3, 1_000_000 + 2 * 3600_000)).toMatchObject({ ok: true });
    expect(checkFormToken('secret', token, 3, 1_000_000 + 2 * 3600_000 + 1)).toEqual({ ok: false, code: 'invalid_form_token' });
  });
});

describe('rate limit', () => {
  it('allows 5 writes per client in a 10-minute window and says how long to wait', () => {
    const limiter = new RateLimiter(5);
    for (let i = 0; i < 5; i++) expect(limiter.take('203.0.113.7', 1000 + i)).toBe(0);
    expect(limiter.take('203.0.113.7', 60_000)).toBe(540);
    expect(limiter.take('198.51.100.1', 60_000)).toBe(0);
    expect(limiter.take('203.0.113.7', RATE_LIMIT_WINDOW_MS)).toBe(0);
  });

  it('keeps a keyed hash, never the address', () => {
    const limiter = new RateLimiter(5);
    expect(limiter.clientKey('203.0.113.7')).not.toContain('203');
    expect(new RateLimiter(5).clientKey('203.0.113.7')).not.toBe(limiter.clientKey('203.0.113.7'));
  });

  it('is off with a limit of 0', () => {
    const limiter = new RateLimiter(0);
    for (let i = 0; i < 100; i++) expect(limiter.take('203.0.113.7')).toBe(0);
  });
});

describe('settings', () => {
  it('has the documented defaults', () => {
    expect(readSettings({}, 30)).toEqual({
      dbPath: './data/comments.db',
      moderation: 'pre',
      allowedOrigins: [],
      rateLimit: 5,
      minSubmitSeconds: 3,
      purgeRejectedAfterDays: 30,
      purgePendingAfterDays: 90,
    });
  });

  it('explains a wrong value in German', () => {
    expect(() => readSettings({ COMMENTS_MODERATION: 'sofort' }, 30)).toThrow('COMMENTS_MODERATION muss „pre“ oder „post“ sein');
    expect(() => readSettings({ COMMENTS_RATE_LIMIT: 'viele' }, 30)).toThrow('COMMENTS_RATE_LIMIT muss eine Zahl');
  });

  it('ignores the retired moderation key (moderation uses the Redaktion accounts), and notices it for the start hint', () => {
    expect(() => readSettings({ COMMENTS_ADMIN_TOKEN: 'geheim' }, 30)).not.toThrow();
    expect(readSettings({ COMMENTS_ADMIN_TOKEN: 'x'.repeat(32) }, 30)).not.toHaveProperty('adminToken');
    expect(hasRetiredAdminToken({ COMMENTS_ADMIN_TOKEN: 'geheim' })).toBe(true);
    expect(hasRetiredAdminToken({})).toBe(false);
  });
});
