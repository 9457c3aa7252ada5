export interface Listable {
  id: string;
  data: { pubDate: Date; updatedDate?: Date | undefined; tags: string[]; title: string };
}

/** Newest first; equal dates by title so the order is stable between builds. */
export function sortByDate<T extends Listable>(posts: readonly T[]): T[] {
  return [...posts].sort(
    (a, b) => b.data.pubDate.getTime() - a.data.pubDate.getTime() || a.data.title.localeCompare(b.data.title, 'de'),
  );
}

/**
 * Posts sharing the most tags with `post`, then the newest. `all` must be sorted newest first
 * (as getPosts() returns it): sorting again for every article made large sites quadratic.
 */
export function relatedPosts<T extends Listable>(post: T, all: readonly T[], limit = 3): T[] {
  const tags = new Set(post.data.tags);
  const best: Array<{ other: T; shared: number }> = [];
  for (const other of all) {
    if (other.id === post.id) continue;
    let shared = 0;
    for (const tag of other.data.tags) if (tags.has(tag)) shared++;
    if (shared === 0) continue;
    // Keep the `limit` best; on equal counts the earlier (newer) post stays ahead.
    if (best.length < limit || shared > best[best.length - 1]!.shared) {
      best.push({ other, shared });
      best.sort((a, b) => b.shared - a.shared);
      if (best.length > limit) best.pop();
    }
  }
  return best.map(({ other }) => other);
}

/** Tag → posts (newest first), tags sorted alphabetically in German order. */
export function groupByTag<T extends Listable>(posts: readonly T[]): Array<{ tag: string; posts: T[] }> {
  const map = new Map<string, T[]>();
  for (const post of sortByDate(posts)) {
    for (const tag of post.data.tags) map.set(tag, [...(map.get(tag) ?? []), post]);
  }
  return [...map.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'de'))
    .map(([tag, tagged]) => ({ tag, posts: tagged }));
}
