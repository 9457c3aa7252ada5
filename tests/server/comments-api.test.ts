import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer, type RunningServer } from '../helpers/server';
import { withModerator, THREAD, admin, formToken, postJson, tempDb } from '../helpers/comments';
import { EDITOR, signIn } from '../helpers/editor';
import { erasureLogPath } from '@/adapters/comments/erasure-log';

let server: RunningServer;
let base: string;
/** Form tokens are single-use: a pool fetched at the start, old enough (1 s) for every post below. */
const tokens: string[] = [];
const token = () => tokens.pop()!;
let dbPath: string;
let seq = 0;
const comment = (extra: Record<string, unknown> = {}) => ({
  thread: THREAD,
  text: `Ein Kommentar Nummer ${++seq} zum Datenschutz.`,
  consent: true,
  website: '',
  formToken: token(),
  ...extra,
});

beforeAll(async () => {
  dbPath = tempDb();
  server = await startServer({
    COMMENTS_DB: dbPath,
    ...withModerator(),
    COMMENTS_MIN_SUBMIT_SECONDS: '1',
    COMMENTS_RATE_LIMIT: '0',
    COMMENTS_ALLOWED_ORIGINS: 'https://partner.example',
  });
  base = server.url;
  for (let i = 0; i < 60; i++) tokens.push(await formToken(base));
  await sleep(1100);
});
afterAll(() => server?.stop());

async function approve(id: number) {
  expect((await admin(base, `/${id}/approve`, 'POST')).status).toBe(200);
}

