/** Adapter: the comparison's public change log, content/aenderungen.yaml (or below INNUNGSWISSEN_CONTENT_DIR), newest first with stable ids. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { sharedContentDir } from '../content-dir';
import { CHANGE_LOG_FILE, changeLogSchema, entryIds, newestFirst, type ChangeEntry } from '@/lib/messengers/changes';

export type Change = ChangeEntry & { id: string };

let cache: Change[] | undefined;

export function getChanges(): Change[] {
  if (cache) return cache;
  const file = join(sharedContentDir(), CHANGE_LOG_FILE);
  const entries = existsSync(file) ? changeLogSchema.parse(parse(readFileSync(file, 'utf8')) ?? []) : [];
  const ids = entryIds(entries);
  const withIds = entries.map((e, i) => ({ ...e, id: ids[i]! }));
  cache = newestFirst(withIds) as Change[];
  return cache;
}
