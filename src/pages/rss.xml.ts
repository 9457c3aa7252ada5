import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPosts } from '@/adapters/posts/collection';
import { guild } from '@/lib/config';
import { routes } from '@/lib/urls';

export const GET: APIRoute = async ({ site }) => {
  const posts = await getPosts();
  return rss({
    title: guild.name,
    description: guild.description,
    site: site ?? guild.siteUrl,
    customData: '<language>de-de</language>',
    items: posts.map((post) => ({
      title: post.data.title,
      description: post.data.description,
      pubDate: post.data.pubDate,
      link: routes.post(post.id),
      categories: [post.data.category, ...post.data.tags],
    })),
  });
};