describe('writing and moderating a comment over HTTP', () => {
  it('creates the database file and its folder on first start', () => {
    expect(existsSync(dbPath)).toBe(true);
  });

  it('post → pending (not listed) → approve → listed with sanitised HTML and counted', async () => {
    const response = await postJson(
      base,
      comment({ author: 'Meisterin Weber', text: 'Wir nutzen **Threema Work**. <script>alert(1)</script>' }),
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: number; status: string; editToken: string };
    expect(created).toMatchObject({ status: 'pending', editToken: expect.any(String) });

    let thread = await (await fetch(`${base}/api/comments?thread=${THREAD}`)).json();
    expect(thread.comments.map((c: { id: number }) => c.id)).not.toContain(created.id);

    await approve(created.id);
    thread = await (await fetch(`${base}/api/comments?thread=${THREAD}`)).json();
    const listed = thread.comments.find((c: { id: number }) => c.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      parentId: null,
      author: 'Meisterin Weber',
      html: expect.stringContaining('<strong>Threema Work</strong>'),
      createdAt: expect.stringMatching(/^\d{4}-/),
    });
    expect(listed.html).not.toContain('<script');
    expect(thread.count).toBe(thread.comments.length);

    const counts = await fetch(`${base}/api/comments/counts?threads=${THREAD},business-messenger-checkliste,gibt-es-nicht`);
    expect(counts.headers.get('cache-control')).toBe('private, no-store');
    expect(await counts.json()).toEqual({ counts: { [THREAD]: thread.count, 'business-messenger-checkliste': 0 } });
  });

  it('lists approved comments oldest first and attaches a reply to a reply to the top comment', async () => {
    const top = (await (await postJson(base, comment())).json()) as { id: number };
    await approve(top.id);
    const reply = (await (await postJson(base, comment({ parentId: top.id }))).json()) as { id: number };
    await approve(reply.id);
    const nested = (await (await postJson(base, comment({ parentId: reply.id }))).json()) as { id: number };
    await approve(nested.id);
    const thread = await (await fetch(`${base}/api/comments?thread=${THREAD}`)).json();
    const byId = new Map(thread.comments.map((c: { id: number; parentId: number | null }) => [c.id, c.parentId]));
    expect(byId.get(reply.id)).toBe(top.id);
    expect(byId.get(nested.id)).toBe(top.id);
    const times = thread.comments.map((c: { createdAt: string }) => c.createdAt);
    expect([...times].sort()).toEqual(times);
  });

  it('lets the author edit and delete with the edit token, nobody else', async () => {
    const created = (await (await postJson(base, comment())).json()) as { id: number; editToken: string };
    const patch = (editToken: string) =>
      fetch(`${base}/api/comments/${created.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-Edit-Token': editToken },
        body: JSON.stringify({ text: 'Korrigiert: *besser*' }),
      });
    const wrong = await patch('falsch');
    expect(wrong.status).toBe(403);
    expect((await wrong.json()).error.code).toBe('invalid_edit_token');
    const right = await patch(created.editToken);
    expect(right.status).toBe(200);
    expect((await right.json()).html).toBe('<p>Korrigiert: <em>besser</em></p>');
    const removed = await fetch(`${base}/api/comments/${created.id}`, { method: 'DELETE', headers: { 'X-Edit-Token': created.editToken } });
    expect(removed.status).toBe(204);
    expect(
      (await fetch(`${base}/api/comments/${created.id}`, { method: 'DELETE', headers: { 'X-Edit-Token': created.editToken } })).status,
    ).toBe(404);
  });

  it('puts a reported comment back in front of the moderator', async () => {
    const created = (await (await postJson(base, comment())).json()) as { id: number };
    await approve(created.id);
    const report = await fetch(`${base}/api/comments/${created.id}/report`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ reason: 'Werbung' }),
    });
    expect(report.status).toBe(202);
    const reported = await (await admin(base, '?status=reported')).json();
    expect(reported.comments).toEqual([expect.objectContaining({ id: created.id, reportReason: 'Werbung', reportCount: 1 })]);
    expect(reported.counts.reported).toBe(1);
  });

  it('exports everything stored about a comment and deletes it for good (Art. 15/17)', async () => {
    const created = (await (await postJson(base, comment({ author: 'Auskunft' }))).json()) as { id: number };
    const exported = await admin(base, `/${created.id}/export`);
    expect(exported.headers.get('content-disposition')).toContain(`kommentar-${created.id}.json`);
    expect((await exported.json()).comment).toMatchObject({ id: created.id, author: 'Auskunft', thread: THREAD, status: 'pending' });
    expect((await admin(base, `/${created.id}`, 'DELETE')).status).toBe(204);
    expect((await admin(base, `/${created.id}/export`)).status).toBe(404);
  });

  it('rejects: a rejected comment is not listed', async () => {
    const created = (await (await postJson(base, comment())).json()) as { id: number };
    expect((await admin(base, `/${created.id}/reject`, 'POST')).status).toBe(200);
    const rejected = await (await admin(base, '?status=rejected')).json();
    expect(rejected.comments.map((c: { id: number }) => c.id)).toContain(created.id);
  });

  it('stores no IP address, user agent or e-mail', async () => {
    await postJson(base, comment({ text: 'Speicher-Test mit einem eindeutigen Wort Quastenflosser.' }), {
      'User-Agent': 'UA-Kennung-4711',
      'X-Forwarded-For': '203.0.113.99',
    });
    const bytes =
      readFileSync(dbPath).toString('latin1') + (existsSync(`${dbPath}-wal`) ? readFileSync(`${dbPath}-wal`).toString('latin1') : '');
    expect(bytes).toContain('Quastenflosser');
    expect(bytes).not.toMatch(/127\.0\.0\.1|203\.0\.113\.99|UA-Kennung-4711/);
  });
});

describe('form posts without JavaScript', () => {
  it('answers 303 back to the comment page with a German notice', async () => {
    const form = new URLSearchParams({
      thread: THREAD,
      author: 'Ohne JS',
      text: 'Per Formular geschickt.',
      consent: 'true',
      website: '',
      formToken: token(),
    });
    const response = await fetch(`${base}/beitraege/${THREAD}/kommentare/`, { method: 'POST', body: form, redirect: 'manual' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toBe(`/beitraege/${THREAD}/kommentare/?hinweis=pending#kommentar-formular`);
    const page = await (await fetch(base + location)).text();
    expect(page).toContain('Ihr Kommentar wartet auf Freigabe');
  });

  it('keeps what was typed when the form has an error: 422 with the rendered page, no redirect', async () => {
    const form = new URLSearchParams({
      thread: THREAD,
      author: 'Ohne JS',
      text: 'Ohne Häkchen geschrieben.',
      website: '',
      formToken: token(),
    });
    const response = await fetch(`${base}/beitraege/${THREAD}/kommentare/`, { method: 'POST', body: form, redirect: 'manual' });
    expect(response.status).toBe(422);
    expect(response.headers.get('location')).toBeNull();
    const page = await response.text();
    expect(page).toContain('Bitte stimmen Sie der Speicherung Ihres Kommentars zu.');
    expect(page).toContain('Ohne Häkchen geschrieben.');
  });

  it('the comment page carries a fresh form token and the approved comments', async () => {
    const page = await (await fetch(`${base}/beitraege/${THREAD}/kommentare/`)).text();
    expect(page).toMatch(/name="formToken" value="\d+\.[\w-]+\.[\w-]+"/);
    expect(page).toContain('Meisterin Weber');
    expect((await fetch(`${base}/beitraege/gibt-es-nicht/kommentare/`)).status).toBe(404);
  });
});

