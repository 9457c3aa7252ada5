import { getCollection } from 'astro:content';
import { buildMessenger, byName, type Messenger } from './model';
import type { SourceData } from './schema';

let cache: Promise<Messenger[]> | undefined;

/** Every messenger with its facts resolved to their sources, sorted by name. */
export function getMessengers(): Promise<Messenger[]> {
  cache ??= (async () => {
    const sources: Record<string, SourceData> = Object.fromEntries((await getCollection('sources')).map((s) => [s.id, s.data]));
    return (await getCollection('messengers')).map((entry) => buildMessenger(entry.id, entry.data, sources)).sort(byName);
  })();
  return cache;
}
