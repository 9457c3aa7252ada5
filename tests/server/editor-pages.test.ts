/**
 * A new editor page is one .astro file: a throwaway page (and endpoint) added to a copy of the site,
 * built for real, is served to a signed-in editor with the name from `Astro.locals.editor` and closed
 * without a session, also when its path is written with escapes. No server change, no whitelist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TEST_CONTENT, TEST_RUN } from '../helpers/paths';
import { holdBuildLock } from '../helpers/build';
import { cachedBuild } from '../helpers/build-cache';
import { startServer, type RunningServer } from '../helpers/server';
import { EDITOR, editorSetup, signIn } from '../helpers/editor';

const PAGE = `---
import { editorPaths } from '@/lib/editor/paths';
export const prerender = false;
const editor = Astro.locals.editor;
if (!editor) return Astro.redirect(editorPaths.login, 303);
---
<html lang="de"><head><title>Wegwerfseite</title></head><body><p>Wegwerfseite für {editor.name}</p></body></html>
`;

const ENDPOINT = `import type { APIRoute } from 'astro';
export const prerender = false;
export const ALL: APIRoute = ({ locals, request }) =>
  locals.editor ? Response.json({ name: locals.editor.name, method: request.method }) : Response.json({ error: { code: 'unauthorized' } }, { status: 401 });
`;

/**
 * A copy of the site (inside the project, so the build finds its packages) with the throwaway page and endpoint.
 * Always the same folder: its build is reused while the copy's files stay the same (tests/helpers/build-cache.ts).
 */
function siteCopyWithThrowawayPage(): string {
  const copy = join(TEST_RUN, 'editor-pages-site');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const entry of [
    'src',
    'public',
    'scripts',
    'server',
    'editor',
    'astro.config.mjs',
    'vite.config.ts',
    'tsconfig.json',
    'package.json',
  ]) {
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true, filter: (source) => !source.includes('node_modules') });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  writeFileSync(join(copy, 'src/pages/redaktion/wegwerf.astro'), PAGE);
  writeFileSync(join(copy, 'src/pages/api/redaktion/wegwerf.ts'), ENDPOINT);
  return copy;
}

let server: RunningServer;
let dist: string;
let releaseBuildLock: (() => void) | undefined;

beforeAll(async () => {
  releaseBuildLock = await holdBuildLock();
  const copy = siteCopyWithThrowawayPage();
  dist = join(copy, 'dist');
  const result = await cachedBuild(TEST_CONTENT, dist, {}, copy);
  releaseBuildLock();
  if (result.status !== 0) throw new Error(`fixture build failed:\n${result.output}`);
  server = await startServer(editorSetup().env, dist);
}, 900_000);
afterAll(async () => {
  releaseBuildLock?.();
  await server?.stop();
});

const get = (path: string, cookie = '') => fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });

describe('a new editor page is one .astro file', () => {
  it('is not in the reader build', () => {
    expect(existsSync(join(dist, 'client', 'redaktion'))).toBe(false);
  });

  it('is closed without a session, however its path is written', async () => {
    for (const path of [
      '/redaktion/wegwerf/',
      '/redaktion/wegwerf',
      '/%72edaktion/wegwerf/',
      '/redaktion/%77egwerf/',
      '/redaktion/./wegwerf/',
      '/beitraege/../redaktion/wegwerf/',
    ]) {
      const response = await get(path, 'redaktion_sitzung=ausgedacht');
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe('/redaktion/anmelden/');
      expect(await response.text(), path).not.toContain('Wegwerfseite');
    }
    for (const path of ['/api/redaktion/wegwerf', '/api/%72edaktion/wegwerf']) {
      const response = await get(path);
      expect(response.status, path).toBe(401);
      expect((await response.json()).error.message, path).toBe('Bitte melden Sie sich an.');
    }
  });

  it('is served to a signed-in editor with the name from Astro.locals, private and not indexed', async () => {
    const cookie = await signIn(server.url);
    for (const path of ['/redaktion/wegwerf/', '/%72edaktion/wegwerf/']) {
      const response = await get(path, cookie);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain(`Wegwerfseite für ${EDITOR.name}`);
      expect(response.headers.get('cache-control'), path).toBe('private, no-store');
      expect(response.headers.get('x-robots-tag'), path).toBe('noindex, nofollow');
    }
    expect(await (await get('/api/redaktion/wegwerf', cookie)).json()).toEqual({ name: EDITOR.name, method: 'GET' });
  });

  it('takes a write only from this site', async () => {
    const cookie = await signIn(server.url);
    const post = (origin: string) =>
      fetch(`${server.url}/api/redaktion/wegwerf`, { method: 'POST', headers: { Cookie: cookie, Origin: origin } });
    const foreign = await post('https://boese.example');
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('forbidden_origin');
    expect(await (await post(server.url)).json()).toEqual({ name: EDITOR.name, method: 'POST' });
  });

  it('a page the site does not have is the 404 page behind the session, and the login without', async () => {
    const cookie = await signIn(server.url);
    expect((await get('/redaktion/gibt-es-nicht/', cookie)).status).toBe(404);
    expect((await get('/redaktion/gibt-es-nicht/')).status).toBe(303);
  });
});
