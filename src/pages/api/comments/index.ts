import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const GET: APIRoute = ({ request }) => commentApi().getThread(request);
export const POST: APIRoute = ({ request, clientAddress }) => commentApi().post(request, clientAddress);
export const OPTIONS: APIRoute = ({ request }) => commentApi().options(request);
