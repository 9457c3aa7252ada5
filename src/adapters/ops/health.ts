/**
 * GET /api/health: can the comment database be read and written right now? Opens its own short
 * connection per check (so it sees the file as a restarted server would), reads, and writes one
 * row in `meta` (the time of the last check). No personal data in the answer.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { SCHEMA_VERSION } from '../comments/db';
import { messages } from '@/lib/ops/messages';

export interface HealthBody {
  status: 'ok' | 'error';
  database: 'ok' | 'error';
  reason?: string;
  build: string;
  version: string;
}

export function databaseProblem(dbPath: string, now = new Date()): string | null {
  if (!existsSync(dbPath)) return messages.health.missing;
  let db: Database.Database;
  try {
    db = new Database(dbPath, { fileMustExist: true, timeout: 2000 });
  } catch {
    return messages.health.unreadable;
  }
  try {
    try {
      const schema = db.pragma('user_version', { simple: true }) as number;
      if (schema > SCHEMA_VERSION) return messages.health.newer;
      if (schema < 1) return messages.health.notMigrated;
      db.prepare('SELECT id FROM comments ORDER BY id DESC LIMIT 1').get();
    } catch {
      return messages.health.unreadable;
    }
    try {
      db.prepare(`INSERT INTO meta (key, value) VALUES ('health-check', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(
        now.toISOString(),
      );
    } catch {
      return messages.health.unwritable;
    }
    return null;
  } finally {
    db.close();
  }
}

export function healthResponse(dbPath: string, build: string, version: string): Response {
  const problem = databaseProblem(dbPath);
  const body: HealthBody = problem
    ? { status: 'error', database: 'error', reason: problem, build, version }
    : { status: 'ok', database: 'ok', build, version };
  return new Response(JSON.stringify(body), {
    status: problem ? 503 : 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
