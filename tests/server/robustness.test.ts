import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startServer, type RunningServer } from '../helpers/server';
import { tempDb } from '../helpers/comments';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ COMMENTS_DB: tempDb() });
});
afterAll(() => server?.stop());

/** A raw request, so the malformed path reaches the server unchanged. */
function rawGet(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the server keeps running on bad input', () => {
  it('answers a malformed URL escape with an error status and serves the next request', async () => {
    const status = await rawGet('/%E0%A4%A');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(await rawGet('/')).toBe(200);
    expect(server.process.exitCode).toBeNull();
  });

  it('answers a path that climbs above the root with 400, never a file from elsewhere', async () => {
    expect(await rawGet('/../../package.json')).toBe(400);
    expect(await rawGet('/%2e%2e/%2e%2e/package.json')).toBe(400);
    expect(await rawGet('/beitraege/../../package.json')).toBe(400);
  });
});
