/** Checks that a file is an intact comment database of a schema this code can run. */
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../comments/db';
import { messages } from '@/lib/ops/messages';

/** Columns every schema version has had since the first release. */
const REQUIRED = { comments: ['id', 'thread', 'parent_id', 'author', 'text', 'html', 'status', 'created_at'], meta: ['key', 'value'] };

export interface DatabaseFileInfo {
  schemaVersion: number;
  comments: number;
}

/** Throws a German message when the file is unreadable, corrupt, not ours, or from a newer version. */
export function checkDatabaseFile(path: string): DatabaseFileInfo {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(messages.notADatabase(path, error));
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    } catch (error) {
      throw new Error(messages.notADatabase(path, error));
    }
    if (problems.join() !== 'ok') throw new Error(messages.corrupt(path, problems.slice(0, 3).join('; ')));
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1) throw new Error(messages.notOurSchema(path, 'kein Schema'));
    if (version > SCHEMA_VERSION) throw new Error(messages.newerSchema(path, version, SCHEMA_VERSION));
    for (const [table, columns] of Object.entries(REQUIRED)) {
      const present = new Set((db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name));
      const missing = columns.filter((c) => !present.has(c));
      if (missing.length) throw new Error(messages.notOurSchema(path, `Tabelle ${table} ohne ${missing.join(', ')}`));
    }
    const comments = (db.prepare('SELECT COUNT(*) AS n FROM comments').get() as { n: number }).n;
    return { schemaVersion: version, comments };
  } finally {
    db.close();
  }
}
