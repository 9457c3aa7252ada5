import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const THREAD = 'whatsapp-im-unternehmen';
export const ADMIN = 'test-admin-token-0123456789abcdef-long-enough';

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'innungswissen-')), 'comments.db');
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

export function admin(base: string, path: string, method = 'GET', token = ADMIN) {
  return fetch(`${base}/api/admin/comments${path}`, { method, headers: { Authorization: `Bearer ${token}` } });
}
