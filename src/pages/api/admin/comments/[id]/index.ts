import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const DELETE: APIRoute = ({ request, params, clientAddress }) => commentApi().adminDelete(request, params.id, clientAddress);