describe('bad requests get a JSON error with a German message', () => {
  const expectError = async (response: Response, status: number, code: string) => {
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error).toMatchObject({ code, message: expect.any(String) });
    expect(body.error.message).toMatch(/[a-zäöüß]/);
    return body.error;
  };

  it('400 for broken JSON and for an empty text, with the field', async () => {
    await expectError(
      await fetch(`${base}/api/comments`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{kaputt' }),
      400,
      'invalid_json',
    );
    const error = await expectError(await postJson(base, comment({ text: '' })), 400, 'text_required');
    expect(error.fields).toEqual([{ field: 'text', code: 'text_required', message: 'Bitte schreiben Sie einen Kommentar.' }]);
  });

  it('404 for a thread that is not a published article, a draft or an unknown comment', async () => {
    await expectError(await postJson(base, comment({ thread: 'gibt-es-nicht' })), 404, 'unknown_thread');
    await expectError(await postJson(base, comment({ thread: 'draft-post' })), 404, 'unknown_thread');
    await expectError(await fetch(`${base}/api/comments?thread=future-post`), 404, 'unknown_thread');
    await expectError(await fetch(`${base}/api/comments/999999`, { method: 'DELETE', headers: { 'X-Edit-Token': 'x' } }), 404, 'not_found');
  });

  it('413 for a body over 16 kB', async () => {
    await expectError(await postJson(base, comment({ text: 'x'.repeat(17 * 1024) })), 413, 'body_too_large');
  });

  it('415 for a content type other than JSON or a form', async () => {
    await expectError(
      await fetch(`${base}/api/comments`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Hallo' }),
      415,
      'unsupported_media_type',
    );
  });

  it('422 without consent and for a duplicate text', async () => {
    await expectError(await postJson(base, comment({ consent: false })), 422, 'consent_required');
    const text = 'Genau dieser Text kommt zweimal.';
    expect((await postJson(base, comment({ text }))).status).toBe(201);
    await expectError(await postJson(base, comment({ text: `  ${text.toUpperCase()} ` })), 422, 'duplicate');
  });

  it('400 too_fast for a fresh token, invalid_form_token for a missing or forged one', async () => {
    await expectError(await postJson(base, comment({ formToken: await formToken(base) })), 400, 'too_fast');
    await expectError(await postJson(base, comment({ formToken: undefined })), 400, 'invalid_form_token');
    await expectError(
      await postJson(base, comment({ formToken: token().replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) })),
      400,
      'invalid_form_token',
    );
  });

  it('400 for a filled honeypot', async () => {
    await expectError(await postJson(base, comment({ website: 'https://spam.example' })), 400, 'honeypot');
  });

  it('403 for a write from a foreign site; CORS for an allowed origin', async () => {
    await expectError(await postJson(base, comment(), { Origin: 'https://evil.example' }), 403, 'forbidden_origin');
    const allowed = await postJson(base, comment(), { Origin: 'https://partner.example' });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
  });
});

describe('moderation is for signed-in editors of the Redaktion', () => {
  it('401 in German without a session, 403 from another site, and nothing changes', async () => {
    const created = (await (await postJson(base, comment())).json()) as { id: number };
    const none = await fetch(`${base}/api/redaktion/kommentare/${created.id}/approve`, { method: 'POST', headers: { Origin: base } });
    expect(none.status).toBe(401);
    expect((await none.json()).error).toEqual({ code: 'unauthorized', message: 'Bitte melden Sie sich an.' });
    expect((await admin(base, `/${created.id}/approve`, 'POST', 'redaktion_sitzung=falsch')).status).toBe(401);
    expect((await admin(base, `/${created.id}`, 'DELETE', 'redaktion_sitzung=falsch')).status).toBe(401);
    expect((await admin(base, '?status=pending', 'GET', '')).status).toBe(401);
    // A signed-in editor's browser tricked by another site: the session alone is not enough for a write.
    const cookie = await signIn(base);
    for (const origin of ['https://partner.example', 'https://evil.example']) {
      const crossSite = await fetch(`${base}/api/redaktion/kommentare/${created.id}/approve`, {
        method: 'POST',
        headers: { Cookie: cookie, Origin: origin },
      });
      expect(crossSite.status, origin).toBe(403);
      expect((await crossSite.json()).error.code).toBe('forbidden_origin');
    }
    const pending = await (await admin(base, '?status=pending')).json();
    expect(pending.comments.map((c: { id: number }) => c.id)).toContain(created.id);
  });

  it('records who approved, rejected or erased a comment', async () => {
    const approved = (await (await postJson(base, comment())).json()) as { id: number };
    const answer = await admin(base, `/${approved.id}/approve`, 'POST');
    expect(await answer.json()).toEqual({ id: approved.id, status: 'approved', moderatedBy: EDITOR.name });
    const list = (await (await admin(base, '?status=approved')).json()) as { comments: Array<{ id: number; moderatedBy: string | null }> };
    expect(list.comments.find((c) => c.id === approved.id)?.moderatedBy).toBe(EDITOR.name);
    const rejected = (await (await postJson(base, comment())).json()) as { id: number };
    await admin(base, `/${rejected.id}/reject`, 'POST');
    const rejectedList = (await (await admin(base, '?status=rejected')).json()) as {
      comments: Array<{ id: number; moderatedBy: string | null }>;
    };
    expect(rejectedList.comments.find((c) => c.id === rejected.id)?.moderatedBy).toBe(EDITOR.name);
    expect((await admin(base, `/${approved.id}`, 'DELETE')).status).toBe(204);
    const log = readFileSync(erasureLogPath(dbPath), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: number; by?: string });
    expect(log.find((entry) => entry.id === approved.id)?.by).toBe(EDITOR.name);
  });

  it('API answers are never stored in shared caches and carry the security headers', async () => {
    const response = await admin(base, '?status=pending');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
  });
});

