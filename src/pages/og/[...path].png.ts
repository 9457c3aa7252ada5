/** Share pictures (Open Graph, 1200 × 630 PNG), drawn at build time; see src/adapters/og/ and src/lib/og/layout.ts. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ogInput, ogPages, type OgPage } from '@/adapters/og/pages';
import { renderOgImageCached } from '@/adapters/og/render';

export const getStaticPaths = (async () => [...(await ogPages()).values()].map((page) => ({ params: { path: page.slug }, props: { page } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: OgPage }> = async ({ props }) => {
  const { png } = await renderOgImageCached(ogInput(props.page));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
