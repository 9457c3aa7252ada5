/**
 * TLS and hosts for several guilds (issue 26): `npm run sites -- nginx` on the fixture sites gives one pair of
 * server blocks (port 80, port 443 with the host's own certificate) per host, passes Debian's `nginx -t`, and
 * a request through nginx with each Host (and the matching TLS server name) reaches that guild's site on the
 * real server; an unknown host gets the server's 404. Certificates: self-signed, one per host, made here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from '../../scripts/child-env';
import { holdBuildLock } from '../helpers/build';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { ROOT, TEST_RUN } from '../helpers/paths';
import { NGINX, ensureProgram } from '../helpers/system-programs';
import { de } from '@/i18n/de';

const SITES = join(ROOT, 'tests/fixtures/sites');
const BUILDS = join(TEST_RUN, 'nginx-sites');
const HOSTS = { nord: 'nord.innung.test', sued: 'sued.innung.test' } as const;
const sitesEnv = { INNUNGSWISSEN_SITES_DIR: SITES, SITES_BUILD_DIR: BUILDS };

let dir: string;
let dataDir: string;
let nginxBin: string;
let generated: { stdout: string; stderr: string; status: number | null };
let server: RunningServer | undefined;
let nginx: ChildProcess | undefined;
let ports: { http: number; https: number };

function send(url: string, host: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const target = new URL(url);
  const call = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = call(target, { headers: { Host: host }, rejectUnauthorized: false, servername: host }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function run(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const vars = childEnv(env);
  delete vars.INNUNGSWISSEN_CONTENT_DIR;
  const child = spawn(process.execPath, args, { cwd: ROOT, env: vars, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

/** The generated file pointed at a test folder, loopback ports, the test certificates and the server's port. */
function forTest(conf: string, upstream: number): string {
  return conf
    .replace(/^\s*listen \[::\].*$/gm, '') // IPv6 may be missing in a container
    .replaceAll('listen 80;', `listen 127.0.0.1:${ports.http};`)
    .replaceAll('listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`)
    .replace('server 127.0.0.1:4321;', `server 127.0.0.1:${upstream};`)
    .replaceAll('/etc/letsencrypt/live/', `${dir}/certs/`)
    .replaceAll('/var/log/nginx/', `${dir}/`)
    .replaceAll('/etc/nginx/snippets/innungswissen-proxy.conf', join(ROOT, 'deploy/nginx/innungswissen-proxy.conf'));
}

function writeNginxConf(site: string): string {
  writeFileSync(join(dir, 'site.conf'), site);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp), { recursive: true });
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;' : ''}
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  return conf;
}

beforeAll(async () => {
  nginxBin = ensureProgram(NGINX);
  dir = mkdtempSync(join(tmpdir(), 'innungswissen-nginx-sites-'));
  for (const host of Object.values(HOSTS)) {
    mkdirSync(join(dir, 'certs', host), { recursive: true });
    const keys = ['-keyout', join(dir, 'certs', host, 'privkey.pem'), '-out', join(dir, 'certs', host, 'fullchain.pem')];
    const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${host}`, ...keys], {
      encoding: 'utf8',
    });
    expect(cert.status, cert.stderr).toBe(0);
  }
  generated = await run([join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/sites.ts'), 'nginx'], sitesEnv);
  ports = { http: await freePort(), https: await freePort() };
  const release = await holdBuildLock();
  try {
    rmSync(BUILDS, { recursive: true, force: true });
    for (const site of Object.keys(HOSTS)) {
      const built = await run([join(ROOT, 'scripts/build.mjs')], { ...sitesEnv, SITE: site, OG_PICTURES: 'off' });
      expect(built.status, (built.stdout + built.stderr).slice(-3000)).toBe(0);
    }
  } finally {
    release();
  }
  dataDir = mkdtempSync(join(tmpdir(), 'innungswissen-nginx-sites-data-'));
  server = await startServer({ ...sitesEnv, DATA_DIR: dataDir, DIST_DIR: '', TRUSTED_PROXIES: '127.0.0.1,::1' });
}, 900_000);

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGTERM');
    await exited;
  }
  await server?.stop();
  for (const folder of [dir, dataDir]) if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('npm run sites -- nginx: one installation, one nginx, many hosts', () => {
  it('writes one port-80 and one port-443 server block per servable host, each with its own certificate; the broken site is named', () => {
    expect(generated.status, generated.stderr).toBe(0);
    expect(generated.stderr).toContain('Innung „kaputt“ wird nicht ausgeliefert');
    const blocks = generated.stdout.split(/^server \{/m).slice(1);
    expect(blocks).toHaveLength(2 * Object.keys(HOSTS).length);
    for (const host of Object.values(HOSTS)) {
      const own = blocks.filter((block) => block.includes(`server_name ${host};`));
      expect(own.filter((block) => block.includes('listen 80;'))).toHaveLength(1);
      expect(own.filter((block) => block.includes('listen 443 ssl'))).toHaveLength(1);
      expect(generated.stdout).toContain(`ssl_certificate /etc/letsencrypt/live/${host}/fullchain.pem;`);
    }
    expect(generated.stdout.match(/^upstream innungswissen \{/gm)).toHaveLength(1);
    expect(generated.stdout).not.toContain('innung.example.org');
  });

  it('passes nginx -t', () => {
    const conf = writeNginxConf(forTest(generated.stdout, server!.port));
    const result = spawnSync(nginxBin, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('test is successful');
  });

  it('through nginx, each host reaches its own guild over HTTPS; HTTP redirects to its host; an unknown host gets 404', async () => {
    nginx = spawn(nginxBin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const base = `https://127.0.0.1:${ports.https}`;
    for (let i = 0; i < 100; i++) {
      const up = await send(`${base}/api/health`, HOSTS.nord).then(
        (answer) => answer.status === 200,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const nord = await send(`${base}/`, HOSTS.nord);
    const sued = await send(`${base}/`, HOSTS.sued);
    expect(nord.status).toBe(200);
    expect(nord.body).toContain('<link rel="canonical" href="https://nord.innung.test/">');
    expect(nord.body).toContain('Nordlicht-Stammtisch der Innung Nord');
    expect(nord.body).not.toContain('Südwind-Fortbildung');
    expect(sued.status).toBe(200);
    expect(sued.body).toContain('<link rel="canonical" href="https://sued.innung.test/">');
    expect(sued.body).toContain('Südwind-Fortbildung der Innung Süd');
    expect(nord.headers['strict-transport-security']).toBe('max-age=63072000');

    const plain = await send(`http://127.0.0.1:${ports.http}/impressum/`, HOSTS.sued);
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe('https://sued.innung.test/impressum/');

    const unknown = await send(`${base}/`, 'unbekannt.innung.test');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toBe(de.sites.unknownHost);
  });
});
