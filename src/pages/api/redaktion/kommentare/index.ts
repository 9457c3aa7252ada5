import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const GET: APIRoute = ({ request, locals }) => commentApi().moderationList(request, locals.editor);
