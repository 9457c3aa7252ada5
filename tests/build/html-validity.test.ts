/**
 * Every built page is valid HTML according to the W3C's Nu Html Checker (vnu-jar from npm, run with
 * the machine's Java; all pages in one Java start). The server-rendered comment page is checked too.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TEST_CLIENT } from '../helpers/paths';
import { startServer, type RunningServer } from '../helpers/server';
import { THREAD, tempDb } from '../helpers/comments';

const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? htmlFiles(full) : entry.name.endsWith('.html') ? [full] : [];
  });
}

interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ COMMENTS_DB: tempDb() });
});
afterAll(() => server?.stop());

describe('HTML validity (Nu Html Checker)', () => {
  it('reports no error on any built page or on the server-rendered comment page', async () => {
    const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (java.error) throw new Error('Für diese Prüfung wird Java (ab Version 11) gebraucht, z. B. „apt-get install default-jre-headless“.');
    const files = htmlFiles(TEST_CLIENT);
    expect(files.length).toBeGreaterThan(20);
    const rendered = join(mkdtempSync(join(tmpdir(), 'vnu-')), 'kommentarseite.html');
    writeFileSync(rendered, await (await fetch(`${server.url}/beitraege/${THREAD}/kommentare/`)).text());
    const result = spawnSync('java', ['-Xss2m', '-jar', VNU, '--format', 'json', '--errors-only', ...files, rendered], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(result.stderr || '{"messages":[]}') as { messages: VnuMessage[] };
    const errors = report.messages
      .filter((m) => m.type === 'error' || m.subType === 'fatal')
      .map(
        (m) =>
          `${relative(TEST_CLIENT, decodeURIComponent(new URL(m.url).pathname))}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` – ${m.extract.trim().slice(0, 120)}` : ''}`,
      );
    expect(errors).toEqual([]);
  }, 240_000);
});
