/**
 * What the many-sites server tests do again and again: speak HTTP to one server under a site's Host (with the
 * Origin a browser sends on writes), sign in, create accounts with `npm run redaktion -- konto anlegen`, and copy
 * a fixture site into the test's sites folder. The server and the data folder are asked for when used: the tests
 * start them in `beforeAll`.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { childEnv } from '../../scripts/child-env';
import { ROOT } from './paths';
import { startServer, type RunningServer } from './server';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface CallOptions {
  method?: string;
  body?: string;
  cookie?: string;
  type?: string;
}

export function manySitesClient(options: { server: () => RunningServer; dataDir: () => string; sitesDir: string; password: string }) {
  function call(host: string, path: string, call: CallOptions = {}): Promise<Answer> {
    const url = new URL(path, options.server().url);
    const method = call.method ?? 'GET';
    const headers: Record<string, string> = { Host: host };
    if (call.cookie) headers.Cookie = call.cookie;
    const body = call.body ?? (method === 'GET' ? undefined : '');
    if (method !== 'GET') {
      headers.Origin = `http://${host}`;
      headers['Content-Type'] = call.type ?? 'application/x-www-form-urlencoded';
      headers['Content-Length'] = String(Buffer.byteLength(body ?? ''));
    }
    return new Promise<Answer>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function signIn(host: string, name: string): Promise<string> {
    const answer = await call(host, '/redaktion/anmelden/', {
      method: 'POST',
      body: new URLSearchParams({ name, passwort: options.password }).toString(),
    });
    expect(answer.status, `${name} on ${host}`).toBe(303);
    const set = answer.headers['set-cookie'];
    return (Array.isArray(set) ? set[0]! : '').split(';')[0]!;
  }

  function account(...args: string[]): void {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/redaktion.ts'), 'konto', 'anlegen', ...args],
      { cwd: ROOT, env: childEnv({ DATA_DIR: options.dataDir() }), input: `${options.password}\n`, encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
  }

  /** A fixture site copied into the sites folder; its config's schema import made absolute so it loads from there. */
  function copySite(from: string, to: string, rename?: { name: string; host: string }): void {
    cpSync(join(ROOT, 'tests/fixtures/sites', from), join(options.sitesDir, to), { recursive: true });
    const file = join(options.sitesDir, to, 'guild.config.ts');
    let config = readFileSync(file, 'utf8').replace(/'(?:\.\.\/)+src\/lib\/config\/schema'/, `'${join(ROOT, 'src/lib/config/schema')}'`);
    if (rename) config = config.replaceAll('nord.innung.test', rename.host).replaceAll('Innung Nord', rename.name);
    writeFileSync(file, config);
  }

  return { call, signIn, account, copySite };
}

/**
 * The many-sites server the way these tests start it: the sites and their own builds from the test's folders,
 * publishes below `<work>/builds`, no scheduler; `extra` for what a test needs beside (pictures off, limits off …).
 */
export function startSitesServer(
  folders: { work: string; sites: string; builds: string; dataDir: string },
  extra: Record<string, string> = {},
): Promise<RunningServer> {
  return startServer({
    INNUNGSWISSEN_SITES_DIR: folders.sites,
    SITES_BUILD_DIR: folders.builds,
    BUILDS_DIR: join(folders.work, 'builds'),
    DATA_DIR: folders.dataDir,
    DIST_DIR: '',
    EDITOR_SCHEDULE: '0',
    ...extra,
  });
}
