import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const POST: APIRoute = ({ request, params, clientAddress }) => commentApi().report(request, params.id, clientAddress);
export const OPTIONS: APIRoute = ({ request }) => commentApi().options(request);
