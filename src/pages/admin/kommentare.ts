/**
 * The moderation's old address: moderation moved into the Redaktion (one login for editors and
 * moderators). Bookmarks keep working: a permanent redirect to the new page, which asks for the login.
 */
import type { APIRoute } from 'astro';
import { editorPaths } from '@/lib/editor/paths';

export const prerender = false;
export const GET: APIRoute = () => new Response(null, { status: 301, headers: { Location: editorPaths.comments } });
