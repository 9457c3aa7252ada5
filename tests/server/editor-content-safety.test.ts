/**
 * Editor content safety against the real server: a signed-in editor cannot save code, a script-carrying upload or a
 * file outside the collection folders (German 4xx JSON, nothing written); a payload put on disk by hand
 * stops the preview and the publish with its Datei:Zeile message and never runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../helpers/server';
import { editorSetup, publishStatus, signIn, waitForPublish, type EditorSetup } from '../helpers/editor';
import { holdBuildLock } from '../helpers/build';
import { ROOT } from '../helpers/paths';

// This file builds (preview and publish through the editor's publisher): it takes its turn.
let releaseBuildLock: (() => void) | undefined;
beforeAll(async () => {
  releaseBuildLock = await holdBuildLock();
}, 900_000);
afterAll(() => {
  releaseBuildLock?.();
  rmSync(MARKER_DIR, { recursive: true, force: true });
});

const MARKER_DIR = mkdtempSync(join(tmpdir(), 'innungswissen-payload-'));
const marker = (name: string) => join(MARKER_DIR, name);
/** Code that leaves a file behind if the build ever runs it. */
const run = (name: string) => `globalThis.process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker(name))}, 'lief')`;

const post = (body: string) =>
  `---\ntitle: Ein Beitrag mit Nutzlast\ndescription: Dieser Beitrag versucht, beim Bauen der Seite Code auf dem Server auszuführen.\npubDate: 2026-01-10\ncategory: Betrieb\ntags: [betrieb]\ndraft: false\n---\n\n${body}\n`;

/** Each class of payload (code in content, scripts in uploads), as a post body. */
const PAYLOADS: Record<string, string> = {
  import: "import { writeFileSync } from 'node:fs'\n\nText.",
  export: `export const x = ${run('export')}\n\nText.`,
  textExpression: `Text {${run('text')}} Text.`,
  flowExpression: `{${run('flow')}}`,
  blockProp: `<Hinweis titel={${run('prop')}}>\nText\n</Hinweis>`,
  arrayProp: `<MessengerComparison only={["whatsapp", ${run('array')}]} />`,
  templateLiteral: '<Hinweis titel={`x`}>\nText\n</Hinweis>',
  unknownComponent: '<Fremd />',
  script: '<script>{"alert(1)"}</script>',
  meta: '<meta http-equiv="refresh" content="0;url=https://boese.example" />',
  iframe: '<iframe srcdoc="<script>alert(1)</script>" />',
  onerror: '<img src="x.png" alt="Ein Bild" onerror="alert(1)" />',
  javascriptLink: '[Klick](JaVaScRiPt:alert(1))',
  entityLink: '<a href="&#106;avascript:alert(1)">Klick</a>',
  dataLink: '[Klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  vbscriptLink: '[Klick](%20vbscript:msgbox(1))'.replace('%20', ' '),
  // Astro imports a local MDX image as a module whatever its type: a YAML source file would run as JavaScript.
  imageImport: '![Ein Bild](../sources/W1.yaml)',
  imageRaw: '![Ein Bild](./whatsapp-im-unternehmen/bild.png?raw)',
};

