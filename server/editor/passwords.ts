/** Editor passwords: scrypt from node:crypto, stored as "scrypt$N$r$p$salt$hash". */
import { PASSWORD_MIN_LENGTH } from '@/lib/editor/account-rules';
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
/** From the browser-safe rules, so the Verwaltung's form states the same number. */
export const PASSWORD_MIN = PASSWORD_MIN_LENGTH;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

let checks = 0;
/** Password checks run by this process so far (the test hook reports it: a refused login runs none). */
export function passwordChecksSoFar(): number {
  return checks;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  checks++;
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Checked against when the name does not exist, so a wrong name takes as long as a wrong password. */
export const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** German reasons a new password is refused, or none. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < PASSWORD_MIN) return `Das Passwort muss mindestens ${PASSWORD_MIN} Zeichen lang sein.`;
  return undefined;
}

export const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{1,39}$/u;

/** "Anna  Beispiel", "anna.beispiel" and "ANNA BEISPIEL" are one name: for new accounts and for every login limit. */
export function accountNameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s.]+/g, '');
}
