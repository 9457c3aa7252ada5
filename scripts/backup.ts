/** `npm run backup`: a verified copy of the comment database in COMMENTS_BACKUP_DIR (see README „Betrieb“). */
import { backupDatabase, readBackupSettings } from '../src/adapters/ops/backup';
import { messages } from '../src/lib/ops/messages';

// Databases and backups are readable by this user only, also outside systemd.
process.umask(0o077);

try {
  const settings = readBackupSettings(process.env);
  const result = await backupDatabase({ dbPath: process.env.COMMENTS_DB || './data/comments.db', dir: settings.dir, keep: settings.keep });
  console.log(messages.written(result.path, result.bytes, result.removed.length));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
