import type { APIRoute } from 'astro';
import { commentApi } from '../../../../lib/comments/instance';

export const prerender = false;
export const PATCH: APIRoute = ({ request, params }) => commentApi().patch(request, params.id);
export const DELETE: APIRoute = ({ request, params }) => commentApi().remove(request, params.id);
export const OPTIONS: APIRoute = ({ request }) => commentApi().options(request);
