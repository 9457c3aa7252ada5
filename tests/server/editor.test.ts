import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, type RunningServer } from '../helpers/server';
import { EDITOR, editorSetup, publishStatus, signIn, waitForPublish, type EditorSetup } from '../helpers/editor';
import { blobSha } from '../../server/editor/keystatic-api';
import { holdBuildLock } from '../helpers/build';
import { getPriority } from 'node:os';
import { descendants } from '../../scripts/bench/measure';
import { BUILD_NICE } from '../../src/adapters/background-priority.mjs';

const NEW_POST = `---
title: Neuer Beitrag aus der Redaktion
description: Dieser Beitrag wurde im Browser geschrieben und mit einem Klick veröffentlicht, ohne Terminal.
pubDate: 2026-11-02
category: Betrieb
tags: [betrieb]
---

Ein Absatz.

<Hinweis titel="Gut zu wissen">Ein Hinweis aus dem Editor.</Hinweis>
`;

/** The pause between two rounds of reads during the publish test's builds. */
const READ_GAP_MS = 20;

// This file builds (through the editor's publisher): it takes its turn with the other files that build.
let releaseBuildLock: (() => void) | undefined;
beforeAll(async () => {
  releaseBuildLock = await holdBuildLock();
}, 900_000);
afterAll(() => releaseBuildLock?.());

