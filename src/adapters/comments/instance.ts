/** The one comment API of the running server, opened on first use with the settings from the environment. */
import { getCollection } from 'astro:content';
import { guild } from '@/lib/config';
import { isPublished } from '@/lib/posts/publish';
import { routes } from '@/lib/urls';
import { createCommentApi, type CommentApi } from '@/lib/comments/api';
import { openDatabase } from './db';
import { erasureLogPath, fileErasureLog } from './erasure-log';
import { readSettings } from '@/lib/comments/settings';
import { CommentStore } from '@/adapters/comments/store';
import { commentsDbFor } from './db-path';

let api: CommentApi | undefined;
let threads: Promise<ReadonlySet<string>> | undefined;

/** Published article slugs; drafts and scheduled posts take no comments. */
function publishedThreads(): Promise<ReadonlySet<string>> {
  threads ??= getCollection('posts', (post) => isPublished(post)).then((posts) => new Set(posts.map((p) => p.id)));
  return threads;
}

export function commentApi(): CommentApi {
  if (api) return api;
  // A site of several guilds has its own database (db-path.ts); the rest of the settings are the same.
  const settings = { ...readSettings(process.env, guild.comments), dbPath: commentsDbFor() };
  const store = new CommentStore(openDatabase(settings.dbPath), fileErasureLog(erasureLogPath(settings.dbPath)));
  api = createCommentApi({
    store,
    settings,
    threads: publishedThreads,
    siteOrigin: new URL(guild.siteUrl).origin,
    commentsPage: routes.comments,
  });
  api.purgeRejected();
  setInterval(() => api?.purgeRejected(), 60 * 60 * 1000).unref();
  return api;
}
