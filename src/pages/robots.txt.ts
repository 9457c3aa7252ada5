import type { APIRoute } from 'astro';
import { guild } from '@/lib/config';
import { url } from '@/lib/urls';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(url('sitemap-index.xml'), site ?? guild.siteUrl).toString();
  const body = ['User-agent: *', `Disallow: ${url('admin/')}`, `Disallow: ${url('api/')}`, `Disallow: ${url('redaktion/')}`, `Disallow: ${url('keystatic/')}`, '', `Sitemap: ${sitemap}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