/** A 1 × 1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('saving through the editor API', () => {
  let setup: EditorSetup;
  let server: RunningServer;
  let save: (additions: Array<[string, Buffer | string]>, deletions?: string[]) => Promise<Response>;
  beforeAll(async () => {
    setup = editorSetup();
    server = await startServer(setup.env);
    const cookie = await signIn(server.url);
    const headers = { Cookie: cookie, 'no-cors': '1', 'Content-Type': 'application/json', Origin: server.url };
    save = (additions, deletions = []) =>
      fetch(`${server.url}/api/keystatic/update`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          additions: additions.map(([path, c]) => ({ path, contents: Buffer.from(c).toString('base64url') })),
          deletions: deletions.map((path) => ({ path })),
        }),
      });
  });
  afterAll(() => server?.stop());

  async function expectRefused(response: Response, status: RegExp, message: RegExp) {
    expect(String(response.status)).toMatch(status);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const answer = (await response.json()) as { error: { message: string } };
    expect(answer.error.message).toMatch(message);
    return answer;
  }

  it.each(Object.entries(PAYLOADS))(
    'refuses a post with %s: 422, the post named by title, no path, nothing written',
    async (kind, body) => {
      const path = `posts/nutzlast-${kind.toLowerCase()}.mdx`;
      const answer = await expectRefused(await save([[path, post(body)]]), /^422$/, /^Nicht gespeichert.*Beitrag „[^“]+“, Feld „/);
      expect(answer.error.message).not.toMatch(/content\/|\.mdx|:\d+ – /);
      expect(answer).toMatchObject({ error: { code: 'content_refused', file: `content/${path}` } });
      expect(existsSync(join(setup.contentDir, path)), path).toBe(false);
    },
  );

  it("refuses a javascript: address in a source file and in a post's sources", async () => {
    await expectRefused(
      await save([['sources/BOESE.yaml', 'title: Eine Quelle\nurl: " javascript:alert(1)"\n']]),
      /^422$/,
      /^Nicht gespeichert: Quelle „Eine Quelle“, Feld „Adresse \(https:\/\/…; leer, wenn keine bestätigt ist\)“: erwartet /,
    );
    expect(existsSync(join(setup.contentDir, 'sources/BOESE.yaml'))).toBe(false);
    const sources = post('Text.').replace('draft: false\n', 'draft: false\nsources:\n  - title: Quelle\n    url: "vbscript:msgbox(1)"\n');
    await expectRefused(
      await save([['posts/quelle-boese.mdx', sources]]),
      /^422$/,
      /Feld „Quellen, Nr\. 1 › Adresse \(https:\/\/…\)“: erwartet /,
    );
  });

  it('refuses paths outside the collection folders, dotfiles and writes through a symlink', async () => {
    for (const path of ['postsEVIL/x.mdx', 'posts/.gitignore', '.git/hooks/post-commit', 'messengers/bild.png']) {
      await expectRefused(await save([[path, post('Text.')]]), /^4\d\d$/, /Nicht gespeichert|nur Bilder/);
      expect(existsSync(join(setup.contentDir, path)), path).toBe(false);
    }
  });

  it('takes a real PNG, refuses SVG, HTML, a dotfile, HTML named .jpg, 11 MB and a 300-character name', async () => {
    const dir = 'posts/whatsapp-im-unternehmen';
    const refused: Array<[string, Buffer | string, RegExp]> = [
      ['bild.svg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', /nur Bilder/],
      ['seite.html', '<!doctype html><script>alert(1)</script>', /nur Bilder/],
      ['.htaccess', 'x', /nur Bilder/],
      ['.bild.png', PNG, /Benennen Sie die Datei um/],
      ['foto.jpg', Buffer.concat([Buffer.from('<html><script>alert(1)</script>'), PNG]), /heißt wie ein Bild, ist aber keines/],
      ['gross.png', Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]), /höchstens 10 MB/],
      // More than the server reads at all (20 MB of base64): the answer still names the picture limit.
      ['riesig.png', Buffer.concat([PNG, Buffer.alloc(16 * 1024 * 1024)]), /Ein Bild darf höchstens 10 MB haben/],
      [`${'a'.repeat(300)}.png`, PNG, /Benennen Sie die Datei um in „a+\.png“/],
    ];
    for (const [name, contents, message] of refused) {
      await expectRefused(await save([[`${dir}/${name}`, contents]]), /^4\d\d$/, message);
      expect(existsSync(join(setup.contentDir, dir, name)), name).toBe(false);
    }
    const ok = await save([[`${dir}/foto-1.png`, PNG]]);
    expect(ok.status).toBe(200);
    expect(readFileSync(join(setup.contentDir, dir, 'foto-1.png'))).toEqual(PNG);
  });
});

describe('the browser editor', () => {
  it('shows the German message of a refused save, not the raw JSON answer', () => {
    const dir = join(ROOT, 'dist-editor', '_editor');
    const bundle = readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    expect(bundle).not.toMatch(/throw new Error\(await \w+\.text\(\)\)/);
    expect(bundle.match(/JSON\.parse\(\w+\)\.error\.message/g)).toHaveLength(2);
  });
});

describe('a payload written to disk by hand', () => {
  let setup: EditorSetup;
  let server: RunningServer;
  beforeAll(async () => {
    setup = editorSetup();
    server = await startServer(setup.env);
  });
  afterAll(() => server?.stop());

  it('stops the preview and the publish with its Datei:Zeile message and never runs', async () => {
    const cookie = await signIn(server.url);
    const body = `${PAYLOADS.export}\n\n${PAYLOADS.textExpression}\n`;
    writeFileSync(join(setup.contentDir, 'posts', 'von-hand.mdx'), post(body));
    const headers = { Cookie: cookie, Origin: server.url };

    const previewSince = Date.now();
    expect((await fetch(`${server.url}/api/redaktion/vorschau`, { method: 'POST', headers })).status).toBe(202);
    const deadline = Date.now() + 240_000;
    let preview = (await publishStatus(server.url, cookie)) as unknown as {
      preview: { building: boolean; queued: boolean; last: { ok: boolean; finishedAt: string; error?: string } | null };
    };
    while (
      !(preview.preview.last && Date.parse(preview.preview.last.finishedAt) >= previewSince && !preview.preview.building) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 250));
      preview = (await publishStatus(server.url, cookie)) as unknown as typeof preview;
    }
    expect(preview.preview.last).toMatchObject({ ok: false, error: expect.stringMatching(/von-hand\.mdx:10 – import\/export – /) });

    const since = Date.now();
    expect((await fetch(`${server.url}/api/redaktion/veroeffentlichen`, { method: 'POST', headers })).status).toBe(202);
    const status = await waitForPublish(server.url, cookie, since);
    expect(status.last?.ok).toBe(false);
    expect(status.last?.error).toMatch(/von-hand\.mdx:10 – import\/export – [\s\S]*von-hand\.mdx:14 – Ausdruck – /);
    expect(existsSync(marker('export')), 'the export ran').toBe(false);
    expect(existsSync(marker('text')), 'the expression ran').toBe(false);
    expect((await fetch(`${server.url}/beitraege/von-hand/`)).status).toBe(404);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  }, 600_000);
});
