import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';

type GlobOptions = Parameters<typeof glob>[0];

/**
 * Astro's glob loader for posts, keeping a post's Markdown source only where Astro has not
 * rendered it. Markdown posts are rendered while loading; storing their source as well doubled
 * the data store that every build bundles and the server loads (65 MB at 5,000 posts, 32 MB
 * without). MDX posts render on demand and keep their source. postText() reads either.
 */
export function postsLoader(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'innungswissen:posts',
    load: (context) =>
      inner.load({
        ...context,
        store: { ...context.store, set: (entry) => context.store.set(entry.rendered ? { ...entry, body: undefined } : entry) },
      }),
  };
}
