/**
 * The buttons of /redaktion/fakten/ post here (a plain form, no JavaScript needed): "Stimmt noch" sets the
 * fact's check date (Berlin day) and checker (the signed-in editor); "Stimmt nicht mehr" stores a note for the
 * web person. Saved → 303 back to the list with a confirmation; refused → a German page with the reason
 * (404 unknown fact, 409 changed meanwhile with the current state, 422 no quote or no note). The server checks
 * the session and the request's origin before this runs; without `locals.editor` nothing is written.
 */
import type { APIRoute } from 'astro';
import { de } from '@/i18n/de';
import { berlinDay } from '@/lib/posts/publish';
import { cleanNote, DISPUTE_NOTE_MAX, DISPUTE_NOTE_MIN } from '@/lib/editor/facts-disputes';
import { refusalPage } from '@/lib/editor/facts-answer';
import { factsRoutes } from '@/lib/editor/facts-routes';
import { addDispute, confirmFactInFile } from '@/adapters/content/facts-files';

export const prerender = false;

const t = de.factsReview;

function refuse(status: number, reason: string, current?: Record<string, unknown>): Response {
  return new Response(refusalPage(reason, factsRoutes.list(), current), {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

export const POST: APIRoute = async ({ locals, request }) => {
  const editor = locals.editor;
  if (!editor) return refuse(401, de.editor.unauthorized);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(400, t.badRequest);
  }
  const messenger = field(form, 'messenger');
  const criterion = field(form, 'kriterium');
  const version = field(form, 'version');
  const action = field(form, 'aktion');
  if (!messenger || !criterion || !version || (action !== 'stimmt' && action !== 'hinweis')) return refuse(400, t.badRequest);
  const today = berlinDay(new Date());
  if (action === 'stimmt') {
    const result = confirmFactInFile(editor.contentDir, messenger, { criterion, by: editor.name, today, version });
    if (!result.ok) return refuse(result.status, result.reason, result.current);
  } else {
    const note = cleanNote(field(form, 'hinweis'));
    if (!note) return refuse(422, t.noteMissing(DISPUTE_NOTE_MIN, DISPUTE_NOTE_MAX));
    const result = addDispute(editor.contentDir, { date: today, messenger, criterion, by: editor.name, note, version });
    if (!result.ok) return refuse(result.status, result.reason, result.current);
  }
  return new Response(null, {
    status: 303,
    headers: { Location: factsRoutes.done(action, messenger, criterion), 'Cache-Control': 'no-store' },
  });
};

/** A bookmark or a reload of the action's address leads back to the list. */
export const GET: APIRoute = () => new Response(null, { status: 303, headers: { Location: factsRoutes.list() } });
