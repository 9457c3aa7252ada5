/**
 * `npm run restore -- <file>`: puts a backup in place of COMMENTS_DB (server stopped; see README „Betrieb“).
 * Comments erased since the backup are removed again (erasure log) before the copy goes live; the replaced
 * database is deleted, or kept comments.restoreKeepDays days.
 */
import { restoreDatabase } from '../src/adapters/ops/restore';
import { guild } from '../src/lib/config';
import { messages } from '../src/lib/ops/messages';
import { commentsDbPath } from '@/lib/config/data-paths';

// Databases and backups are readable by this user only, also outside systemd.
process.umask(0o077);

const file = process.argv.slice(2).find((arg) => arg !== '--');
if (!file) {
  console.error(messages.restoreUsage);
  process.exit(2);
}
try {
  const days = guild.comments.restoreKeepDays;
  const result = restoreDatabase({ file, dbPath: commentsDbPath(process.env), keepOldDays: days });
  console.log(messages.restored(result.target, file, result.comments));
  if (result.erased) console.log(messages.erasuresApplied(result.erased));
  if (result.keptOld) console.log(messages.keptOld(result.keptOld, days));
  if (result.removedOld) console.log(messages.oldRemoved);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
