import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const GET: APIRoute = ({ params, locals }) => commentApi().exportComment(locals.editor, params.id);
