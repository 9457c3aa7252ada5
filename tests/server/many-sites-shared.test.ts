/**
 * One shared comparison for several guilds (issue 26): three fixture sites (copies of tests/fixtures/sites/nord
 * and sued, and a third "west") follow the shared set; `npm run sites -- aktualisieren` keeps it as version 1
 * and builds all three through the build queue. West then keeps version 1 (its gemeinsam.json), a fact in the
 * working copy changes, and the next `aktualisieren` keeps version 2 and rebuilds only nord and sued. One real
 * server then shows the new fact on nord and sued and the old one on west.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdBuildLock } from '../helpers/build';
import { childEnv } from '../../scripts/child-env';
import { ROOT, TEST_RUN } from '../helpers/paths';
import { startServer, type RunningServer } from '../helpers/server';
import { SITE_SHARED_PIN_FILE } from '@/lib/config/data-paths';

const WORK = join(TEST_RUN, 'many-sites-shared');
const SITES = join(WORK, 'sites');
const BUILDS = join(WORK, 'builds');
const PUBLISH_BUILDS = join(WORK, 'publish-builds');
const SHARED = join(WORK, 'shared');
const VERSIONS = join(WORK, 'versions');
const HOSTS = { nord: 'nord.innung.test', sued: 'sued.innung.test', west: 'west.innung.test' } as const;
const OLD_SUMMARY = 'Schweizer Messenger ohne Telefonnummer, einmal bezahlen, Server in der Schweiz.';
const NEW_SUMMARY = 'Schweizer Messenger ohne Telefonnummer, einmal bezahlen, Server in der Schweiz; neu geprüft im Verband.';
const env = (): Record<string, string> => ({
  INNUNGSWISSEN_SITES_DIR: SITES,
  SITES_BUILD_DIR: BUILDS,
  // `aktualisieren` builds into BUILDS_DIR/sites/<kennung>/ with a live pointer, as a publish does.
  BUILDS_DIR: PUBLISH_BUILDS,
  INNUNGSWISSEN_SHARED_CONTENT_DIR: SHARED,
  INNUNGSWISSEN_SHARED_VERSIONS_DIR: VERSIONS,
});

let server: RunningServer;
let dataDir: string;
const runs: string[] = [];

/** A fixture site copied into the work folder; its config's schema import made absolute so it loads from there. */
function copySite(from: string, to: string, rename?: { name: string; host: string }): void {
  cpSync(join(ROOT, 'tests/fixtures/sites', from), join(SITES, to), { recursive: true });
  const file = join(SITES, to, 'guild.config.ts');
  let config = readFileSync(file, 'utf8').replace(/'(?:\.\.\/)+src\/lib\/config\/schema'/, `'${join(ROOT, 'src/lib/config/schema')}'`);
  if (rename) config = config.replaceAll('nord.innung.test', rename.host).replaceAll('Innung Nord', rename.name);
  writeFileSync(file, config);
}

/** `npm run sites -- aktualisieren`, asynchronously (a minute of builds must not block vitest's worker). */
const update = () => runSites('aktualisieren');

function runSites(command: string): Promise<{ status: number | null; output: string }> {
  const childVars = childEnv({ ...env(), OG_PICTURES: 'off', BUILD_CONCURRENCY: '1' });
  delete childVars.INNUNGSWISSEN_CONTENT_DIR;
  delete childVars.SITE;
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/sites.ts'), command], {
    cwd: ROOT,
    env: childVars,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, output })));
}

function get(host: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { Host: host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(SITES, { recursive: true });
  copySite('nord', 'nord');
  copySite('sued', 'sued');
  copySite('nord', 'west', { name: 'Innung West', host: HOSTS.west });
  for (const entry of ['messengers', 'sources', 'aenderungen.yaml'])
    cpSync(join(ROOT, 'content', entry), join(SHARED, entry), { recursive: true });
  const release = await holdBuildLock();
  try {
    const first = await update();
    runs.push(first.output);
    expect(first.status, first.output.slice(-3000)).toBe(0);
    writeFileSync(join(SITES, 'west', SITE_SHARED_PIN_FILE), JSON.stringify({ version: 1 }));
    const threema = join(SHARED, 'messengers', 'threema.yaml');
    const yaml = readFileSync(threema, 'utf8');
    const changed = yaml.replace(/summary: >-\n[\s\S]*?\n(?=facts:)/, `summary: ${NEW_SUMMARY}\n`);
    expect(changed).not.toBe(yaml);
    writeFileSync(threema, changed);
    const second = await update();
    runs.push(second.output);
    expect(second.status, second.output.slice(-3000)).toBe(0);
  } finally {
    release();
  }
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-shared-'));
  server = await startServer({ ...env(), DATA_DIR: dataDir, DIST_DIR: '' });
}, 1_500_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('one shared comparison, versions, rebuilt through the queue', () => {
  it('the first update keeps version 1 and builds every site, one after the other', () => {
    expect(runs[0]).toContain('Gemeinsamer Vergleich: Fassung 1 festgehalten');
    expect(runs[0]).toContain('Neu gebaut werden 3 Innungen, nacheinander (höchstens 1 zugleich): nord, sued, west.');
    expect(runs[0]).toContain('3 von 3 Innungen neu gebaut');
  });

  it('a change keeps version 2 and rebuilds the sites that follow it; the pinned site is not rebuilt', () => {
    expect(runs[1]).toContain('Gemeinsamer Vergleich: Fassung 2 festgehalten');
    expect(runs[1]).toContain('Innung „west“ bleibt bei Fassung 1.');
    expect(runs[1]).toContain('Neu gebaut werden 2 Innungen, nacheinander (höchstens 1 zugleich): nord, sued.');
    // One build at a time: each site's build ends before the next begins.
    const events = runs[1]!.split('\n').filter((line) => /: (Build beginnt|gebaut in)/.test(line));
    expect(events.map((line) => line.replace(/ \(.*|: gebaut in.*/, (m) => (m.startsWith(':') ? ' fertig' : '')))).toEqual([
      'Innung „nord“: Build beginnt',
      'Innung „nord“ fertig',
      'Innung „sued“: Build beginnt',
      'Innung „sued“ fertig',
    ]);
  });

  it('the changed fact appears on every following site; the pinned site keeps the old version', async () => {
    for (const host of [HOSTS.nord, HOSTS.sued]) {
      const page = await get(host, '/messenger/threema/');
      expect(page.status, host).toBe(200);
      expect(page.body, host).toContain(NEW_SUMMARY);
    }
    const west = await get(HOSTS.west, '/messenger/threema/');
    expect(west.status).toBe(200);
    expect(west.body).toContain(OLD_SUMMARY);
    expect(west.body).not.toContain(NEW_SUMMARY);
    expect((await get(HOSTS.west, '/')).body).toContain('Innung West');
  });

  it('`npm run sites -- liste` names the version each site builds with', async () => {
    const listed = await runSites('liste');
    expect(listed.status, listed.output).toBe(0);
    expect(listed.output).toMatch(/^nord\s.*· Vergleich: neueste Fassung \(2\)$/m);
    expect(listed.output).toMatch(/^west\s.*· Vergleich: hält Fassung 1 fest$/m);
  });
});
