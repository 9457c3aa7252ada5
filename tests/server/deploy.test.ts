/**
 * The deployment files in deploy/: the systemd unit passes `systemd-analyze verify`, the nginx site
 * passes `nginx -t` (Debian's nginx, with a self-signed certificate made here), and nginx on loopback
 * in front of the real server serves the site over HTTPS and HTTP/2 and hands the rate limiter the
 * address nginx saw — a client's own X-Forwarded-For gets it no fresh budget.
 * Only on paper (no Caddy here): deploy/Caddyfile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:http2';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServer, type RunningServer } from '../helpers/server';
import { THREAD, tempDb } from '../helpers/comments';
import { ROOT, TEST_CLIENT } from '../helpers/paths';
import { NGINX, ensureProgram } from '../helpers/system-programs';

const deploy = (file: string) => join(ROOT, 'deploy', file);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const target = new URL(url);
  const call = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = call(
      target,
      { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false, servername: 'innung.example.org' },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The site file as deployed, pointed at a test folder, test ports and a self-signed certificate. */
function siteForTest(dir: string, ports: { http: number; https: number; upstream: number }): string {
  return readFileSync(deploy('nginx/innungswissen.conf'), 'utf8')
    .replace(/^\s*listen \[::\].*$/gm, '') // IPv6 may be missing in a container
    .replace('listen 80;', `listen 127.0.0.1:${ports.http};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`)
    .replace('server 127.0.0.1:4321;', `server 127.0.0.1:${ports.upstream};`)
    .replaceAll('/etc/letsencrypt/live/innung.example.org/', `${dir}/`)
    .replaceAll('/var/log/nginx/', `${dir}/`)
    .replace('/etc/nginx/snippets/innungswissen-proxy.conf', deploy('nginx/innungswissen-proxy.conf'));
}

function nginxConf(dir: string, site: string): string {
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

describe('systemd unit', () => {
  it('passes systemd-analyze verify', () => {
    if (spawnSync('systemd-analyze', ['--version']).status !== 0) {
      console.warn('systemd-analyze is not installed here: the unit was not verified.');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'innungswissen-unit-'));
    let unit = readFileSync(deploy('innungswissen.service'), 'utf8');
    // Node may live elsewhere on this machine than on the Debian server.
    if (!existsSync('/usr/bin/node')) unit = unit.replace('/usr/bin/node', process.execPath);
    writeFileSync(join(dir, 'innungswissen.service'), unit);
    const result = spawnSync('systemd-analyze', ['verify', join(dir, 'innungswissen.service')], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.includes('innungswissen'))).toEqual([]);
    for (const setting of [
      'User=innungswissen',
      'ProtectSystem=strict',
      'ReadWritePaths=/var/lib/innungswissen',
      'Restart=on-failure',
      'Environment=TRUSTED_PROXIES=127.0.0.1,::1',
      'ReadOnlyPaths=-/srv/innungswissen/.git/hooks',
      'IPAddressDeny=any',
      'IPAddressAllow=localhost',
      'UMask=0077',
    ]) {
      expect(unit).toContain(setting);
    }
  });
});

describe('nginx in front of the real server', () => {
  let dir: string;
  let server: RunningServer;
  let nginx: ChildProcess | undefined;
  let ports: { http: number; https: number; upstream: number };
  let nginxBin: string;

  beforeAll(async () => {
    // Found, or installed as Debian's package on a fresh machine; otherwise these tests fail naming the package.
    nginxBin = ensureProgram(NGINX);
    dir = mkdtempSync(join(tmpdir(), 'innungswissen-nginx-'));
    const cert = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=innung.example.org',
        '-keyout',
        join(dir, 'privkey.pem'),
        '-out',
        join(dir, 'fullchain.pem'),
      ],
      { encoding: 'utf8' },
    );
    expect(cert.status, cert.stderr).toBe(0);
    server = await startServer({
      COMMENTS_DB: tempDb(),
      COMMENTS_RATE_LIMIT: '2',
      COMMENTS_MIN_SUBMIT_SECONDS: '0',
      TRUSTED_PROXIES: '127.0.0.1,::1',
    });
    ports = { http: await freePort(), https: await freePort(), upstream: server.port };
  }, 300_000);
  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGTERM');
      await exited;
    }
    await server?.stop();
  });

  it('the site passes nginx -t', () => {
    const conf = nginxConf(dir, siteForTest(dir, ports));
    const result = spawnSync(nginxBin, ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('test is successful');
  });

  it('serves the site over HTTPS and HTTP/2, long cache for hashed assets, health, redirect from HTTP', async () => {
    nginx = spawn(nginxBin, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const base = `https://127.0.0.1:${ports.https}`;
    for (let i = 0; i < 100; i++) {
      if (
        await send(`${base}/api/health`).then(
          () => true,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const home = await send(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.body).toContain('<html');
    expect(home.headers['strict-transport-security']).toBe('max-age=63072000');
    const asset = readdirSync(join(TEST_CLIENT, '_astro')).find((f) => f.endsWith('.js') || f.endsWith('.css'))!;
    const cached = await send(`${base}/_astro/${asset}`);
    expect(cached.status).toBe(200);
    expect(cached.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await send(`${base}/api/health`)).status).toBe(200);
    const plain = await send(`http://127.0.0.1:${ports.http}/beitraege/`);
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe(`https://127.0.0.1/beitraege/`);

    const h2 = connect(base, { rejectUnauthorized: false, servername: 'innung.example.org' });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const stream = h2.request({ ':path': '/' });
        stream.on('response', (headers) => resolve(Number(headers[':status'])));
        stream.on('error', reject);
        stream.resume();
      });
      expect(status).toBe(200);
      expect(h2.alpnProtocol).toBe('h2');
    } finally {
      h2.close();
    }
  });

  it('a spoofed X-Forwarded-For sent to nginx gets no fresh rate-limit budget (nginx sets it, the server trusts only nginx)', async () => {
    const base = `https://127.0.0.1:${ports.https}`;
    // Form tokens are single-use: one per comment.
    const post = async (via: string, spoofed: string, n: number) => {
      const token = JSON.parse((await send(`${base}/api/comments/form-token`)).body).token as string;
      return send(`${via}/api/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': spoofed },
        body: JSON.stringify({
          thread: THREAD,
          text: `Über nginx geschrieben, Nummer ${n}.`,
          consent: true,
          website: '',
          formToken: token,
        }),
      });
    };
    const statuses = [];
    for (let n = 1; n <= 4; n++) statuses.push((await post(base, `203.0.113.${n}`, n)).status);
    expect(statuses).toEqual([201, 201, 429, 429]);
    // Control: straight to the server (a trusted proxy address), the header is believed — which is
    // exactly why the proxy must set it rather than append to it.
    expect((await post(server.url, '198.51.100.7', 5)).status).toBe(201);
  });

  it('the access log carries no IP address', () => {
    const log = readFileSync(join(dir, 'innungswissen.access.log'), 'utf8');
    expect(log).toContain('"GET / HTTP/2.0" 200');
    expect(log).toContain('"POST /api/comments HTTP/1.1" 429');
    expect(log).not.toMatch(/\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|::1/);
  });
});
