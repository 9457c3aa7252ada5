/**
 * Login-flood section: GET / throughput while 200 clients hammer the editor's login (in their own
 * process, login-flood.mjs), against the same with the login idle. Every flood request comes from
 * another address (TRUSTED_PROXIES and X-Forwarded-For) with another name, so no per-name or
 * per-client limit stops it early: the server-wide cap on password checks keeps readers served.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { median } from './measure';
import { LOAD_ROUNDS, ROOT, WORK } from './context';
import { add } from './report';
import { load, type Load } from './comments';
import { startServer } from '../../tests/helpers/server';
import { EditorStore } from '../../server/editor/store';
import { editorDbPath } from '@/lib/config/data-paths';
import { hashPassword } from '../../server/editor/passwords';

const FLOOD = join(ROOT, 'scripts/bench/login-flood.mjs');

export async function loginFloodBench(dist: string) {
  const section = 'Redaktion: Anmelde-Flut (200 Clients)';
  const dataDir = mkdtempSync(join(WORK, 'login-'));
  const store = new EditorStore(editorDbPath(dataDir));
  store.setAccount('Anna Beispiel', await hashPassword('geheimes-passwort-123'));
  store.close();
  const idleRuns: Load[] = [];
  const floodRuns: Load[] = [];
  const answers = new Map<number, number>();
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    const server = await startServer(
      { DATA_DIR: dataDir, COMMENTS_DB: join(dataDir, 'comments.db'), TRUSTED_PROXIES: '127.0.0.1', EDITOR_SCHEDULE: '0' },
      dist,
    );
    try {
      const url = `${server.url}/`;
      await load(url, { duration: 1 });
      idleRuns.push(await load(url));
      const flood = spawn(process.execPath, [FLOOD, server.url, '3600'], { stdio: ['ignore', 'pipe', 'inherit'] });
      let counts = '';
      flood.stdout.on('data', (chunk) => (counts += chunk));
      const floodDone = new Promise((resolve) => flood.on('exit', resolve));
      await new Promise((r) => setTimeout(r, 1000));
      floodRuns.push(await load(url));
      flood.kill('SIGTERM');
      await floodDone;
      for (const [status, count] of Object.entries(JSON.parse(counts || '{}') as Record<string, number>))
        answers.set(Number(status), (answers.get(Number(status)) ?? 0) + count);
    } finally {
      await server.stop();
    }
  }
  const mid = (runs: Load[]): Load => ({
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  });
  const idle = mid(idleRuns);
  const flooded = mid(floodRuns);
  const show = (l: Load) => `${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms${l.errors ? `, ${l.errors} Fehler` : ''}`;
  add(section, 'GET / ohne Anmeldungen', show(idle));
  add(section, 'GET / während der Flut', show(flooded));
  add(
    section,
    'Anmelde-Antworten der Flut',
    [...answers]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${count}× ${status}`)
      .join(', '),
  );
  const ratio = flooded.rps / idle.rps;
  add(section, 'Verhältnis Flut / ruhig', `${ratio.toFixed(2)}x`, '≥ 0.5x', ratio >= 0.5 && flooded.errors === 0);
}