describe('switches', () => {
  it('a start with the retired COMMENTS_ADMIN_TOKEN says in German that it is ignored, and the old addresses are gone', async () => {
    const other = await startServer({ COMMENTS_DB: tempDb(), COMMENTS_ADMIN_TOKEN: 'ein-alter-schluessel-0123456789abcdef' });
    try {
      expect(other.output()).toContain(
        'COMMENTS_ADMIN_TOKEN wird nicht mehr verwendet; Moderation unter /redaktion/kommentare/ mit einem Redaktionskonto',
      );
      const old = await fetch(`${other.url}/api/admin/comments?status=pending`, {
        headers: { Authorization: 'Bearer ein-alter-schluessel-0123456789abcdef' },
      });
      expect(old.status).toBe(404);
      const page = await fetch(`${other.url}/admin/kommentare/`, { redirect: 'manual' });
      expect(page.status).toBe(301);
      expect(page.headers.get('location')).toBe('/redaktion/kommentare/');
    } finally {
      await other.stop();
    }
  });

  it('post-moderation publishes at once; the rate limit answers 429 with Retry-After', async () => {
    const other = await startServer({
      COMMENTS_DB: tempDb(),
      COMMENTS_MODERATION: 'post',
      COMMENTS_RATE_LIMIT: '2',
      COMMENTS_MIN_SUBMIT_SECONDS: '0',
    });
    try {
      const t = [await formToken(other.url), await formToken(other.url), await formToken(other.url)];
      const first = await postJson(other.url, { thread: THREAD, text: 'Sofort sichtbar.', consent: true, website: '', formToken: t[0] });
      expect(await first.json()).toMatchObject({ status: 'approved' });
      expect((await (await fetch(`${other.url}/api/comments?thread=${THREAD}`)).json()).count).toBe(1);
      expect((await postJson(other.url, { thread: THREAD, text: 'Zweiter.', consent: true, website: '', formToken: t[1] })).status).toBe(
        201,
      );
      const limited = await postJson(other.url, { thread: THREAD, text: 'Dritter.', consent: true, website: '', formToken: t[2] });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await limited.json()).error.code).toBe('rate_limited');
    } finally {
      await other.stop();
    }
  });
});
