/**
 * Rate-limiter section: POST throughput with 50,000 distinct clients against the same with 100;
 * the limiter's cost per request must not grow with the number of clients it tracks. Clients are
 * told apart by the address the server sees (TRUSTED_PROXIES=127.0.0.1 and one X-Forwarded-For each).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { median } from './measure';
import { LOAD_ROUNDS, WORK } from './context';
import { add } from './report';
import { load, type Load } from './comments';
import { startServer } from '../../tests/helpers/server';
import { openDatabase } from '@/adapters/comments/db';
import { CommentStore } from '@/adapters/comments/store';
import { issueFormToken } from '@/lib/comments/tokens';
import { RATE_LIMIT_WINDOW_MS } from '@/lib/comments/rate-limit';

export async function limiterBench(dist: string, thread: string) {
  const dbPath = join(WORK, 'limiter.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  const secret = new CommentStore(openDatabase(dbPath)).secret('form-token-secret');
  const section = 'Kommentare: Rate-Limit, POST mit vielen Absendern';
  const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  let n = 0;
  const posts = (clients: number): Partial<autocannon.Options> => ({
    method: 'POST',
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          n++;
          return {
            ...req,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': ip(n % clients) },
            body: JSON.stringify({
              thread,
              text: `Limiter-Last ${n} ${Math.random()}`,
              consent: true,
              website: '',
              formToken: issueFormToken(secret),
            }),
          };
        },
      },
    ],
  });
  // Each round starts a fresh server (empty limiter): the run with 100 clients, then 50,000 clients are
  // put into the limiter (an empty body is counted, then refused by validation: cheap) and the run with
  // 50,000 follows at once. Windows are fixed 10-minute slots: a round must not straddle a change.
  const fewRuns: Load[] = [];
  const manyRuns: Load[] = [];
  const fill = (url: string, clients: (i: number) => string) => {
    let i = 0;
    return autocannon({
      url,
      connections: 20,
      amount: 50_000,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({ ...req, headers: { 'content-type': 'application/json', 'x-forwarded-for': clients(i++) }, body: '{}' }),
        },
      ],
    });
  };
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    const untilChange = RATE_LIMIT_WINDOW_MS - (Date.now() % RATE_LIMIT_WINDOW_MS);
    if (untilChange < 150_000) await new Promise((r) => setTimeout(r, untilChange + 1000));
    const server = await startServer(
      { COMMENTS_DB: dbPath, COMMENTS_RATE_LIMIT: '1000000', COMMENTS_MIN_SUBMIT_SECONDS: '0', TRUSTED_PROXIES: '127.0.0.1' },
      dist,
    );
    try {
      const url = `${server.url}/api/comments`;
      // Warm up the same way the 50,000 clients are filled in below (same requests, 100 clients), so both runs start equally warm.
      await fill(url, (i) => ip(i % 100));
      await load(url, { ...posts(100), duration: 2 });
      fewRuns.push(await load(url, posts(100)));
      await fill(url, ip);
      manyRuns.push(await load(url, posts(50_000)));
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
  const few = mid(fewRuns);
  const many = mid(manyRuns);
  console.error(
    `  Einzelläufe req/s – 100: ${fewRuns.map((r) => r.rps.toFixed(0)).join(', ')}; 50.000: ${manyRuns.map((r) => r.rps.toFixed(0)).join(', ')}`,
  );
  add(
    section,
    '100 Absender',
    `${few.rps.toFixed(0)} req/s, p50 ${few.p50} ms, p99 ${few.p99} ms${few.errors ? `, ${few.errors} Fehler` : ''}`,
  );
  add(
    section,
    '50.000 Absender',
    `${many.rps.toFixed(0)} req/s, p50 ${many.p50} ms, p99 ${many.p99} ms${many.errors ? `, ${many.errors} Fehler` : ''}`,
  );
  const ratio = many.rps / few.rps;
  add(section, 'Verhältnis 50.000 / 100', `${ratio.toFixed(2)}x`, '≥ 0.9x', ratio >= 0.9 && many.errors === 0 && few.errors === 0);
}
