import { createServer } from 'node:net';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { ROOT, TEST_DIST } from './paths';
import { startProcess } from './process';
import { childEnv } from '../../scripts/child-env';

export interface RunningServer {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the real production server (scripts/serve.mjs) on the test build; also used by `npm run bench` and `npm run audit`. */
export async function startServer(env: Record<string, string> = {}, distDir = TEST_DIST): Promise<RunningServer> {
  const port = await freePort();
  const {
    process: child,
    output,
    stop,
  } = await startProcess(process.execPath, [join(ROOT, 'scripts/serve.mjs')], {
    cwd: ROOT,
    // No nightly backups from test servers unless a test asks for them.
    env: { ...childEnv(), PORT: String(port), HOST: '127.0.0.1', DIST_DIR: distDir, COMMENTS_BACKUP_DAILY: '0', ...env },
    ready: /läuft auf/,
    // A server that resumes an interrupted publish starts beside that build; on a busy two-core machine 20 s was too short.
    timeoutMs: 60_000,
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    output,
    stop,
  };
}