describe('the editor without an account', () => {
  it('is off: /redaktion/ says how to create the first account, the APIs answer 401', async () => {
    const setup = editorSetup({ account: false });
    const server = await startServer(setup.env);
    try {
      const page = await fetch(`${server.url}/redaktion/`, { redirect: 'manual' });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('npm run redaktion -- konto anlegen');
      expect(server.output()).toContain('npm run redaktion -- konto anlegen');
      const api = await fetch(`${server.url}/api/keystatic/tree`, { headers: { 'no-cors': '1' } });
      expect(api.status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});

describe('the editor behind its login', () => {
  let setup: EditorSetup;
  let server: RunningServer;
  beforeAll(async () => {
    setup = editorSetup();
    server = await startServer(setup.env);
  });
  afterAll(() => server?.stop());

  it('closes every editor route without a session and Keystatic writes nothing', async () => {
    for (const path of ['/redaktion/', '/redaktion/vorschau/', '/keystatic', '/keystatic/collection/posts']) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location'), path).toBe('/redaktion/anmelden/');
    }
    for (const [method, path] of [
      ['GET', '/api/keystatic/tree'],
      ['POST', '/api/keystatic/update'],
      ['GET', '/api/redaktion/status'],
      ['POST', '/api/redaktion/veroeffentlichen'],
      ['POST', '/api/redaktion/vorschau'],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'no-cors': '1', 'Content-Type': 'application/json', Origin: server.url },
        body:
          method === 'POST'
            ? JSON.stringify({ additions: [{ path: 'posts/x.mdx', contents: 'aGFsbG8' }], deletions: [{ path: 'messengers/wire.yaml' }] })
            : undefined,
      });
      expect(response.status, path).toBe(401);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/melden Sie sich an/);
    }
    expect(existsSync(join(setup.contentDir, 'posts', 'x.mdx'))).toBe(false);
    expect(existsSync(join(setup.contentDir, 'messengers', 'wire.yaml'))).toBe(true);
  });

  it('a wrong password and an unknown name get the same German answer', async () => {
    const answers = [];
    for (const [name, passwort] of [
      [EDITOR.name, 'falsches-passwort'],
      ['Niemand Bekannt', 'falsches-passwort'],
    ]) {
      const response = await fetch(`${server.url}/redaktion/anmelden/`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
        body: new URLSearchParams({ name: name!, passwort: passwort! }),
      });
      expect(response.headers.get('set-cookie')).toBeNull();
      const html = await response.text();
      answers.push({ status: response.status, message: /data-login-error>([^<]*)</.exec(html)?.[1] });
    }
    expect(answers[0]).toEqual({ status: 401, message: 'Name oder Passwort ist falsch. Bitte versuchen Sie es noch einmal.' });
    expect(answers[1]).toEqual(answers[0]);
  });

  it('a login from another site is refused', async () => {
    const response = await fetch(`${server.url}/redaktion/anmelden/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://boese.example' },
      body: new URLSearchParams({ name: EDITOR.name, passwort: EDITOR.password }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie scoped to the editor paths; reader pages set none', async () => {
    const response = await fetch(`${server.url}/redaktion/anmelden/`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: new URLSearchParams({ name: EDITOR.name, passwort: EDITOR.password }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/redaktion/');
    const cookies = response.headers.getSetCookie();
    expect(cookies.map((c) => /Path=([^;]+)/.exec(c)?.[1]).sort()).toEqual([
      '/api/keystatic',
      '/api/redaktion',
      '/keystatic',
      '/redaktion',
    ]);
    for (const cookie of cookies) expect(cookie).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    const cookie = cookies[0]!.split(';')[0]!;
    const dashboard = await fetch(`${server.url}/redaktion/`, { headers: { Cookie: cookie } });
    expect(dashboard.status).toBe(200);
    expect(dashboard.headers.get('cache-control')).toBe('private, no-store');
    expect(dashboard.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(await dashboard.text()).toContain(EDITOR.name);
    for (const path of [
      '/',
      '/beitraege/whatsapp-im-unternehmen/',
      '/messenger-vergleich/',
      '/api/comments?thread=whatsapp-im-unternehmen',
    ]) {
      const reader = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });
      expect(reader.headers.get('set-cookie'), path).toBeNull();
    }
  });

  it('serves the editor with its own CSP that allows no other host', async () => {
    const cookie = await signIn(server.url);
    const page = await fetch(`${server.url}/keystatic/collection/posts`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(await page.text()).not.toContain('fonts.googleapis.com');
  });

  it('Keystatic saves for a signed-in editor, but refuses to overwrite a file someone changed since', async () => {
    const cookie = await signIn(server.url);
    const headers = { Cookie: cookie, 'no-cors': '1', 'Content-Type': 'application/json', Origin: server.url };
    const tree = (await (await fetch(`${server.url}/api/keystatic/tree`, { headers })).json()) as Array<{ path: string; sha: string }>;
    const file = join(setup.contentDir, 'messengers', 'wire.yaml');
    expect(tree.find((e) => e.path === 'messengers/wire.yaml')?.sha).toBe(blobSha(readFileSync(file)));
    const update = (contents: string) =>
      fetch(`${server.url}/api/keystatic/update`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          additions: [{ path: 'messengers/wire.yaml', contents: Buffer.from(contents).toString('base64url') }],
          deletions: [],
        }),
      });
    const original = readFileSync(file, 'utf8');
    expect((await update(`${original}# geändert im Editor\n`)).status).toBe(200);
    expect(readFileSync(file, 'utf8')).toContain('# geändert im Editor');
    // Another editor (or git) changes the file; this editor's next save would silently undo that.
    writeFileSync(file, `${original}# geändert von jemand anderem\n`);
    const conflict = await update(`${original}# zweite Änderung\n`);
    expect(conflict.status).toBe(409);
    expect(((await conflict.json()) as { error: { message: string } }).error.message).toMatch(/inzwischen von jemand anderem geändert/);
    expect(readFileSync(file, 'utf8')).toContain('# geändert von jemand anderem');
    writeFileSync(file, original);
  });

  it('a publish from another site is refused', async () => {
    const cookie = await signIn(server.url);
    const response = await fetch(`${server.url}/api/redaktion/veroeffentlichen`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://boese.example' },
    });
    expect(response.status).toBe(403);
  });

  it('publishes: 202 with an id, a second request during the build is queued once, no reader request fails during the switch', async () => {
    const cookie = await signIn(server.url);
    writeFileSync(join(setup.contentDir, 'posts', 'neuer-beitrag.mdx'), NEW_POST);
    expect((await fetch(`${server.url}/beitraege/neuer-beitrag/`)).status).toBe(404);
    const since = Date.now();
    const publish = () =>
      fetch(`${server.url}/api/redaktion/veroeffentlichen`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url } });
    const first = await publish();
    expect(first.status).toBe(202);
    expect(typeof ((await first.json()) as { id: number }).id).toBe('number');
    expect((await publishStatus(server.url, cookie)).building).toBe(true);
    // The build readers must not feel: niced, and (started in a session of its own, so in a scheduling group
    // of its own on Linux) its group niced too; a nice on its threads alone left readers 0.34× (issue 27).
    const buildPid = await (async () => {
      for (let tries = 0; tries < 200; tries++) {
        const found = descendants(server.process.pid!).find((pid) => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('scripts/build.mjs');
          } catch {
            return false;
          }
        });
        if (found) return found;
        await sleep(50);
      }
      throw new Error('kein Build-Prozess des Servers gefunden');
    })();
    expect(getPriority(buildPid)).toBe(BUILD_NICE);
    if (existsSync('/proc/self/autogroup'))
      expect(readFileSync(`/proc/${buildPid}/autogroup`, 'utf8')).toMatch(new RegExp(` nice ${BUILD_NICE}$`, 'm'));
    expect((await publish()).status).toBe(202);
    const during = await publishStatus(server.url, cookie);
    expect(during).toMatchObject({ building: true, queued: true });

    // Readers keep reading while the builds run and the site switches: a round of reads every READ_GAP_MS.
    // Not back to back: a loop without a pause kept the server and this worker busy on a whole core, so the
    // (niced) builds it waits for took 132 s instead of about 50 s. A switch that fails readers does so
    // while the new build's code loads (hundreds of milliseconds), far longer than the gap.
    const failures: string[] = [];
    let reads = 0;
    let done = false;
    const reader = (async () => {
      while (!done) {
        for (const path of ['/', '/beitraege/whatsapp-im-unternehmen/', '/api/comments/counts?threads=whatsapp-im-unternehmen']) {
          const response = await fetch(`${server.url}${path}`, { headers: { 'Accept-Encoding': 'gzip' } });
          await response.arrayBuffer();
          reads++;
          if (response.status !== 200) failures.push(`${path} ${response.status}`);
        }
        await sleep(READ_GAP_MS);
      }
    })();
    const status = await waitForPublish(server.url, cookie, since);
    done = true;
    await reader;
    expect(status.last).toMatchObject({ ok: true });
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(10);
    const article = await fetch(`${server.url}/beitraege/neuer-beitrag/`);
    expect(article.status).toBe(200);
    expect(await article.text()).toContain('Ein Hinweis aus dem Editor.');
    // The new build's comment API knows the new article.
    expect((await fetch(`${server.url}/api/comments?thread=neuer-beitrag`)).status).toBe(200);
    const history = (await (await fetch(`${server.url}/api/redaktion/verlauf`, { headers: { Cookie: cookie } })).json()) as {
      publishes: Array<{ who: string; ok: boolean }>;
    };
    expect(history.publishes.slice(0, 2)).toEqual([
      expect.objectContaining({ who: EDITOR.name, ok: true }),
      expect.objectContaining({ who: EDITOR.name, ok: true }),
    ]);
  }, 600_000);

  it('a build that fails keeps the live site and says in German which file, line and field', async () => {
    const cookie = await signIn(server.url);
    writeFileSync(
      join(setup.contentDir, 'posts', 'kaputt.mdx'),
      NEW_POST.replace('pubDate: 2026-11-02', 'pubDate: 2.11.2026').replace('Neuer Beitrag aus der Redaktion', 'Kaputter Beitrag'),
    );
    const since = Date.now();
    expect(
      (await fetch(`${server.url}/api/redaktion/veroeffentlichen`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url } }))
        .status,
    ).toBe(202);
    const status = await waitForPublish(server.url, cookie, since);
    expect(status.last?.ok).toBe(false);
    expect(status.last?.error).toMatch(/kaputt\.mdx:\d+ – pubDate – erwartet ein Datum im Format JJJJ-MM-TT/);
    expect((await fetch(`${server.url}/beitraege/neuer-beitrag/`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  }, 600_000);
});

describe('a server stopped during a publish', () => {
  it('repeats the publish at its next start', async () => {
    const setup = editorSetup();
    const first = await startServer(setup.env);
    const cookie = await signIn(first.url);
    writeFileSync(join(setup.contentDir, 'posts', 'neuer-beitrag.mdx'), NEW_POST);
    expect(
      (await fetch(`${first.url}/api/redaktion/veroeffentlichen`, { method: 'POST', headers: { Cookie: cookie, Origin: first.url } }))
        .status,
    ).toBe(202);
    expect((await publishStatus(first.url, cookie)).building).toBe(true);
    await first.stop('SIGTERM');
    expect(first.process.exitCode).toBe(0);

    const since = Date.now();
    const second = await startServer(setup.env);
    try {
      expect(second.output()).toMatch(/unterbrochene Veröffentlichung/);
      const status = await waitForPublish(second.url, cookie, since);
      expect(status.last?.ok).toBe(true);
      expect((await fetch(`${second.url}/beitraege/neuer-beitrag/`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  }, 600_000);
});
