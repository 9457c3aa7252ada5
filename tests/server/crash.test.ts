import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server';
import { withModerator, THREAD, admin, formToken, tempDb } from '../helpers/comments';

describe('an acknowledged comment survives a crash', () => {
  it('kill -9 while comments are being posted loses none that got a 201', async () => {
    const db = tempDb();
    const env = { COMMENTS_DB: db, ...withModerator(), COMMENTS_RATE_LIMIT: '0', COMMENTS_MIN_SUBMIT_SECONDS: '0' };
    const server = await startServer(env);
    // Each form token posts once: a pool fetched before the stream starts.
    const tokens = (
      await Promise.all(Array.from({ length: 20 }, () => Promise.all(Array.from({ length: 20 }, () => formToken(server.url)))))
    ).flat();
    const acknowledged = new Map<number, string>();
    let attempts = 0;
    let stop = false;

    const writer = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const text = `Absturztest ${worker}-${i}: Ist dieser Kommentar nach dem Neustart noch da?`;
        attempts++;
        try {
          const token = tokens.pop() ?? (await formToken(server.url));
          const response = await fetch(`${server.url}/api/comments`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ thread: THREAD, text, consent: true, website: '', formToken: token }),
          });
          if (response.status === 201) acknowledged.set(((await response.json()) as { id: number }).id, text);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    // Kill in the middle of the stream, at an arbitrary write.
    while (acknowledged.size < 150) await new Promise((r) => setTimeout(r, 5));
    await server.stop('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.size).toBeGreaterThanOrEqual(150);

    const restarted = await startServer(env);
    try {
      const pending = (await (await admin(restarted.url, '?status=pending')).json()) as { comments: Array<{ id: number; text: string }> };
      const stored = new Map(pending.comments.map((c) => [c.id, c.text]));
      const missing = [...acknowledged].filter(([id, text]) => stored.get(id) !== text);
      expect(missing).toEqual([]);
      expect(attempts).toBeGreaterThanOrEqual(acknowledged.size);
    } finally {
      await restarted.stop();
    }
  }, 120_000); // two server starts, 400 form tokens and 150+ posts on a shared 2-core machine
});
