import type { APIRoute } from 'astro';
import { buildId, version } from '@/lib/ops/build-info';
import { healthResponse } from '@/adapters/ops/health';
import { commentsDbFor } from '@/adapters/comments/db-path';

export const prerender = false;
export const GET: APIRoute = () => healthResponse(commentsDbFor(), buildId, version);
