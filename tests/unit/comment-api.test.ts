import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/adapters/comments/db';
import { CommentStore } from '@/adapters/comments/store';
import { createCommentApi } from '@/lib/comments/api';
import { readSettings } from '@/lib/comments/settings';
import type { ErasedComment } from '@/lib/comments/erasure';
import { tempDb } from '../helpers/comments';

/** The API handlers on a real SQLite file with a clock we can move. */
function setup() {
  let clock = Date.parse('2026-11-28T10:00:00Z');
  const store = new CommentStore(openDatabase(tempDb()));
  const api = createCommentApi({
    store,
    settings: { ...readSettings({ COMMENTS_MIN_SUBMIT_SECONDS: '0' }, 30) },
    threads: async () => new Set(['beitrag']),
    siteOrigin: 'https://innung.example',
    commentsPage: (slug) => `/beitraege/${slug}/kommentare/`,
    now: () => clock,
  });
  const advance = (ms: number) => (clock += ms);
  const post = async (text: string) => {
    const body = { thread: 'beitrag', text, consent: true, website: '', formToken: api.newFormToken() };
    const response = await api.post(
      new Request('http://x/api/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      '192.0.2.1',
    );
    return (await response.json()) as { id: number; editToken: string };
  };
  const edit = (id: number, token: string) =>
    api.patch(
      new Request(`http://x/api/comments/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-edit-token': token },
        body: JSON.stringify({ text: 'neu' }),
      }),
      String(id),
      '192.0.2.1',
    );
  return { api, store, advance, post, edit };
}

describe('edit window and retention', () => {
  it('allows editing for 15 minutes after posting, then refuses with edit_window_closed', async () => {
    const { advance, post, edit } = setup();
    const created = await post('Erster Text');
    advance(14 * 60 * 1000);
    expect((await edit(created.id, created.editToken)).status).toBe(200);
    advance(61 * 1000);
    const late = await edit(created.id, created.editToken);
    expect(late.status).toBe(403);
    expect((await late.json()).error.code).toBe('edit_window_closed');
  });

  it('purges rejected comments after 30 days, and keeps approved ones', async () => {
    const { api, store, advance, post } = setup();
    const rejected = await post('Wird abgelehnt');
    const approved = await post('Wird freigegeben');
    store.setStatus(rejected.id, 'rejected', Date.parse('2026-11-28T10:00:00Z'));
    store.setStatus(approved.id, 'approved', Date.parse('2026-11-28T10:00:00Z'));
    advance(29 * 24 * 3600 * 1000);
    expect(api.purgeRejected()).toBe(0);
    advance(2 * 24 * 3600 * 1000);
    expect(api.purgeRejected()).toBe(1);
    expect(store.get(rejected.id)).toBeUndefined();
    expect(store.get(approved.id)?.status).toBe('approved');
  });

  it('re-renders every stored comment from its Markdown source', async () => {
    const { store, post } = setup();
    const created = await post('*alt*');
    expect(store.rerenderAll((text) => `<p>${text.toUpperCase()}</p>`)).toBe(1);
    expect(store.get(created.id)?.html).toBe('<p>*ALT*</p>');
  });
});

describe('failures inside the API', () => {
  it('answer 500 with the German JSON error when the database is gone', async () => {
    const store = new CommentStore(openDatabase(tempDb()));
    const api = createCommentApi({
      store,
      settings: readSettings({ COMMENTS_MIN_SUBMIT_SECONDS: '0' }, 30),
      threads: async () => new Set(['beitrag']),
      siteOrigin: 'https://innung.example',
      commentsPage: (slug) => `/beitraege/${slug}/kommentare/`,
    });
    const token = api.newFormToken();
    (store as unknown as { db: { close: () => void } }).db.close();
    const body = JSON.stringify({ thread: 'beitrag', text: 'Hallo', consent: true, website: '', formToken: token });
    const response = await api.post(
      new Request('http://x/api/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      '192.0.2.1',
    );
    expect(response.status).toBe(500);
    expect((await response.json()).error).toEqual({
      code: 'internal',
      message: 'Auf dem Server ist ein Fehler aufgetreten. Ihr Kommentar wurde nicht gespeichert.',
    });
  });
});

describe('moderation by a signed-in editor', () => {
  it('refuses without an editor (401, German), and records who approved, rejected and erased', async () => {
    const erased: ErasedComment[] = [];
    const store = new CommentStore(openDatabase(tempDb()), { record: (entries) => void erased.push(...entries) });
    const api = createCommentApi({
      store,
      settings: readSettings({ COMMENTS_MIN_SUBMIT_SECONDS: '0' }, 30),
      threads: async () => new Set(['beitrag']),
      siteOrigin: 'https://innung.example',
      commentsPage: (slug) => `/beitraege/${slug}/kommentare/`,
    });
    const post = async (text: string) => {
      const body = JSON.stringify({ thread: 'beitrag', text, consent: true, website: '', formToken: api.newFormToken() });
      return (
        (await (
          await api.post(
            new Request('http://x/api/comments', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
            '192.0.2.1',
          )
        ).json()) as { id: number }
      ).id;
    };
    const first = await post('Erster Kommentar');
    const second = await post('Zweiter Kommentar');
    const refused = api.moderate(undefined, String(first), 'approved');
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toEqual({ code: 'unauthorized', message: 'Bitte melden Sie sich in der Redaktion an.' });
    expect(api.moderationList(new Request('http://x/api/redaktion/kommentare'), undefined).status).toBe(401);
    expect(api.moderationCounts().pending).toBe(2);

    const anna = { name: 'Anna Beispiel' };
    expect(await api.moderate(anna, String(first), 'approved').json()).toEqual({
      id: first,
      status: 'approved',
      moderatedBy: 'Anna Beispiel',
    });
    await api.moderate({ name: 'Bernd Muster' }, String(second), 'rejected').json();
    expect(store.get(first)?.moderatedBy).toBe('Anna Beispiel');
    expect(store.get(second)?.moderatedBy).toBe('Bernd Muster');
    expect(api.moderationCounts().pending).toBe(0);
    // The Art. 15 export is about the commenter: the moderator's name is not in it.
    expect((await api.exportComment(anna, String(first)).json()).comment).not.toHaveProperty('moderatedBy');
    expect(api.erase(anna, String(first)).status).toBe(204);
    expect(erased).toEqual([expect.objectContaining({ id: first, by: 'Anna Beispiel' })]);
  });
});
