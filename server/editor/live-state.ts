/**
 * The two states "what goes live" compares (src/lib/editor/live-changes.ts): the saved content (the
 * working tree of the content folder) and the live content (git HEAD: every publish commits). Without
 * a committed state there is nothing to compare with: `undefined`, and the Redaktion says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { whatGoesLive, type ContentFiles, type WhatGoesLive } from '@/lib/editor/live-changes';
import { berlinDay } from '@/lib/posts/publish';
import { liveFiles } from './git';

const FOLDERS = ['posts', 'messengers', 'sources'] as const;

/** The saved entries of the content folder (posts, messengers, sources), by content-relative path. */
export function savedFiles(contentDir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of FOLDERS) {
    let names: string[] = [];
    try {
      names = readdirSync(join(contentDir, folder));
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /\.(mdx?|ya?ml)$/.test(n))) {
      try {
        files.set(`${folder}/${name}`, readFileSync(join(contentDir, folder, name), 'utf8'));
      } catch {
        // removed while we read: not saved any more
      }
    }
  }
  return files;
}

/** An entry's title as saved (a post's title, a messenger's or source's name), or undefined when unreadable. */
export function entryTitle(contentDir: string, collection: string, slug: string): string | undefined {
  for (const ext of ['mdx', 'md', 'yaml', 'yml']) {
    const path = `${collection}/${slug}.${ext}`;
    let text: string;
    try {
      text = readFileSync(join(contentDir, path), 'utf8');
    } catch {
      continue;
    }
    const change = whatGoesLive(new Map(), new Map([[path, text]]), '0000-00-00').changes[0];
    return change && change.title !== slug ? change.title : undefined;
  }
  return undefined;
}

/** What the next publish puts live, or undefined without a committed (live) state to compare with. */
export async function readWhatGoesLive(contentDir: string, now = new Date()): Promise<WhatGoesLive | undefined> {
  const live: ContentFiles | undefined = await liveFiles(contentDir, FOLDERS);
  if (!live) return undefined;
  return whatGoesLive(live, savedFiles(contentDir), berlinDay(now));
}

/** The saved scheduled posts alone (no git needed): for the "Geplant" list when there is no live state. */
export function savedScheduled(contentDir: string, now = new Date()): WhatGoesLive['scheduled'] {
  return whatGoesLive(new Map(), savedFiles(contentDir), berlinDay(now)).scheduled;
}

/**
 * A publish's committed files (paths in the repository) as the clerk knows them: entries by title, a post
 * whose day has not come with that day; pictures and the change log are not listed.
 */
export function publishedItems(contentDir: string, files: readonly string[], today: string): PublishedItem[] {
  const items: PublishedItem[] = [];
  for (const file of files) {
    const match = /(?:^|\/)(posts|messengers|sources)\/([^/]+\.(?:mdx?|ya?ml))$/.exec(file);
    if (!match) continue;
    const path = `${match[1]}/${match[2]}`;
    let text: string | undefined;
    try {
      text = readFileSync(join(contentDir, path), 'utf8');
    } catch {
      text = undefined;
    }
    const entry = whatGoesLive(new Map(), text === undefined ? new Map() : new Map([[path, text]]), today);
    const scheduled = entry.scheduled[0];
    const title = entry.changes[0]?.title ?? match[2]!.replace(/\.[^.]+$/, '');
    items.push(scheduled ? { title, scheduledFor: scheduled.day } : { title });
  }
  return items;
}

export interface PublishedItem {
  title: string;
  /** TT.MM.JJJJ: the post is saved for this day and not live yet. */
  scheduledFor?: string;
}
