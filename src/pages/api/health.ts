import type { APIRoute } from 'astro';
import { buildId, version } from '@/lib/ops/build-info';
import { healthResponse } from '@/adapters/ops/health';
import { commentsDbPath } from '@/lib/config/data-paths';

export const prerender = false;
export const GET: APIRoute = () => healthResponse(commentsDbPath(process.env), buildId, version);
