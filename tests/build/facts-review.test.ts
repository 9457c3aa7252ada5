import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_CLIENT, TEST_DIST } from '../helpers/paths';

describe('Fakten prüfen: an editor page, never a public file', () => {
  it('/redaktion/fakten/ and its form action are not in the static files readers get', () => {
    expect(existsSync(join(TEST_CLIENT, 'redaktion/fakten'))).toBe(false);
    expect(existsSync(join(TEST_CLIENT, 'api/redaktion'))).toBe(false);
    const sitemap = readdirSync(TEST_CLIENT)
      .filter((n) => n.startsWith('sitemap'))
      .map((n) => readFileSync(join(TEST_CLIENT, n), 'utf8'))
      .join('');
    expect(sitemap).not.toContain('/redaktion/');
  });

  it('both are on-demand routes of the server build (rendered per request for a signed-in editor)', () => {
    const manifest = readdirSync(join(TEST_DIST, 'server'))
      .filter((n) => n.startsWith('manifest') && n.endsWith('.mjs'))
      .map((n) => readFileSync(join(TEST_DIST, 'server', n), 'utf8'))
      .join('');
    expect(manifest).toContain('/redaktion/fakten');
    expect(manifest).toContain('/api/redaktion/fakten');
  });
});
