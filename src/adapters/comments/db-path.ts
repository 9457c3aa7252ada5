/**
 * Reads the environment: the comment database of the running build. One guild: COMMENTS_DB (default
 * data/comments.db). A site of several guilds (built with SITE=<kennung>): its own file in the data folder,
 * so no site can read or write another's comments (the server sets DATA_DIR for all its sites).
 */
import { commentsDbPath, dataDir, siteCommentsDbPath } from '@/lib/config/data-paths';
import { buildSite } from '@/lib/ops/build-info';

export function commentsDbFor(env: NodeJS.ProcessEnv = process.env, site: string = buildSite): string {
  return site ? siteCommentsDbPath(dataDir(process.cwd(), env), site) : commentsDbPath(env);
}
