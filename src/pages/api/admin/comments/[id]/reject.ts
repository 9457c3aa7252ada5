import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const POST: APIRoute = ({ request, params, clientAddress }) => commentApi().adminSetStatus(request, params.id, 'rejected', clientAddress);
