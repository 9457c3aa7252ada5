import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const POST: APIRoute = ({ params, locals }) => commentApi().moderate(locals.editor, params.id, 'rejected');
