/** The quotes behind the comparison's facts by `messenger/criterion`, loaded when a reader first opens a "Beleg". */
import type { APIRoute } from 'astro';
import { getMessengers } from '@/adapters/messengers/collection';
import { evidenceIndex } from '@/lib/messengers/evidence';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(evidenceIndex(await getMessengers())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
