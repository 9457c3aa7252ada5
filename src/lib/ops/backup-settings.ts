/** Backup settings: the guild config's defaults, overridden by COMMENTS_BACKUP_* from the environment the caller passes in. */
import { messages } from './messages';

export interface BackupSettings {
  dir: string;
  /** Days (and at most copies) a backup is kept. */
  keep: number;
  /** Whether the running server makes a backup once a day. */
  daily: boolean;
}

/** The guild config's comments.backupKeep / backupDaily: the defaults the environment may override. */
export interface BackupDefaults {
  keep: number;
  daily: boolean;
}

const OFF = ['0', 'false', 'aus', 'off', 'no', 'nein'];

/** COMMENTS_BACKUP_DIR (./data/backups/), COMMENTS_BACKUP_KEEP (config, else 14), COMMENTS_BACKUP_DAILY (config, else on; "0" switches it off). */
export function readBackupSettings(
  env: Record<string, string | undefined>,
  defaults: BackupDefaults = { keep: 14, daily: true },
): BackupSettings {
  const keepRaw = env.COMMENTS_BACKUP_KEEP;
  const keep = keepRaw === undefined || keepRaw === '' ? defaults.keep : Number(keepRaw);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(messages.keepInvalid(keepRaw ?? ''));
  const dailyRaw = (env.COMMENTS_BACKUP_DAILY ?? '').trim().toLowerCase();
  const daily = dailyRaw === '' ? defaults.daily : !OFF.includes(dailyRaw);
  return { dir: env.COMMENTS_BACKUP_DIR || './data/backups/', keep, daily };
}
