/** The comparison's search text by messenger id, loaded by <messenger-compare> when the search field is first used. */
import type { APIRoute } from 'astro';
import { getMessengers } from '@/adapters/messengers/collection';
import { splitIndex, toIndexItems } from '@/lib/messengers/search';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(splitIndex(toIndexItems(await getMessengers())).texts), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
