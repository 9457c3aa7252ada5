import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { FORM_TOKEN_MAX_AGE_MS } from './rules';

/**
 * A form token is the issue time, a random nonce and their HMAC: it proves the form was fetched,
 * and when. The API remembers a used nonce until the token expires, so each token posts once.
 */
export function issueFormToken(secret: string, now = Date.now()): string {
  const payload = `${now}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type FormTokenCheck = { ok: true; nonce: string; expiresAt: number } | { ok: false; code: 'invalid_form_token' | 'too_fast' };

export function checkFormToken(secret: string, token: unknown, minSeconds: number, now = Date.now()): FormTokenCheck {
  if (typeof token !== 'string') return { ok: false, code: 'invalid_form_token' };
  const [issued, nonce, mac, rest] = token.split('.');
  if (
    !issued ||
    !nonce ||
    !mac ||
    rest !== undefined ||
    !/^\d{1,15}$/.test(issued) ||
    !safeEqual(mac, sign(secret, `${issued}.${nonce}`))
  ) {
    return { ok: false, code: 'invalid_form_token' };
  }
  const age = now - Number(issued);
  if (age > FORM_TOKEN_MAX_AGE_MS || age < -60_000) return { ok: false, code: 'invalid_form_token' };
  if (age < minSeconds * 1000) return { ok: false, code: 'too_fast' };
  return { ok: true, nonce, expiresAt: Number(issued) + FORM_TOKEN_MAX_AGE_MS };
}

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Edit tokens are shown once to the author; only their hash is stored. */
export function newEditToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Text fingerprint for duplicate detection: case and whitespace do not make a comment new. */
export function textHash(text: string): string {
  return createHash('sha256').update(text.toLowerCase().replace(/\s+/g, ' ').trim()).digest('base64url');
}
