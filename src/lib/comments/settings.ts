/** Comment server settings, from the environment (documented in the README). */
import { commentsDbPath } from '../config/data-paths';

export interface CommentSettings {
  dbPath: string;
  moderation: 'pre' | 'post';
  allowedOrigins: string[];
  /** Writes per client per 10 minutes; 0 switches the limit off. */
  rateLimit: number;
  /** Seconds between getting a form token and posting; 0 switches the check off. */
  minSubmitSeconds: number;
  purgeRejectedAfterDays: number;
  /** Days a comment may wait for moderation before it is erased unseen. */
  purgePendingAfterDays: number;
}

/** Pending comments never moderated are erased after this many days unless the config says otherwise. */
export const DEFAULT_PURGE_PENDING_AFTER_DAYS = 90;

/** What the guild config decides (comments.* in src/guild.config.ts); the environment may only repeat it. */
export interface CommentDefaults {
  purgeRejectedAfterDays: number;
  purgePendingAfterDays?: number;
  moderation?: 'pre' | 'post';
}

function number(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} muss eine Zahl ≥ 0 sein, ist aber „${value}“.`);
  return parsed;
}

/**
 * Set on a server that still has the old moderation key: it is ignored (moderation now uses the Redaktion's
 * accounts), and the start says so (server/main.ts prints de.editorPlatform.adminTokenIgnored).
 */
export function hasRetiredAdminToken(env: Record<string, string | undefined>): boolean {
  return Boolean(env.COMMENTS_ADMIN_TOKEN);
}

export function readSettings(env: Record<string, string | undefined>, defaults: number | CommentDefaults): CommentSettings {
  const config: CommentDefaults = typeof defaults === 'number' ? { purgeRejectedAfterDays: defaults } : defaults;
  const moderation = env.COMMENTS_MODERATION || config.moderation || 'pre';
  if (moderation !== 'pre' && moderation !== 'post') {
    throw new Error(`COMMENTS_MODERATION muss „pre“ oder „post“ sein, ist aber „${moderation}“.`);
  }
  return {
    dbPath: commentsDbPath(env),
    moderation,
    allowedOrigins: (env.COMMENTS_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    rateLimit: number(env.COMMENTS_RATE_LIMIT, 5, 'COMMENTS_RATE_LIMIT'),
    minSubmitSeconds: number(env.COMMENTS_MIN_SUBMIT_SECONDS, 3, 'COMMENTS_MIN_SUBMIT_SECONDS'),
    purgeRejectedAfterDays: config.purgeRejectedAfterDays,
    purgePendingAfterDays: config.purgePendingAfterDays ?? DEFAULT_PURGE_PENDING_AFTER_DAYS,
  };
}
