import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { postSchema } from './lib/posts/schema';
import { contentDir } from './lib/files/content-dir';

const posts = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${contentDir()}/posts` }),
  schema: ({ image }) => postSchema(image()),
});

export const collections = { posts };
