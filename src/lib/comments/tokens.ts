import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A form token is the issue time plus its HMAC: it proves the form was fetched, and when. */
export function issueFormToken(secret: string, now = Date.now()): string {
  return `${now}.${sign(secret, String(now))}`;
}

export type FormTokenCheck = { ok: true } | { ok: false; code: 'invalid_form_token' | 'too_fast' };

const MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function checkFormToken(secret: string, token: unknown, minSeconds: number, now = Date.now()): FormTokenCheck {
  if (typeof token !== 'string') return { ok: false, code: 'invalid_form_token' };
  const [issued, mac] = token.split('.');
  if (!issued || !mac || !/^\d+$/.test(issued) || !safeEqual(mac, sign(secret, issued))) {
    return { ok: false, code: 'invalid_form_token' };
  }
  const age = now - Number(issued);
  if (age > MAX_AGE_MS || age < -60_000) return { ok: false, code: 'invalid_form_token' };
  if (age < minSeconds * 1000) return { ok: false, code: 'too_fast' };
  return { ok: true };
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
