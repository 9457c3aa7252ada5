import { describe, expect, it } from 'vitest';
import { checkPosts, formatProblem, type SourceFile } from '../../src/lib/content-check';

const valid = (name: string, extra = '', body = 'Text.') => ({
  file: `content/posts/${name}`,
  source: `---\ntitle: Ein gültiger Beitrag\ndescription: Eine Beschreibung, die lang genug für Vorschau und Suche ist.\npubDate: 2026-01-10\ncategory: Datenschutz\ntags: [datenschutz, whatsapp]\n${extra}---\n\n${body}\n`,
});

function only(files: SourceFile[]) {
  return checkPosts(files);
}

describe('content check: every problem with file, line, field and a German fix', () => {
  it('passes valid posts', () => {
    expect(only([valid('a.md'), valid('b.mdx')])).toEqual([]);
  });

  it('reports a missing title with file and field', () => {
    const file = { file: 'content/posts/ohne-titel.md', source: '---\ndescription: Eine Beschreibung, die lang genug für Vorschau und Suche ist.\npubDate: 2026-01-10\ncategory: Datenschutz\ntags: [datenschutz]\n---\nText' };
    const [problem] = only([file]);
    expect(problem).toMatchObject({ file: 'content/posts/ohne-titel.md', field: 'title', message: 'fehlt: Titel des Beitrags' });
    expect(formatProblem(problem!)).toMatch(/^content\/posts\/ohne-titel\.md:1 – title – fehlt: Titel des Beitrags – Tragen Sie/);
  });

  it('reports a malformed date on its line', () => {
    const file = valid('datum.md').source.replace('pubDate: 2026-01-10', 'pubDate: 01.03.2019');
    const [problem] = only([{ file: 'content/posts/datum.md', source: file }]);
    expect(problem).toMatchObject({ line: 4, field: 'pubDate', message: expect.stringContaining('JJJJ-MM-TT') });
  });

  it('reports a description that is too long', () => {
    const file = valid('lang.md').source.replace(/description: .*/, `description: ${'x'.repeat(200)}`);
    const [problem] = only([{ file: 'content/posts/lang.md', source: file }]);
    expect(problem).toMatchObject({ line: 3, field: 'description', message: expect.stringContaining('höchstens 160 Zeichen') });
  });

  it('suggests the existing tag for a near-miss spelling', () => {
    const typo = { file: 'content/posts/c.md', source: valid('c.md').source.replace('tags: [datenschutz, whatsapp]', 'tags: [datenschuz]') };
    const problems = only([valid('a.md'), valid('b.md'), typo]);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/posts/c.md', field: 'tags', message: 'unbekanntes Thema „datenschuz“ – meinten Sie datenschutz?' })]);
  });

  it('reports a broken link to another post on its line', () => {
    const problems = only([valid('a.md'), valid('b.md', '', 'Zeile eins\n\nSiehe [hier](/beitraege/gibt-es-nicht/).')]);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/posts/b.md', line: 11, field: 'Link', message: expect.stringContaining('„gibt-es-nicht“') })]);
  });

  it('accepts a link to an existing post', () => {
    expect(only([valid('a.md'), valid('b.md', '', '[A](/beitraege/a/)')])).toEqual([]);
  });

  it('reports an image without alt text', () => {
    const problems = only([valid('bild.md', '', '![](./foto.jpg)')]);
    expect(problems).toEqual([expect.objectContaining({ field: 'Bild', message: expect.stringContaining('ohne Alternativtext') })]);
  });

  it('reports a cover image without alt', () => {
    const problems = only([valid('cover.md', 'cover:\n  src: ./bild.jpg\n')]);
    expect(problems).toEqual([expect.objectContaining({ field: 'cover.alt', line: 7, message: expect.stringContaining('Alternativtext') })]);
  });

  it('reports an unknown MDX component and suggests the right one', () => {
    const problems = only([valid('x.mdx', '', 'Text\n\n<Hinwies>Achtung</Hinwies>')]);
    expect(problems).toEqual([expect.objectContaining({ field: 'Baustein', message: 'unbekannter Baustein <Hinwies> – meinten Sie <Hinweis>?' })]);
  });

  it('reports invalid YAML and a missing front matter', () => {
    const problems = only([
      { file: 'content/posts/yaml.md', source: '---\ntitle: [kaputt\n---\nText' },
      { file: 'content/posts/leer.md', source: 'Nur Text' },
    ]);
    expect(problems.map((p) => p.file)).toEqual(['content/posts/leer.md', 'content/posts/yaml.md']);
    expect(problems[0]!.message).toContain('Kopfbereich');
  });

  it('reports a published post that still has the placeholder description', () => {
    const file = valid('platzhalter.md').source.replace(/description: .*/, 'description: "Platzhalter: Fassen Sie den Beitrag in ein bis zwei Sätzen zusammen."');
    expect(only([{ file: 'content/posts/platzhalter.md', source: file }])).toEqual([expect.objectContaining({ field: 'description', message: expect.stringContaining('Platzhalter') })]);
    expect(only([{ file: 'content/posts/platzhalter.md', source: file.replace('---\n\n', 'draft: true\n---\n\n') }])).toEqual([]);
  });

  it('reports every problem of every file at once', () => {
    const bad = { file: 'content/posts/viel.md', source: '---\ntitle: X\npubDate: gestern\ncategory: Kochen\ntags: []\n---\n' };
    const fields = only([bad]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'description', 'pubDate', 'category', 'tags']));
  });
});
