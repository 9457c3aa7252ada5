import type { APIRoute } from 'astro';
import { commentApi } from '@/adapters/comments/instance';

export const prerender = false;
export const DELETE: APIRoute = ({ params, locals }) => commentApi().erase(locals.editor, params.id);
