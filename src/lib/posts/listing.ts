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

/** Posts sharing the most tags with `post`, then the newest. */
export function relatedPosts<T extends Listable>(post: T, all: readonly T[], limit = 3): T[] {
  const tags = new Set(post.data.tags);
  return sortByDate(all.filter((other) => other.id !== post.id))
    .map((other) => ({ other, shared: other.data.tags.filter((t) => tags.has(t)).length }))
    .filter(({ shared }) => shared > 0)
    .sort((a, b) => b.shared - a.shared)
    .slice(0, limit)
    .map(({ other }) => other);
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
