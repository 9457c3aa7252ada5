/**
 * Freigabe (Vier-Augen-Prinzip, issue 25): with it switched on, a publish by one account waits until a
 * second account approves it; the account that asked cannot approve its own; the history shows who
 * approved. Real server, real build, content in git (its HEAD is live).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holdBuildLock } from '../helpers/build';
import { createAccount, EDITOR, editorSetup, publishStatus, signIn, waitForPublish, type EditorSetup } from '../helpers/editor';
import { freePort, type RunningServer } from '../helpers/server';
import { startProcess } from '../helpers/process';
import { ROOT, TEST_DIST } from '../helpers/paths';
import { childEnv } from '../../scripts/child-env';
import { de } from '@/i18n/de';

const SECOND = { name: 'Bernd Zweitkonto', password: 'noch-ein-passwort-456' };
const l = de.liveChanges;

let release: () => void;
let setup: EditorSetup;
let server: RunningServer;

/**
 * The real server as startServer (tests/helpers/server.ts) starts it, but with the guild config
 * tests/fixtures/config/guild.approval.ts: Freigabe is switched on only there (publishApproval).
 */
async function startServerWithApproval(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const started = await startProcess(process.execPath, [join(ROOT, 'tests/fixtures/config/serve-approval.mjs')], {
    cwd: ROOT,
    env: { ...childEnv(), PORT: String(port), HOST: '127.0.0.1', DIST_DIR: TEST_DIST, COMMENTS_BACKUP_DAILY: '0', ...env },
    ready: /läuft auf/,
    timeoutMs: 60_000,
  });
  return { url: `http://127.0.0.1:${port}`, port, process: started.process, output: started.output, stop: started.stop };
}

beforeAll(async () => {
  release = await holdBuildLock();
  setup = editorSetup();
  createAccount(setup.env, SECOND.name, SECOND.password);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: setup.contentDir,
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'live');
  server = await startServerWithApproval(setup.env);
}, 900_000);

afterAll(async () => {
  await server?.stop();
  release?.();
});

const post = (url: string, cookie: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: url, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('Freigabe: a publish waits for a second account', () => {
  it('waits, refuses the same account, goes live when the second approves, and the history names the approver', async () => {
    const file = join(setup.contentDir, 'posts/whatsapp-im-unternehmen.mdx');
    const title = 'WhatsApp im Betrieb – nach Freigabe';
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
    const { url } = server;
    const anna = await signIn(url);
    const bernd = await signIn(url, SECOND.name, SECOND.password);

    const list = (await (await fetch(`${url}/api/redaktion/was-geht-online`, { headers: { Cookie: anna } })).json()) as {
      whatGoesLive: { token: string };
    };
    const asked = await post(url, anna, '/api/redaktion/veroeffentlichen', { token: list.whatGoesLive.token });
    expect(asked.status).toBe(202);
    const { id, awaitingApproval, message } = (await asked.json()) as { id: number; awaitingApproval: boolean; message: string };
    expect({ awaitingApproval, message }).toEqual({ awaitingApproval: true, message: l.approvalWaiting });

    // Nothing builds; the request waits, and the history says so.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const waiting = (await (await fetch(`${url}/api/redaktion/status`, { headers: { Cookie: anna } })).json()) as {
      building: boolean;
      queued: boolean;
      awaitingApproval: Array<{ id: number; by: string }>;
    };
    expect(waiting).toMatchObject({ building: false, queued: false, awaitingApproval: [{ id, by: EDITOR.name }] });
    expect((await fetch(`${url}/beitraege/whatsapp-im-unternehmen/`).then((r) => r.text())).includes(title)).toBe(false);

    // The account that asked cannot approve its own publish.
    const own = await post(url, anna, '/api/redaktion/freigeben', { id });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { error: { message: string } }).error.message).toBe(l.approvalSameAccount);

    // The second account approves: it builds and goes live.
    const since = Date.now();
    const approved = await post(url, bernd, '/api/redaktion/freigeben', { id });
    expect(approved.status).toBe(202);
    const done = await waitForPublish(url, bernd, since, 600_000);
    expect(done.last?.ok, done.last?.error).toBe(true);
    expect(await fetch(`${url}/beitraege/whatsapp-im-unternehmen/`).then((r) => r.text())).toContain(title);
    const history = (await (await fetch(`${url}/api/redaktion/verlauf`, { headers: { Cookie: anna } })).json()) as {
      publishes: Array<{ who: string; approvedBy: string | null; ok: boolean; items: Array<{ title: string }> }>;
    };
    expect(history.publishes[0]).toMatchObject({ who: EDITOR.name, approvedBy: SECOND.name, ok: true, items: [{ title }] });
    expect((await publishStatus(url, anna)).building).toBe(false);
  }, 900_000);
});
