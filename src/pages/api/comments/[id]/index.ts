import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const PATCH: APIRoute = ({ request, params, clientAddress }) => commentApi().patch(request, params.id, clientAddress);
export const DELETE: APIRoute = ({ request, params, clientAddress }) => commentApi().remove(request, params.id, clientAddress);
export const OPTIONS: APIRoute = ({ request }) => commentApi().options(request);
