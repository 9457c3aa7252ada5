/** Adapter: the messenger facts from Astro's content layer (`astro:content`), resolved and cached per build. */
import { getCollection } from 'astro:content';
import { buildMessenger, byName, type Messenger } from '@/lib/messengers/model';
import type { SourceData } from '@/lib/messengers/schema';

let cache: Promise<Messenger[]> | undefined;

/** Every messenger with its facts resolved to their sources, sorted by name. */
export function getMessengers(): Promise<Messenger[]> {
  cache ??= (async () => {
    const sources: Record<string, SourceData> = Object.fromEntries((await getCollection('sources')).map((s) => [s.id, s.data]));
    return (await getCollection('messengers')).map((entry) => buildMessenger(entry.id, entry.data, sources)).sort(byName);
  })();
  return cache;
}
