/**
 * `npm run backup`: a verified copy of the comment database in COMMENTS_BACKUP_DIR (see README „Betrieb“).
 * Deletes copies older than comments.backupKeep days, as the server does, and restore leftovers past their days.
 */
import { backupDatabase } from '../src/adapters/ops/backup';
import { readBackupSettings } from '../src/lib/ops/backup-settings';
import { guild } from '../src/lib/config';
import { erasureLogDays } from '../src/lib/config/notice';
import { messages } from '../src/lib/ops/messages';
import { commentsDbPath } from '@/lib/config/data-paths';

// Databases and backups are readable by this user only, also outside systemd.
process.umask(0o077);

try {
  const settings = readBackupSettings(process.env, { keep: guild.comments.backupKeep, daily: guild.comments.backupDaily });
  const result = await backupDatabase({
    dbPath: commentsDbPath(process.env),
    dir: settings.dir,
    keep: settings.keep,
    restoreKeepDays: guild.comments.restoreKeepDays,
    erasureLogDays: erasureLogDays(guild.comments),
  });
  console.log(messages.written(result.path, result.bytes, result.removed.length));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
