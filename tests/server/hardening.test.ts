/**
 * Comment hardening against the real server: single-use form tokens, edits going back to moderation, cleaned
 * names, own-property lookups, no-JS refusals rendered (never redirected with the text), every write
 * rate-limited, the full-origin check, slowed admin guessing, and no shared caching of API answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server';
import { withModerator, THREAD, admin, formToken, postJson, tempDb } from '../helpers/comments';

let server: RunningServer;
let base: string;
let seq = 0;
const text = () => `Härtetest ${++seq}: ein Kommentar zum Datenschutz.`;
async function post(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}, url = base) {
  return postJson(url, { thread: THREAD, text: text(), consent: true, website: '', formToken: await formToken(url), ...extra }, headers);
}
const patch = (url: string, id: number, editToken: string, body: string) =>
  fetch(`${url}/api/comments/${id}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', 'X-Edit-Token': editToken },
    body: JSON.stringify({ text: body }),
  });

beforeAll(async () => {
  server = await startServer({
    COMMENTS_DB: tempDb(),
    ...withModerator(),
    COMMENTS_MIN_SUBMIT_SECONDS: '0',
    COMMENTS_RATE_LIMIT: '0',
    COMMENTS_ALLOWED_ORIGINS: 'https://partner.example',
  });
  base = server.url;
});
afterAll(() => server?.stop());

describe('form tokens', () => {
  it('post once: the same token a second time is refused', async () => {
    const token = await formToken(base);
    expect((await post({ formToken: token })).status).toBe(201);
    const again = await post({ formToken: token });
    expect(again.status).toBe(400);
    expect((await again.json()).error).toMatchObject({ code: 'form_token_used', message: expect.stringContaining('schon abgeschickt') });
  });

  it('a refused post does not use up its token', async () => {
    const token = await formToken(base);
    expect((await post({ formToken: token, consent: false })).status).toBe(422);
    expect((await post({ formToken: token })).status).toBe(201);
  });
});

describe('an author editing an approved comment', () => {
  it('under pre-moderation sends it back to "pending": unlisted until approved again', async () => {
    const created = (await (await post()).json()) as { id: number; editToken: string };
    expect((await admin(base, `/${created.id}/approve`, 'POST')).status).toBe(200);
    const edited = await patch(base, created.id, created.editToken, 'Jetzt steht hier Werbung.');
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ id: created.id, status: 'pending' });
    const thread = await (await fetch(`${base}/api/comments?thread=${THREAD}`)).json();
    expect(thread.comments.map((c: { id: number }) => c.id)).not.toContain(created.id);
    const pending = await (await admin(base, '?status=pending')).json();
    expect(pending.comments).toContainEqual(expect.objectContaining({ id: created.id, text: 'Jetzt steht hier Werbung.', edited: true }));
  });

  it('under post-moderation keeps it visible and lists it as edited for the moderator', async () => {
    const other = await startServer({
      COMMENTS_DB: tempDb(),
      ...withModerator(),
      COMMENTS_MIN_SUBMIT_SECONDS: '0',
      COMMENTS_RATE_LIMIT: '0',
      COMMENTS_MODERATION: 'post',
    });
    try {
      const created = (await (await post({}, {}, other.url)).json()) as { id: number; editToken: string; status: string };
      expect(created.status).toBe('approved');
      expect((await admin(other.url, '?status=edited')).status).toBe(200);
      expect((await (await admin(other.url, '?status=edited')).json()).comments).toEqual([]);
      expect(await (await patch(other.url, created.id, created.editToken, 'Geänderter Text.')).json()).toMatchObject({
        status: 'approved',
      });
      const edited = await (await admin(other.url, '?status=edited')).json();
      expect(edited.comments).toEqual([expect.objectContaining({ id: created.id, edited: true, status: 'approved' })]);
      expect(edited.counts.edited).toBe(1);
      await admin(other.url, `/${created.id}/approve`, 'POST');
      expect((await (await admin(other.url, '?status=edited')).json()).comments).toEqual([]);
    } finally {
      await other.stop();
    }
  });
});

describe('names and text', () => {
  it('lose bidi overrides, zero-width and control characters, ANSI escapes and piled-up accents', async () => {
    const created = (await (
      await post({
        author: '\u202EnnaM\u200B\u0000 \u001b[31mRot\u001b[0m e' + '\u0301'.repeat(79),
        text: 'Text\u200B mit\u202E Steuerzeichen\u0007.',
      })
    ).json()) as { id: number };
    const stored = (await (await admin(base, `/${created.id}/export`)).json()).comment;
    expect(stored.author).toBe(`nnaM Rot \u00e9${'\u0301'.repeat(4)}`);
    expect(stored.text).toBe('Text mit Steuerzeichen.');
  });

  it('fall back to "Gast" when nothing visible is left, and are rendered in <bdi>', async () => {
    const created = (await (await post({ author: '\u200B\u200E\u2066 \u0000' })).json()) as { id: number };
    expect((await (await admin(base, `/${created.id}/export`)).json()).comment.author).toBe('Gast');
    await admin(base, `/${created.id}/approve`, 'POST');
    const page = await (await fetch(`${base}/beitraege/${THREAD}/kommentare/`)).text();
    expect(page).toMatch(/data-author[^>]*><bdi>Gast<\/bdi>/);
  });
});

describe('the no-JavaScript comment page', () => {
  it.each(['valueOf', 'constructor', 'toString', '__proto__'])('renders in full with ?fehler=%s', async (code) => {
    const response = await fetch(`${base}/beitraege/${THREAD}/kommentare/?fehler=${code}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('</html>');
    expect(page).not.toContain('[object Object]');
    expect(page).not.toContain('data-notice');
  });

  it('answers a refused post with the page (status, German error, the input) and puts no text in any header', async () => {
    const long = `Ein langer Kommentar ohne Zustimmung. ${'Wort '.repeat(900)}`;
    const form = new URLSearchParams({
      thread: THREAD,
      author: 'Formular-Franz',
      text: long,
      website: '',
      formToken: await formToken(base),
    });
    const response = await fetch(`${base}/beitraege/${THREAD}/kommentare/`, { method: 'POST', body: form, redirect: 'manual' });
    expect(response.status).toBe(422);
    const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
    expect(headers).not.toContain('Formular-Franz');
    expect(headers).not.toContain('Zustimmung');
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const page = await response.text();
    expect(page).toContain('Bitte stimmen Sie der Speicherung Ihres Kommentars zu.');
    expect(page).toContain('value="Formular-Franz"');
    expect(page).toContain('Ein langer Kommentar ohne Zustimmung.');
  });

  it('a form from an older page posted to the API goes back with the notice only', async () => {
    const form = new URLSearchParams({
      thread: THREAD,
      author: 'Alt',
      text: 'Geheimer Text im alten Formular.',
      website: '',
      formToken: await formToken(base),
    });
    const response = await fetch(`${base}/api/comments`, { method: 'POST', body: form, redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/beitraege/${THREAD}/kommentare/?fehler=consent_required#kommentar-formular`);
  });

  it('answers 429 with Retry-After over the rate limit', async () => {
    const other = await startServer({ COMMENTS_DB: tempDb(), COMMENTS_MIN_SUBMIT_SECONDS: '0', COMMENTS_RATE_LIMIT: '1' });
    try {
      const send = async (body: string) =>
        fetch(`${other.url}/beitraege/${THREAD}/kommentare/`, {
          method: 'POST',
          redirect: 'manual',
          body: new URLSearchParams({ thread: THREAD, text: body, consent: 'true', website: '', formToken: await formToken(other.url) }),
        });
      expect((await send('Erster Kommentar.')).status).toBe(303);
      const limited = await send('Zweiter Kommentar, zu schnell.');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.text()).toContain('Zweiter Kommentar, zu schnell.');
    } finally {
      await other.stop();
    }
  });
});

describe('rate limit and origin', () => {
  it('counts edits, deletions and reports against the same budget as posts', async () => {
    const other = await startServer({
      COMMENTS_DB: tempDb(),
      ...withModerator(),
      COMMENTS_MIN_SUBMIT_SECONDS: '0',
      COMMENTS_RATE_LIMIT: '3',
      COMMENTS_MODERATION: 'post',
    });
    try {
      const created = (await (await post({}, {}, other.url)).json()) as { id: number; editToken: string };
      expect((await patch(other.url, created.id, created.editToken, 'Erste Änderung.')).status).toBe(200);
      expect(
        (
          await fetch(`${other.url}/api/comments/${created.id}/report`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"reason":"Test"}',
          })
        ).status,
      ).toBe(202);
      const fourth = await patch(other.url, created.id, created.editToken, 'Zweite Änderung.');
      expect(fourth.status).toBe(429);
      expect((await fourth.json()).error.code).toBe('rate_limited');
      const removed = await fetch(`${other.url}/api/comments/${created.id}`, {
        method: 'DELETE',
        headers: { 'X-Edit-Token': created.editToken },
      });
      expect(removed.status).toBe(429);
    } finally {
      await other.stop();
    }
  });

  it('compares scheme, host and port of Origin, not the host alone', async () => {
    const port = new URL(base).port;
    for (const origin of [
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${Number(port) + 1}`,
      'http://partner.example',
      'https://partner.example:8443',
      'null',
    ]) {
      const response = await post({}, { Origin: origin });
      expect(response.status, origin).toBe(403);
    }
    expect((await post({}, { Origin: `http://127.0.0.1:${port}` })).status).toBe(201);
    expect((await post({}, { Origin: 'https://partner.example:443' })).status).toBe(201);
  });

  it('answers the CORS preflight of an allowed origin for PATCH with the edit key', async () => {
    const response = await fetch(`${base}/api/comments/1`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://partner.example', 'Access-Control-Request-Method': 'PATCH' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://partner.example');
    expect(response.headers.get('access-control-allow-headers')).toContain('X-Edit-Token');
  });
});

describe('moderation login', () => {
  it('there is no moderation key to guess: a made-up session is 401, the Redaktion login (throttled, tests/server/login-guard.test.ts) is the only way in', async () => {
    const other = await startServer({ COMMENTS_DB: tempDb(), ...withModerator() });
    try {
      for (let i = 0; i < 10; i++)
        expect((await admin(other.url, '?status=pending', 'GET', `redaktion_sitzung=falsch-${i}`)).status).toBe(401);
      expect((await admin(other.url, '?status=pending')).status).toBe(200);
      const bearer = await fetch(`${other.url}/api/redaktion/kommentare?status=pending`, {
        headers: { Authorization: 'Bearer irgendwas' },
      });
      expect(bearer.status).toBe(401);
    } finally {
      await other.stop();
    }
  });
});

describe('caching', () => {
  it('every /api/ answer is private, no-store – including the thread, the counts and 303s', async () => {
    const answers = [
      await fetch(`${base}/api/comments?thread=${THREAD}`),
      await fetch(`${base}/api/comments/counts?threads=${THREAD}`),
      await fetch(`${base}/api/comments/form-token`),
      await fetch(`${base}/api/comments?thread=gibt-es-nicht`),
    ];
    for (const response of answers) expect(response.headers.get('cache-control'), response.url).toBe('private, no-store');
  });
});
