import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postsLoader } from './lib/posts/loader';
import { postSchema } from './lib/posts/schema';
import { messengerSchema, sourceSchema } from './lib/messengers/schema';
import { contentDir, sharedContentDir, sharedPosts } from './adapters/content-dir';

const posts = defineCollection({
  // Several guilds: the shared posts too, without those the site opted out of (src/adapters/content-dir.ts).
  loader: postsLoader({ pattern: '**/*.{md,mdx}', base: `${contentDir()}/posts` }, sharedPosts()),
  schema: ({ image }) => postSchema(image()),
});

const messengers = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${sharedContentDir()}/messengers` }),
  schema: messengerSchema,
});

/** The comparison comes from the shared content (src/adapters/content-dir.ts): one file per source, content/sources/<key>.yaml; the file name (e.g. T1) is the key facts cite, case kept. */
const sources = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${sharedContentDir()}/sources`, generateId: ({ entry }) => entry.replace(/\.yaml$/, '') }),
  schema: sourceSchema,
});

export const collections = { posts, messengers, sources };
