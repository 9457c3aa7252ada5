/** Comments section: the comment API under load against a bare Astro endpoint with the same SQL. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { median, run } from './measure';
import { writeCommentBaseline } from './baselines';
import { ASTRO, LOAD_ROUNDS, LOAD_SECONDS, ROOT, WORK } from './context';
import { add } from './report';
import { childEnv } from '../child-env';
import { freePort, startServer } from '../../tests/helpers/server';
import { startProcess } from '../../tests/helpers/process';
import { openDatabase } from '@/adapters/comments/db';
import { CommentStore } from '@/adapters/comments/store';
import { renderComment } from '@/lib/comments/render';
import { issueFormToken, textHash } from '@/lib/comments/tokens';

export async function load(url: string, options: Partial<autocannon.Options> = {}) {
  const result = await autocannon({ url, connections: 20, duration: LOAD_SECONDS, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}
export type Load = Awaited<ReturnType<typeof load>>;

/**
 * Rounds alternate (ours, baseline, ours, …) so that drift on the shared 2-core machine hits both
 * sides; each figure is the median of its rounds. Single runs varied by ±10 % between runs.
 */
async function compareLoads(ours: () => Promise<Load>, base: () => Promise<Load>): Promise<[Load, Load]> {
  const a: Load[] = [];
  const b: Load[] = [];
  for (let round = 0; round < LOAD_ROUNDS; round++) {
    a.push(await ours());
    b.push(await base());
  }
  const mid = (runs: Load[]): Load => ({
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  });
  return [mid(a), mid(b)];
}

export async function commentBench(dist: string, threads: string[]) {
  const dbPath = join(WORK, 'comments.db');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  const store = new CommentStore(openDatabase(dbPath));
  for (let i = 0; i < 100; i++) {
    const text = `Kommentar ${i} mit **Markdown** und einem Link https://example.org/${i}`;
    const id = store.create({
      thread: threads[0]!,
      parentId: null,
      author: `Person ${i}`,
      text,
      html: renderComment(text),
      status: 'pending',
      editTokenHash: 'x',
      textHash: textHash(text),
      now: Date.now() - (100 - i) * 1000,
    });
    store.setStatus(id, 'approved', Date.now());
  }
  const ours = await startServer({ COMMENTS_DB: dbPath, COMMENTS_RATE_LIMIT: '0', COMMENTS_MIN_SUBMIT_SECONDS: '0' }, dist);
  const baselineDir = join(WORK, 'baseline-comments');
  writeCommentBaseline(baselineDir, ROOT);
  const built = await run(process.execPath, [ASTRO, 'build', '--root', baselineDir], { cwd: baselineDir, env: childEnv() });
  if (built.status !== 0) throw new Error(`Kommentar-Baseline: Build fehlgeschlagen\n${built.output.slice(-2000)}`);
  const basePort = await freePort();
  const baseline = await startProcess(process.execPath, [join(baselineDir, 'dist/server/entry.mjs')], {
    cwd: baselineDir,
    env: childEnv({ PORT: String(basePort), HOST: '127.0.0.1', COMMENTS_DB: dbPath }),
    ready: /Server listening|localhost|127\.0\.0\.1/,
    timeoutMs: 30_000,
  });
  try {
    const site = ours.url;
    const bare = `http://127.0.0.1:${basePort}`;
    // Form tokens are single-use: each request gets its own, signed with the database's secret as the server would.
    const secret = store.secret('form-token-secret');
    const twenty = threads.slice(0, 20).join(',');
    let n = 0;
    const postBody = (thread: string) => () =>
      JSON.stringify({
        thread,
        text: `Lasttest-Kommentar Nummer ${++n} ${Math.random()}`,
        consent: true,
        website: '',
        formToken: issueFormToken(secret),
      });
    const cases = [
      {
        name: 'GET Thread mit 100 Kommentaren',
        ours: `${site}/api/comments?thread=${threads[0]}`,
        base: `${bare}/thread?thread=${threads[0]}`,
        min: 1.0,
      },
      {
        name: 'GET Zähler für 20 Threads',
        ours: `${site}/api/comments/counts?threads=${twenty}`,
        base: `${bare}/counts?threads=${twenty}`,
        min: 1.0,
      },
    ];
    await load(cases[0]!.ours, { duration: 1 }); // warm both
    await load(cases[0]!.base, { duration: 1 });
    for (const c of cases) {
      const [a, b] = await compareLoads(
        () => load(c.ours),
        () => load(c.base),
      );
      report(c.name, a, b, c.min);
    }
    const postOptions = (url: string): Partial<autocannon.Options> => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A new text for every request: the same text twice would be refused as a duplicate.
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: postBody(threads[1]!)() }) }],
      url,
    });
    const [a, b] = await compareLoads(
      () => load(`${site}/api/comments`, postOptions(`${site}/api/comments`)),
      () => load(`${bare}/post`, postOptions(`${bare}/post`)),
    );
    report('POST Kommentar (Validierung, Darstellung, dauerhaft)', a, b, 0.5);
  } finally {
    await ours.stop();
    await baseline.stop();
  }

  function report(name: string, a: Load, b: Load, min: number) {
    const section = `Kommentare: ${name}`;
    add(section, 'Innungswissen', `${a.rps.toFixed(0)} req/s, p50 ${a.p50} ms, p99 ${a.p99} ms${a.errors ? `, ${a.errors} Fehler` : ''}`);
    add(section, 'Baseline (nacktes Astro-Endpoint, gleiche SQL)', `${b.rps.toFixed(0)} req/s, p50 ${b.p50} ms, p99 ${b.p99} ms`);
    add(section, 'Verhältnis', `${(a.rps / b.rps).toFixed(2)}x`, `≥ ${min.toFixed(1)}x`, a.rps / b.rps >= min && a.errors === 0);
    add(section, 'p99', `${a.p99} ms`, '< 25 ms', a.p99 < 25);
  }
}
