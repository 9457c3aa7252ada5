import { getCollection, type CollectionEntry } from 'astro:content';
import { isVisible } from './publish';
import { sortByDate } from './listing';

export type Post = CollectionEntry<'posts'>;

/** Published posts, newest first. In `astro dev` drafts and scheduled posts are included for preview. */
export async function getPosts(): Promise<Post[]> {
  const preview = import.meta.env.DEV;
  return sortByDate(await getCollection('posts', (post) => isVisible(post, { preview })));
}

/** True when the post would not be public in a production build (shown with a banner in dev). */
export function isPreviewOnly(post: Post): boolean {
  return !isVisible(post, { preview: false });
}
