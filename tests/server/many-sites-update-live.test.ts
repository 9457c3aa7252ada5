/**
 * `npm run sites -- aktualisieren` as a command while the many-sites server runs (issue 26): two fixture sites (nord
 * follows the shared comparison, west keeps version 1) are served by one real server. A fact changes in the shared
 * working copy and the command runs in another process: it builds nord into a fresh folder below BUILDS_DIR with its
 * live pointer, and the running server (same process, no restart) switches to it. Readers asking both hosts in a loop
 * during the command never get an error; west keeps the old fact; a stale old build folder is removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdBuildLock } from '../helpers/build';
import { buildSiteFolder } from '../helpers/site-build';
import { ROOT, TEST_RUN } from '../helpers/paths';
import { startServer, type RunningServer } from '../helpers/server';
import { manySitesClient } from '../helpers/many-sites-client';
import { childEnv } from '../../scripts/child-env';
import { releaseSharedSet } from '@/adapters/sites/shared-versions';
import { LIVE_BUILD_POINTER, SITE_SHARED_PIN_FILE, sitePublishBuildsDir } from '@/lib/config/data-paths';

const WORK = join(TEST_RUN, 'many-sites-update-live');
const SITES = join(WORK, 'sites');
const SITE_BUILDS = join(WORK, 'dist-sites');
const BUILDS = join(WORK, 'builds');
const SHARED = join(WORK, 'shared');
const VERSIONS = join(WORK, 'versions');
const HOSTS = { nord: 'nord.innung.test', west: 'west.innung.test' } as const;
const OLD_SUMMARY = 'Schweizer Messenger ohne Telefonnummer, einmal bezahlen, Server in der Schweiz.';
const NEW_SUMMARY = 'Schweizer Messenger ohne Telefonnummer, einmal bezahlen, Server in der Schweiz; per Befehl aktualisiert.';
const env = {
  INNUNGSWISSEN_SITES_DIR: SITES,
  SITES_BUILD_DIR: SITE_BUILDS,
  BUILDS_DIR: BUILDS,
  INNUNGSWISSEN_SHARED_CONTENT_DIR: SHARED,
  INNUNGSWISSEN_SHARED_VERSIONS_DIR: VERSIONS,
};

let server: RunningServer;
let dataDir: string;
const { call, copySite } = manySitesClient({ server: () => server, dataDir: () => dataDir, sitesDir: SITES, password: 'unbenutzt-123456' });

/** `npm run sites -- aktualisieren` in its own process, asynchronously (the readers' loop runs meanwhile). */
function update(): Promise<{ status: number | null; output: string }> {
  const vars = childEnv({ ...env, OG_PICTURES: 'off', BUILD_CONCURRENCY: '1' });
  delete vars.INNUNGSWISSEN_CONTENT_DIR;
  delete vars.SITE;
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/sites.ts'), 'aktualisieren'], {
    cwd: ROOT,
    env: vars,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, output })));
}

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(SITES, { recursive: true });
  copySite('nord', 'nord');
  copySite('nord', 'west', { name: 'Innung West', host: HOSTS.west });
  for (const entry of ['messengers', 'sources', 'aenderungen.yaml'])
    cpSync(join(ROOT, 'content', entry), join(SHARED, entry), { recursive: true });
  expect(releaseSharedSet(ROOT, env).version).toBe(1);
  writeFileSync(join(SITES, 'west', SITE_SHARED_PIN_FILE), JSON.stringify({ version: 1 }));
  const release = await holdBuildLock();
  try {
    for (const site of ['nord', 'west']) {
      const result = await buildSiteFolder(site, SITES, SITE_BUILDS, env);
      expect(result.status, result.output.slice(-3000)).toBe(0);
    }
  } finally {
    release();
  }
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-update-live-'));
  mkdirSync(BUILDS, { recursive: true });
  server = await startServer({ ...env, DATA_DIR: dataDir, DIST_DIR: '', EDITOR_SCHEDULE: '0', OG_PICTURES: 'off' });
}, 600_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('`npm run sites -- aktualisieren` while the server runs', () => {
  it('the following site switches to its new build without a restart, no reader request fails, the pinned site keeps the old fact', async () => {
    expect((await call(HOSTS.nord, '/messenger/threema/')).body).toContain(OLD_SUMMARY);
    const threema = join(SHARED, 'messengers', 'threema.yaml');
    const yaml = readFileSync(threema, 'utf8');
    const changed = yaml.replace(/summary: >-\n[\s\S]*?\n(?=facts:)/, `summary: ${NEW_SUMMARY}\n`);
    expect(changed).not.toBe(yaml);
    writeFileSync(threema, changed);
    // A build folder left from long ago: removed by the command as after a publish.
    const nordBuilds = sitePublishBuildsDir(BUILDS, 'nord');
    const stale = join(nordBuilds, '2000-01-01T00-00-00-000Z');
    mkdirSync(stale, { recursive: true });

    const pid = server.process.pid;
    const answers: Array<{ host: string; path: string; status: number }> = [];
    let reading = true;
    const readers = (async () => {
      while (reading) {
        for (const host of [HOSTS.nord, HOSTS.west]) {
          for (const path of ['/', '/messenger/threema/']) answers.push({ host, path, status: (await call(host, path)).status });
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const started = Date.now();
    const run = await update();
    expect(run.status, run.output.slice(-3000)).toBe(0);
    expect(run.output).toContain('Innung „west“ bleibt bei Fassung 1.');
    // The server follows the pointer within moments (a file-system event, then loading the new build's code).
    let page = '';
    for (let i = 0; i < 100; i++) {
      page = (await call(HOSTS.nord, '/messenger/threema/')).body;
      if (page.includes(NEW_SUMMARY)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    reading = false;
    await readers;
    console.log(
      `aktualisieren with the server running: ${((Date.now() - started) / 1000).toFixed(1)} s, ${answers.length} reader requests`,
    );

    expect(page).toContain(NEW_SUMMARY);
    expect(server.process.pid).toBe(pid);
    expect(server.process.exitCode).toBeNull();
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    const west = await call(HOSTS.west, '/messenger/threema/');
    expect(west.body).toContain(OLD_SUMMARY);
    expect(west.body).not.toContain(NEW_SUMMARY);

    // The new build is a stamped folder with the live pointer beside it; the stale one is gone.
    const pointer = JSON.parse(readFileSync(join(nordBuilds, LIVE_BUILD_POINTER), 'utf8')) as { dir: string };
    expect(existsSync(join(pointer.dir, 'build-info.json'))).toBe(true);
    for (let i = 0; i < 50 && existsSync(stale); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(readdirSync(nordBuilds).filter((name) => !name.endsWith('.json'))).toEqual([pointer.dir.split('/').at(-1)]);
    // West was not built: nothing below its builds folder but what the server made.
    expect(readdirSync(sitePublishBuildsDir(BUILDS, 'west')).filter((name) => !name.endsWith('.json'))).toEqual([]);
  }, 600_000);
});
