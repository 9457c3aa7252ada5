/** `npm run restore -- <file>`: puts a backup in place of COMMENTS_DB (server stopped; see README „Betrieb“). */
import { restoreDatabase } from '../src/adapters/ops/restore';
import { messages } from '../src/lib/ops/messages';

// Databases and backups are readable by this user only, also outside systemd.
process.umask(0o077);

const file = process.argv.slice(2).find((arg) => arg !== '--');
if (!file) {
  console.error(messages.restoreUsage);
  process.exit(2);
}
try {
  const result = restoreDatabase({ file, dbPath: process.env.COMMENTS_DB || './data/comments.db' });
  console.log(messages.restored(result.target, file, result.comments));
  if (result.keptOld) console.log(messages.keptOld(result.keptOld));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
