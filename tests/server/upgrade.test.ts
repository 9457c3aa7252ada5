import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../helpers/server';
import { withModerator, admin, formToken } from '../helpers/comments';
import { SCHEMA_VERSION } from '@/adapters/comments/db';
import { FIXTURE_COMMENTS, FIXTURE_SECRET, RELEASES } from '../fixtures/db/releases';

const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.stop())));

const byId = new Map(FIXTURE_COMMENTS.map((c) => [c.id, c]));

describe.each(RELEASES.map((r) => r.version))('today’s server on a database of schema %i', (version) => {
  it('keeps every comment, report and status, and the API works', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'innungswissen-upgrade-')), 'comments.db');
    copyFileSync(join(import.meta.dirname, '../fixtures/db', `v${version}.db`), path);
    // Rejected comments are purged 30 days after rejection by design: date the fixture's rejection today.
    const prepare = new Database(path);
    prepare.prepare(`UPDATE comments SET status_changed_at = ? WHERE status = 'rejected'`).run(Date.now());
    prepare.close();

    const server = await startServer({ COMMENTS_DB: path, ...withModerator(), COMMENTS_MIN_SUBMIT_SECONDS: '0', COMMENTS_RATE_LIMIT: '0' });
    servers.push(server);
    const base = server.url;

    for (const thread of new Set(FIXTURE_COMMENTS.map((c) => c.thread))) {
      const expected = FIXTURE_COMMENTS.filter((c) => c.thread === thread && c.status === 'approved');
      const listed = (await (await fetch(`${base}/api/comments?thread=${thread}`)).json()) as { count: number; comments: unknown[] };
      expect(listed.count).toBe(expected.length);
      expect(listed.comments).toEqual(
        expected.map((c) =>
          expect.objectContaining({
            id: c.id,
            parentId: c.parentId,
            author: c.author,
            html: c.html,
            createdAt: new Date(c.createdAt).toISOString(),
          }),
        ),
      );
    }
    const counts = await (
      await fetch(`${base}/api/comments/counts?threads=whatsapp-im-unternehmen,business-messenger-checkliste,eu-us-data-privacy-framework`)
    ).json();
    expect(counts).toEqual({
      counts: { 'whatsapp-im-unternehmen': 3, 'business-messenger-checkliste': 1, 'eu-us-data-privacy-framework': 1 },
    });

    for (const status of ['pending', 'rejected'] as const) {
      const list = (await (await admin(base, `?status=${status}`)).json()) as { comments: Array<{ id: number; text: string }> };
      expect(list.comments.map((c) => [c.id, c.text])).toEqual(
        FIXTURE_COMMENTS.filter((c) => c.status === status).map((c) => [c.id, c.text]),
      );
    }
    const reported = (await (await admin(base, '?status=reported')).json()) as { comments: unknown[] };
    expect(reported.comments).toEqual([expect.objectContaining({ id: 3, reportCount: 1, reportReason: 'Werbung?', status: 'approved' })]);
    const edited = (await (await admin(base, '/2/export')).json()) as { comment: { updatedAt: string; text: string } };
    expect(edited.comment).toMatchObject({ updatedAt: new Date(byId.get(2)!.updatedAt!).toISOString(), text: byId.get(2)!.text });

    // Writing, moderating and reporting still work on the upgraded file.
    const created = await fetch(`${base}/api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        thread: 'eu-us-data-privacy-framework',
        parentId: 7,
        text: 'Nach dem Update geschrieben.',
        consent: true,
        website: '',
        formToken: await formToken(base),
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(id).toBeGreaterThan(7);
    expect((await admin(base, `/${id}/approve`, 'POST')).status).toBe(200);
    expect((await admin(base, '/4/approve', 'POST')).status).toBe(200);
    const thread = (await (await fetch(`${base}/api/comments?thread=eu-us-data-privacy-framework`)).json()) as {
      comments: Array<{ id: number; parentId: number | null }>;
    };
    expect(thread.comments.map((c) => [c.id, c.parentId])).toEqual([
      [7, null],
      [id, 7],
    ]);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    await server.stop();

    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.prepare(`SELECT value FROM meta WHERE key = 'form-token-secret'`).get()).toEqual({ value: FIXTURE_SECRET });
    after.close();
  }, 120_000);
});
