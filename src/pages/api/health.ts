import type { APIRoute } from 'astro';
import { buildId, version } from '@/lib/ops/build-info';
import { healthResponse } from '@/adapters/ops/health';

export const prerender = false;
export const GET: APIRoute = () => healthResponse(process.env.COMMENTS_DB || './data/comments.db', buildId, version);
