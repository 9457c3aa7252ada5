import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0];

/**
 * Astro's glob loader for posts, keeping a post's Markdown source only where Astro has not
 * rendered it. Markdown posts are rendered while loading; storing their source as well doubled
 * the data store that every build bundles and the server loads (65 MB at 5,000 posts, 32 MB
 * without). MDX posts render on demand and keep their source. postText() reads either.
 */
export function postsLoader(options: GlobOptions, shared?: SharedPosts): Loader {
  const inner = glob(options);
  // Markdown only: an MDX file could carry code, and the shared set does not pass the content check of a site's posts.
  const common = shared && glob({ pattern: '**/*.md', base: shared.base });
  return {
    name: 'innungswissen:posts',
    load: async (context) => {
      const slim = (entry: Parameters<typeof context.store.set>[0]) =>
        context.store.set(entry.rendered ? { ...entry, body: undefined } : entry);
      // The site's own posts first: this glob also removes every entry it did not see (old shared ones included).
      await inner.load({ ...context, store: { ...context.store, set: slim } });
      if (!common) return;
      // Then the shared posts: this glob sees none of the store (so removes nothing); a post the site opted out of,
      // or one whose slug the site's own post has, is not added.
      const without = new Set(shared.without);
      const own = new Set(context.store.keys());
      await common.load({
        ...context,
        store: { ...context.store, keys: () => [], set: (entry) => (without.has(entry.id) || own.has(entry.id) ? false : slim(entry)) },
      });
    },
  };
}

/** The shared posts of several guilds (issue 26): their folder and the slugs this site does not show. */
export interface SharedPosts {
  base: string;
  without: readonly string[];
}
