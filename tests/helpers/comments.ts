import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EDITOR, createAccount, signIn } from './editor';

export const THREAD = 'whatsapp-im-unternehmen';

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'innungswissen-')), 'comments.db');
}

/** A data folder with one Redaktion account (EDITOR), for a server whose comments someone moderates. */
export function withModerator(): Record<string, string> {
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'innungswissen-data-')) };
  createAccount(env, EDITOR.name, EDITOR.password);
  return env;
}

export async function formToken(base: string): Promise<string> {
  const response = await fetch(`${base}/api/comments/form-token`);
  return ((await response.json()) as { token: string }).token;
}

export function postJson(base: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const sessions = new Map<string, Promise<string>>();

/** The moderation API as a signed-in editor of the server at `base` (withModerator), from its own origin. */
export async function admin(base: string, path: string, method = 'GET', cookie?: string) {
  if (cookie === undefined) {
    if (!sessions.has(base)) sessions.set(base, signIn(base));
    cookie = await sessions.get(base)!;
  }
  return fetch(`${base}/api/redaktion/kommentare${path}`, { method, headers: { Cookie: cookie, Origin: base } });
}
