/**
 * Defence in depth for publishing, with real builds: the build gets no secret from the
 * server's environment, git runs no hook the content repository holds, and the server loads only
 * server code the build it started sealed (scripts/build-manifest.mjs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startServer, type RunningServer } from '../helpers/server';
import { editorSetup, signIn, waitForPublish, type EditorSetup } from '../helpers/editor';
import { holdBuildLock } from '../helpers/build';

const TOKEN = 'moderations-schluessel-der-nie-in-einen-build-darf-0123456789';
let setup: EditorSetup;
let server: RunningServer;
let cookie: string;
let work: string;
let releaseBuildLock: (() => void) | undefined;

/**
 * Stands in for code a post managed to run during a build: loaded into every node process through
 * NODE_OPTIONS, in scripts/build.mjs it records the environment and, when asked, appends to the
 * new build's server/entry.mjs as the build process ends — after the build hashed it.
 */
const PAYLOAD = `
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const work = process.env.GUARD_TEST_WORK ?? new URL('.', import.meta.url).pathname;
if (process.argv[1]?.endsWith('scripts/build.mjs')) {
  writeFileSync(join(work, 'build-env.json'), JSON.stringify(process.env));
  const outDir = process.argv[process.argv.indexOf('--outDir') + 1];
  process.on('exit', () => {
    if (existsSync(join(work, 'tamper'))) appendFileSync(join(outDir, 'server', 'entry.mjs'), '\\nglobalThis.__tampered = true;\\n');
  });
}
`;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd, encoding: 'utf8' });
}

async function publish(): Promise<{ ok: boolean; error?: string }> {
  const since = Date.now();
  // As the dashboard does: publish exactly the list of what goes live that it showed (its token).
  const list = (await (await fetch(`${server.url}/api/redaktion/was-geht-online`, { headers: { Cookie: cookie } })).json()) as {
    whatGoesLive: { token: string };
  };
  const response = await fetch(`${server.url}/api/redaktion/veroeffentlichen`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: list.whatGoesLive.token }),
  });
  expect(response.status).toBe(202);
  const status = await waitForPublish(server.url, cookie, since);
  return { ok: status.last!.ok, error: status.last!.error };
}

beforeAll(async () => {
  releaseBuildLock = await holdBuildLock();
  setup = editorSetup();
  work = dirname(setup.contentDir);
  writeFileSync(join(work, 'payload.mjs'), PAYLOAD);
  // The content folder is its own repository, with a hook planted as a post once did.
  git(setup.contentDir, 'init', '-q');
  git(setup.contentDir, 'add', '-A');
  git(setup.contentDir, 'commit', '-q', '-m', 'Start');
  const hook = join(setup.contentDir, '.git', 'hooks', 'post-commit');
  mkdirSync(dirname(hook), { recursive: true });
  writeFileSync(hook, `#!/bin/sh\ntouch "${join(work, 'hook-ran')}"\n`);
  chmodSync(hook, 0o755);
  server = await startServer({
    ...setup.env,
    COMMENTS_ADMIN_TOKEN: TOKEN,
    NODE_OPTIONS: `--import=${join(work, 'payload.mjs')}`,
    GUARD_TEST_WORK: work,
  });
  cookie = await signIn(server.url);
}, 900_000);
afterAll(async () => {
  await server?.stop();
  releaseBuildLock?.();
});

describe('publishing', () => {
  it('gives the build no secret and runs no hook of the content repository, and still commits', async () => {
    const post = join(setup.contentDir, 'posts', 'whatsapp-im-unternehmen.mdx');
    writeFileSync(post, `${readFileSync(post, 'utf8')}\nEin neuer Satz aus der Redaktion.\n`);
    const result = await publish();
    expect(result).toEqual({ ok: true, error: undefined });
    const env = JSON.parse(readFileSync(join(work, 'build-env.json'), 'utf8')) as Record<string, string>;
    expect(env.INNUNGSWISSEN_CONTENT_DIR).toBe(setup.contentDir);
    expect(Object.keys(env)).not.toContain('COMMENTS_ADMIN_TOKEN');
    expect(Object.keys(env)).not.toContain('COMMENTS_DB');
    expect(Object.keys(env)).not.toContain('DATA_DIR');
    expect(JSON.stringify(env)).not.toContain(TOKEN);
    expect(git(setup.contentDir, 'log', '--format=%s')).toMatch(/^Redaktion: posts\/whatsapp-im-unternehmen\.mdx veröffentlicht/);
    expect(existsSync(join(work, 'hook-ran'))).toBe(false);
    expect((await fetch(`${server.url}/beitraege/whatsapp-im-unternehmen/`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/beitraege/whatsapp-im-unternehmen/`)).text()).toContain('Ein neuer Satz aus der Redaktion.');
  }, 600_000);

  it('does not switch to a build whose server/entry.mjs changed after the build sealed it', async () => {
    const liveBefore = readdirSync(setup.buildsDir).filter((name) => /^\d{4}-/.test(name));
    writeFileSync(join(work, 'tamper'), '');
    const post = join(setup.contentDir, 'posts', 'whatsapp-im-unternehmen.mdx');
    writeFileSync(post, `${readFileSync(post, 'utf8')}\nDieser Satz darf nicht live gehen.\n`);
    const result = await publish();
    expect(result.ok).toBe(false);
    expect(result.error).toContain('server/entry.mjs geändert');
    const page = await (await fetch(`${server.url}/beitraege/whatsapp-im-unternehmen/`)).text();
    expect(page).toContain('Ein neuer Satz aus der Redaktion.');
    expect(page).not.toContain('Dieser Satz darf nicht live gehen.');
    expect(readdirSync(setup.buildsDir).filter((name) => /^\d{4}-/.test(name))).toEqual(liveBefore);
    expect(server.output()).toContain('Umschalten auf den neuen Build fehlgeschlagen');
  }, 600_000);
});
