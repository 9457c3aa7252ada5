import type { APIRoute } from 'astro';
import { guild } from '@/lib/config';
import { EDITOR_PATH_PREFIXES } from '@/lib/editor/paths';
import { url } from '@/lib/urls';

/** Not for crawlers: the APIs (the editor's included) and every editor page. */
const PRIVATE = ['/api', ...EDITOR_PATH_PREFIXES.filter((prefix) => !prefix.startsWith('/api/'))];

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(url('sitemap-index.xml'), site ?? guild.siteUrl).toString();
  const body = ['User-agent: *', ...PRIVATE.map((prefix) => `Disallow: ${url(`${prefix}/`)}`), '', `Sitemap: ${sitemap}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
