/**
 * What a save through the browser editor may write. The pure rules, and the
 * server's guard on a temporary content folder (symlinks, quota), before Keystatic writes anything.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGE_EXTENSIONS, imageTypeOf, MAX_UPLOAD_BYTES, suggestName, UPLOAD_NAME, uploadRefusal } from '@/lib/editor/uploads';
import { classifyAddition, deletionRefusal, type EditorFolders } from '@/lib/editor/update-paths';
import { updateRefusal } from '../../server/editor/update-guard';
import { ROOT } from '../helpers/paths';

const FOLDERS: EditorFolders = {
  collections: { 'posts/': ['mdx', 'md'], 'messengers/': ['yaml', 'yml'], 'sources/': ['yaml', 'yml'] },
  pictures: ['posts/'],
};

/** A 1 × 1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8L')]);
const AVIF = Buffer.concat([Buffer.from([0, 0, 0, 28]), Buffer.from('ftypavif'), Buffer.from([0, 0, 0, 0]), Buffer.from('avifmif1miaf')]);
const HTML = Buffer.from('<!doctype html><script>alert(1)</script>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe('uploads are pictures', () => {
  it('recognises png, jpeg, gif, webp and avif by their first bytes, and nothing else', () => {
    expect([PNG, JPEG, GIF, WEBP, AVIF, HTML, SVG].map((b) => imageTypeOf(b))).toEqual([
      'png',
      'jpeg',
      'gif',
      'webp',
      'avif',
      undefined,
      undefined,
    ]);
  });

  it('accepts a real picture with an allowed name', () => {
    expect(uploadRefusal('foto-1.png', PNG)).toBeUndefined();
    expect(uploadRefusal('bild.jpeg', JPEG)).toBeUndefined();
    expect(uploadRefusal('bild.avif', AVIF)).toBeUndefined();
  });

  it.each([
    ['bild.svg', SVG, /nur Bilder/],
    ['seite.html', HTML, /nur Bilder/],
    ['.gitignore', Buffer.from('*\n'), /nur Bilder/],
    ['.versteckt.png', PNG, /Benennen Sie die Datei um in „versteckt\.png“/],
    ['bild.jpg', HTML, /heißt wie ein Bild, ist aber keines/],
    ['bild.jpg', PNG, /heißt wie ein Bild, ist aber keines/],
    ['Foto Ärger.PNG', PNG, /umbenennen|Benennen Sie die Datei um in „foto-aerger\.png“/],
    ['bild\n"$(id)".png', PNG, /Benennen Sie die Datei um/],
    [`${'a'.repeat(300)}.png`, PNG, /Benennen Sie die Datei um in „a{77}\.png“/],
    ['con.png', PNG, /Windows/],
    ['gross.png', Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES)]), /höchstens 10 MB/],
  ])('refuses %j in German', (name, bytes, message) => {
    expect(uploadRefusal(name, bytes)?.message).toMatch(message);
  });

  it('suggests a name that passes the rule', () => {
    for (const name of ['Foto Ärger.PNG', '..x.jpg', `${'ü'.repeat(200)}.jpeg`, 'NUL.png', '---.gif'])
      expect(suggestName(name)).toMatch(UPLOAD_NAME);
  });
});

describe('paths a save may write', () => {
  it('accepts entries in the collection folders and pictures below a post folder', () => {
    expect(classifyAddition('posts/neuer-beitrag.mdx', FOLDERS)).toEqual({ kind: 'entry', path: 'posts/neuer-beitrag.mdx' });
    expect(classifyAddition('sources/BNetzA.yaml', FOLDERS).kind).toBe('entry');
    expect(classifyAddition('posts/neuer-beitrag/bild.png', FOLDERS)).toMatchObject({ kind: 'upload', name: 'bild.png' });
  });

  it.each([
    'postsEVIL/x.mdx',
    'posts',
    'posts/',
    '../package.json',
    'posts/../../x.mdx',
    'posts/./x.mdx',
    'posts\\x.mdx',
    'messengers/x/bild.png',
    '.git/hooks/post-commit',
    'posts//x.mdx',
  ])('refuses %j as outside the collection folders', (path) =>
    expect(classifyAddition(path, FOLDERS)).toMatchObject({ kind: 'refused', message: expect.stringContaining('Nicht gespeichert') }),
  );

  it.each(['posts/.gitignore', 'posts/x.yaml', 'messengers/x.mdx', 'posts/con.mdx', 'posts/a b.mdx', 'posts/.x/bild.png'])(
    'refuses the name in %j',
    (path) => {
      expect(classifyAddition(path, FOLDERS)).toMatchObject({ kind: 'refused' });
    },
  );

  it('lets a deletion remove any file inside a collection folder, nothing outside', () => {
    expect(deletionRefusal('posts/Alter Name.png', FOLDERS)).toBeUndefined();
    expect(deletionRefusal('postsEVIL/x.mdx', FOLDERS)).toMatch(/Nicht gespeichert/);
  });
});

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const body = (additions: Array<[string, Buffer | string]>, deletions: string[] = []) =>
  Buffer.from(
    JSON.stringify({
      additions: additions.map(([path, contents]) => ({ path, contents: b64(contents) })),
      deletions: deletions.map((path) => ({ path })),
    }),
  );
const POST = (text: string) =>
  `---\ntitle: Ein Beitrag\ndescription: Eine Beschreibung, die lang genug für Vorschau und Suche ist.\npubDate: 2026-01-10\ncategory: Datenschutz\ntags: [datenschutz]\ndraft: true\n---\n\n${text}\n`;

function contentFolder(): { root: string; content: string } {
  const root = mkdtempSync(join(tmpdir(), 'innungswissen-guard-'));
  const content = join(root, 'content');
  mkdirSync(join(content, 'posts'), { recursive: true });
  mkdirSync(join(content, 'sources'));
  writeFileSync(join(root, 'package.json'), '{}');
  return { root, content };
}

describe('the update guard (server/editor/update-guard.ts)', () => {
  it('lets a clean post and a picture through', async () => {
    const { content } = contentFolder();
    expect(
      await updateRefusal(
        content,
        body([
          ['posts/a.mdx', POST('<Hinweis titel="x">\nText\n</Hinweis>')],
          ['posts/a/bild.png', PNG],
        ]),
        FOLDERS,
      ),
    ).toBeUndefined();
  });

  it('refuses a post with code with 422, naming the post by its title; the path only in `file`, for the log', async () => {
    const { content } = contentFolder();
    const refusal = await updateRefusal(content, body([['posts/a.mdx', POST("import fs from 'node:fs'")]]), FOLDERS);
    expect(refusal).toMatchObject({ status: 422, error: { code: 'content_refused', file: 'content/posts/a.mdx' } });
    expect(refusal!.error.message).toMatch(/^Nicht gespeichert: Beitrag „[^“]+“, Feld „import\/export“: /);
    expect(refusal!.error.message).not.toMatch(/content\/|\.mdx|:\d+ – /);
  });

  it('refuses a javascript: address in a source file', async () => {
    const { content } = contentFolder();
    const refusal = await updateRefusal(content, body([['sources/X.yaml', 'title: Quelle X\nurl: "JaVaScRiPt:alert(1)"\n']]), FOLDERS);
    expect(refusal).toMatchObject({
      status: 422,
      error: { message: expect.stringMatching(/^Nicht gespeichert: Quelle „Quelle X“, Feld „Adresse \(https:/) },
    });
    expect(refusal!.error.problems!.join(' ')).not.toMatch(/content\/|\.yaml|– url –|:\d+ – /);
  });

  it('refuses writing and deleting through a symlink, inside or out of content/', async () => {
    const { root, content } = contentFolder();
    symlinkSync(root, join(content, 'posts', 'raus'));
    symlinkSync(join(content, 'sources'), join(content, 'posts', 'drinnen'));
    symlinkSync(join(root, 'package.json'), join(content, 'posts', 'paket.mdx'));
    for (const update of [
      body([['posts/raus/bild.png', PNG]]),
      body([['posts/drinnen/bild.png', PNG]]),
      body([['posts/paket.mdx', POST('Text')]]),
      body([], ['posts/raus/package.json']),
    ]) {
      expect(await updateRefusal(content, update, FOLDERS)).toMatchObject({
        status: 400,
        error: { code: 'path_refused', message: expect.stringContaining('Symlink') },
      });
    }
  });

  it('refuses deleting a folder (Keystatic deletes files only) and lets a file go', async () => {
    const { content } = contentFolder();
    mkdirSync(join(content, 'posts', 'a'));
    writeFileSync(join(content, 'posts', 'a.mdx'), 'x');
    expect(await updateRefusal(content, body([], ['posts/a']), FOLDERS)).toMatchObject({ status: 400 });
    expect(await updateRefusal(content, body([], ['posts/a.mdx']), FOLDERS)).toBeUndefined();
  });

  it('refuses an update past the content quota, counting replaced files once', async () => {
    const { content } = contentFolder();
    writeFileSync(join(content, 'posts', 'a.mdx'), 'x'.repeat(1000));
    expect(
      await updateRefusal(content, body([['posts/b/bild.png', Buffer.concat([PNG, Buffer.alloc(2000)])]]), FOLDERS, 2500),
    ).toMatchObject({ status: 413, error: { code: 'quota' } });
    expect(await updateRefusal(content, body([['posts/a.mdx', POST('Text')]]), FOLDERS, 1500)).toBeUndefined();
  });

  it("refuses a body that is not Keystatic's update", async () => {
    const { content } = contentFolder();
    for (const raw of ['kein json', '{}', '{"additions":[{"path":1}],"deletions":[]}']) {
      expect(await updateRefusal(content, Buffer.from(raw), FOLDERS)).toMatchObject({ status: 400, error: { code: 'bad_update' } });
    }
  });
});

describe('what the guide tells editors about uploads comes from the constants', () => {
  it('docs/redaktion.md names the size limit and every allowed format', async () => {
    const { readFileSync } = await import('node:fs');
    const guide = readFileSync(join(ROOT, 'docs/redaktion.md'), 'utf8');
    expect(guide).toContain(`höchstens ${MAX_UPLOAD_BYTES / 1024 / 1024} MB je Datei`);
    for (const format of new Set(Object.values(IMAGE_EXTENSIONS)))
      expect(guide.toLowerCase()).toContain(format === 'jpeg' ? 'jpg' : format);
  });
});

describe('the update check cannot be walked around (server/editor/keystatic-api.ts)', () => {
  it('reads the path as Keystatic does and refuses every other spelling of the update address', async () => {
    const { KeystaticApi, keystaticParams } = await import('../../server/editor/keystatic-api');
    for (const path of ['/api/keystatic//%75pdate/', '/api/keystatic/x/../update', '/api/keystatic/%2e%2e/keystatic/update'])
      expect(keystaticParams(path)).toEqual(['update']);
    const { content } = contentFolder();
    const api = new KeystaticApi(content);
    const evil = body([['posts/a.mdx', POST("import fs from 'node:fs'")]]);
    expect(await api.refusal('/api/keystatic/update', evil)).toMatchObject({ status: 422 });
    for (const path of ['/api/keystatic//%75pdate/', '/api/keystatic/x/../update', '/api/keystatic/update/'])
      expect(await api.refusal(path, evil), path).toMatchObject({ status: 400 });
    expect(await api.refusal('/api/keystatic/%E0', undefined)).toMatchObject({ status: 400 });
  });

  it('takes the collection folders from the editor config, each with its "/"', async () => {
    const { KeystaticApi } = await import('../../server/editor/keystatic-api');
    expect(await new KeystaticApi('/nirgends').folders()).toEqual({
      collections: { 'posts/': ['mdx', 'md'], 'messengers/': ['yaml', 'yml'], 'sources/': ['yaml', 'yml'] },
      pictures: ['posts/'],
    });
  });

  it('refuses reading a file through a symlink', async () => {
    const { KeystaticApi } = await import('../../server/editor/keystatic-api');
    const { root, content } = contentFolder();
    symlinkSync(join(root, 'package.json'), join(content, 'posts', 'paket.mdx'));
    const api = new KeystaticApi(content);
    expect(await api.refusal('/api/keystatic/blob/0123/posts/paket.mdx', undefined)).toMatchObject({ status: 404 });
    symlinkSync(root, join(content, 'posts', 'raus'));
    expect(await api.refusal('/api/keystatic/blob/0123/posts/raus/package.json', undefined)).toMatchObject({ status: 404 });
    expect(await api.refusal('/api/keystatic/blob/0123/posts/echt.mdx', undefined)).toBeUndefined();
  });
});

describe('over-long names are refused, never a server error', () => {
  it('refuses a 300-character entry, folder or deletion name', () => {
    const long = 'a'.repeat(300);
    expect(classifyAddition(`posts/${long}.mdx`, FOLDERS)).toMatchObject({ kind: 'refused' });
    expect(classifyAddition(`posts/${long}/bild.png`, FOLDERS)).toMatchObject({ kind: 'refused' });
    expect(deletionRefusal(`posts/${long}.png`, FOLDERS)).toMatch(/Nicht gespeichert/);
  });
});

it('tells the editor what to rename a 300-character picture to', () => {
  const verdict = classifyAddition(`posts/a/${'b'.repeat(300)}.png`, FOLDERS);
  expect(verdict).toMatchObject({ kind: 'upload' });
  expect(uploadRefusal((verdict as { name: string }).name, PNG)?.message).toMatch(/Benennen Sie die Datei um in „b{77}\.png“/);
});

describe('what is in content/ today can be saved again', () => {
  it('every entry and picture in the collection folders of content/ passes the path rules', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const walk = (dir: string, prefix = ''): string[] =>
      readdirSync(dir).flatMap((name) =>
        statSync(join(dir, name)).isDirectory() ? walk(join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`],
      );
    // Files outside the collection folders (e.g. aenderungen.yaml) are not the editor's to write.
    const files = walk(join(ROOT, 'content')).filter((path) => Object.keys(FOLDERS.collections).some((folder) => path.startsWith(folder)));
    expect(files.length).toBeGreaterThan(40);
    const refused = files
      .map((path) => [path, classifyAddition(path, FOLDERS)] as const)
      .filter(([, verdict]) => verdict.kind === 'refused');
    expect(refused).toEqual([]);
  });
});
