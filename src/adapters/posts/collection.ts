/** Adapter: posts from Astro's content layer (`astro:content`) and the preview switch from the environment. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isVisible } from '@/lib/posts/publish';
import { sortByDate } from '@/lib/posts/listing';
import { readingTime } from '@/lib/posts/format';

export type Post = CollectionEntry<'posts'>;

/** Published posts, newest first. In `astro dev` drafts and scheduled posts are included for preview. */
export async function getPosts(): Promise<Post[]> {
  // Drafts and scheduled posts show in `astro dev` and in the editor's preview build.
  const preview = import.meta.env.DEV || isEditorPreview();
  return sortByDate(await getCollection('posts', (post) => isVisible(post, { preview })));
}

/** True when the post would not be public in a production build (shown with a banner in dev). */
export function isPreviewOnly(post: Post): boolean {
  return !isVisible(post, { preview: false });
}

/**
 * The words of a post: its MDX source, or for a Markdown post the HTML Astro rendered while
 * loading (the loader does not keep both, see postsLoader).
 */
export function postText(post: Post): string {
  return post.body ?? post.rendered?.html ?? '';
}

const minutes = new Map<string, number>();

/** Reading time of a post, computed once per build (cards show it on many pages). */
export function minutesToRead(post: Post): number {
  let value = minutes.get(post.id);
  if (value === undefined) {
    value = readingTime(postText(post));
    minutes.set(post.id, value);
  }
  return value;
}

/** A build for the editor's preview (scripts/build.mjs run by the server with INNUNGSWISSEN_PREVIEW=1). */
export function isEditorPreview(): boolean {
  return process.env.INNUNGSWISSEN_PREVIEW === '1';
}
