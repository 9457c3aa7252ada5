import { describe, expect, it } from 'vitest';
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { checkContent } from '@/adapters/content/read-content';
import {
  checkMessengers,
  checkPosts,
  checkSources,
  formatProblem,
  formatReport,
  KNOWN_COMPONENTS,
  blockNamesIn,
  type SourceFile,
} from '@/lib/content-check';
import { ROOT } from '../helpers/paths';
import type { MessengerCheckOptions } from '@/lib/content-check/messengers';
import { parseAddedLog, REPOSITORY_START } from '@/lib/content-check/source-dates';
import { QUOTE_MAX } from '@/lib/messengers/schema';
import { FIXTURE_CONTENT } from '../helpers/fixture-content';
import { childEnv } from '../../scripts/child-env';

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
    const file = {
      file: 'content/posts/ohne-titel.md',
      source:
        '---\ndescription: Eine Beschreibung, die lang genug für Vorschau und Suche ist.\npubDate: 2026-01-10\ncategory: Datenschutz\ntags: [datenschutz]\n---\nText',
    };
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
    const typo = {
      file: 'content/posts/c.md',
      source: valid('c.md').source.replace('tags: [datenschutz, whatsapp]', 'tags: [datenschuz]'),
    };
    const problems = only([valid('a.md'), valid('b.md'), typo]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/posts/c.md',
        field: 'tags',
        message: 'unbekanntes Thema „datenschuz“ – meinten Sie datenschutz?',
      }),
    ]);
  });

  it('reports a broken link to another post on its line', () => {
    const problems = only([valid('a.md'), valid('b.md', '', 'Zeile eins\n\nSiehe [hier](/beitraege/gibt-es-nicht/).')]);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/posts/b.md', line: 11, field: 'Link', message: expect.stringContaining('„gibt-es-nicht“') }),
    ]);
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
    expect(problems).toEqual([
      expect.objectContaining({ field: 'cover.alt', line: 7, message: expect.stringContaining('Alternativtext') }),
    ]);
  });

  it('reports an unknown MDX component and suggests the right one', () => {
    const problems = only([valid('x.mdx', '', 'Text\n\n<Hinwies>Achtung</Hinwies>')]);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'Baustein', message: 'unbekannter Baustein <Hinwies> – meinten Sie <Hinweis>?' }),
    ]);
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
    const file = valid('platzhalter.md').source.replace(
      /description: .*/,
      'description: "Platzhalter: Fassen Sie den Beitrag in ein bis zwei Sätzen zusammen."',
    );
    expect(only([{ file: 'content/posts/platzhalter.md', source: file }])).toEqual([
      expect.objectContaining({ field: 'description', message: expect.stringContaining('Platzhalter') }),
    ]);
    expect(only([{ file: 'content/posts/platzhalter.md', source: file.replace('---\n\n', 'draft: true\n---\n\n') }])).toEqual([]);
  });

  it('reports every problem of every file at once', () => {
    const bad = { file: 'content/posts/viel.md', source: '---\ntitle: X\npubDate: gestern\ncategory: Kochen\ntags: []\n---\n' };
    const fields = only([bad]).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'description', 'pubDate', 'category', 'tags']));
  });
});

describe('content check: MDX comments', () => {
  it('refuses {/* … */} in a post with file, line, field and a German fix', () => {
    const problems = only([valid('kommentar.mdx', '', 'Erster Absatz.\n\n{/* Notiz für später */}\n\nZweiter Absatz.')]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/posts/kommentar.mdx',
        line: 11,
        field: 'Kommentar',
        message: expect.stringContaining('Redaktionssystem nicht öffnen'),
      }),
    ]);
    expect(formatProblem(problems[0]!)).toMatch(/^content\/posts\/kommentar\.mdx:11 – Kommentar – .* – Löschen Sie den Kommentar/);
  });

  it('accepts the characters inside code', () => {
    expect(only([valid('code.mdx', '', 'So sieht ein Kommentar aus: `{/* … */}`')])).toEqual([]);
  });
});

describe('content check: building blocks', () => {
  it('knows exactly the blocks registered in src/components/blocks/index.ts', () => {
    const names = blockNamesIn(readFileSync(join(ROOT, 'src/components/blocks/index.ts'), 'utf8'));
    expect(names.length).toBeGreaterThan(0);
    expect([...KNOWN_COMPONENTS].sort()).toEqual(names.sort());
  });
});

const source = (key: string, text: string): SourceFile => ({ file: `content/sources/${key}.yaml`, source: text });

describe('content check: sources', () => {
  it('accepts a dated, an undated and a month-only source', () => {
    const { problems, sources } = checkSources([
      source('A', 'title: Anbieter A (Stand 01.03.2025)\nurl: https://a.example.org/\ndate: 2025-03-01\nchecked: 2026-04-23\n'),
      source('B', 'title: Anbieter B – Hilfe\nurl: https://b.example.org/\nchecked: 2026-04-23\n'),
      source('C', 'title: Anbieter C – Bedingungen (06/2025)\nurl: https://c.example.org/\nperiod: Juni 2025\n'),
    ]);
    expect(problems).toEqual([]);
    expect([...sources.keys()]).toEqual(['A', 'B', 'C']);
  });

  it("refuses a source date after its check date, in German, on the date's line", () => {
    const { problems } = checkSources([
      source('A', 'title: Anbieter A\nurl: https://a.example.org/\ndate: 2026-05-01\nchecked: 2026-04-23\n'),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/sources/A.yaml',
        line: 3,
        field: 'date',
        message: 'das Datum der Quelle (2026-05-01) liegt nach dem Prüfdatum „checked“ (2026-04-23)',
      }),
    ]);
  });

  it('refuses a title that names a date the source does not carry in `date` (it would show as "undatiert")', () => {
    const { problems } = checkSources([source('A', 'title: Anbieter A (Stand 11.07.2024)\nurl: https://a.example.org/\n')]);
    expect(problems).toEqual([expect.objectContaining({ line: 1, field: 'title', message: expect.stringContaining('„undatiert“') })]);
  });

  it('refuses a date on a source whose title says it is undated', () => {
    const { problems } = checkSources([source('A', 'title: Anbieter A (undatiert)\nurl: https://a.example.org/\ndate: 2026-04-23\n')]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 3, field: 'date', message: 'der Titel sagt „undatiert“, aber die Quelle hat ein Datum' }),
    ]);
  });

  it('applies the same date rules to the sources of a post', () => {
    const problems = only([
      valid('q.md', 'sources:\n  - title: Quelle\n    url: https://q.example.org/\n    date: 2026-02-01\n    checked: 2026-01-01\n'),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ field: 'sources.0.date', line: 10, message: expect.stringContaining('liegt nach dem Prüfdatum') }),
    ]);
  });

  it('applies them to sources cited in the text, and refuses a redundant "(undatiert)" in a title', () => {
    const problems = only([
      valid('inline.mdx', '', 'Erster Absatz.\n\nAussage <Quelle title="Anbieter (undatiert)" url="https://q.example.org/" />.'),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 11,
        field: '<Quelle> title',
        message: expect.stringContaining('„(undatiert)“ im Titel ist doppelt'),
      }),
    ]);
  });

  it('names an unknown field and a malformed URL', () => {
    const { problems } = checkSources([source('A', 'title: Anbieter A\nurl: a.example.org\nabgerufen: 2026-01-01\n')]);
    expect(problems.map((p) => p.field).sort()).toEqual(['abgerufen', 'url']);
  });
});

describe('content check: messenger facts', () => {
  const good = readFileSync(join(FIXTURE_CONTENT, 'messengers/sicher-work.yaml'), 'utf8');
  const sources = checkSources(
    ['A', 'B', 'V'].map((key) => source(key, readFileSync(join(FIXTURE_CONTENT, 'sources', `${key}.yaml`), 'utf8'))),
  ).sources;
  const check = (text: string, options: MessengerCheckOptions = { now: new Date('2026-12-03T10:00:00Z') }) =>
    checkMessengers([{ file: 'content/messengers/test.yaml', source: text }], sources, options);
  const AVV =
    'avv: { value: "Ja, mit AVV", level: "yes", source: A, verified: true, quote: "Mit Geschäftskunden schließen wir einen Auftragsverarbeitungsvertrag.", quoteLang: de, checked: 2026-12-01, checkedBy: Redaktion }';
  const OPERATOR =
    'operator: { value: "Beispiel GmbH, Zürich (Schweiz)", level: ch, source: A, verified: true, quote: "Verantwortlich ist die Beispiel GmbH mit Sitz in Zürich.", quoteLang: de, checked: 2026-12-01, checkedBy: Redaktion }';
  const E2EE =
    'e2ee: { value: "Standardmäßig", level: default, source: V, verified: true, quote: "All chats are end-to-end encrypted by default.", quoteLang: en, checked: 2026-12-01, checkedBy: Redaktion, gloss: "Alle Chats sind standardmäßig Ende-zu-Ende-verschlüsselt." }';

  it('passes a correct file', () => {
    expect(check(good)).toEqual([]);
  });

  it('refuses a verified fact citing a source that does not exist, naming file, line and field', () => {
    expect(good).toContain(AVV);
    const text = good.replace(AVV, AVV.replace('source: A', 'source: Z9'));
    expect(check(text)).toEqual([
      expect.objectContaining({
        file: 'content/messengers/test.yaml',
        line: 16,
        field: 'facts.avv.source',
        message: 'unbekannte Quelle „Z9“ – eine bestätigte Angabe braucht eine vorhandene Quelle',
      }),
    ]);
  });

  it("refuses a fact checked before its source's own date", () => {
    expect(good).toContain(OPERATOR);
    const text = good.replace(OPERATOR, OPERATOR.replace('checked: 2026-12-01', 'checked: 2025-01-01'));
    expect(check(text)).toContainEqual(
      expect.objectContaining({
        line: 6,
        field: 'facts.operator.checked',
        message: expect.stringContaining('vor dem Datum der Quelle „A“'),
      }),
    );
  });

  it('refuses "verified: true" without the source\'s own words (quote)', () => {
    const text = good.replace(AVV, 'avv: { value: "Ja, mit AVV", level: "yes", source: A, verified: true }');
    expect(check(text)).toEqual([
      expect.objectContaining({
        file: 'content/messengers/test.yaml',
        line: 16,
        field: 'facts.avv.verified',
        message: 'bestätigt ohne Zitat der Quelle („quote“)',
      }),
    ]);
    // The same fact marked "nicht bestätigt" passes.
    expect(check(good.replace(AVV, 'avv: { value: "Ja, mit AVV", level: "yes", source: A, verified: false }'))).toEqual([]);
  });

  it('refuses "verified: true" on a source without an address', () => {
    const withN = new Map(sources).set('N', { key: 'N', file: 'content/sources/N.yaml', data: { title: 'Drucksache ohne Adresse' } });
    const text = good.replace(AVV, AVV.replace('source: A', 'source: N'));
    expect(
      checkMessengers([{ file: 'content/messengers/test.yaml', source: text }], withN, { now: new Date('2026-12-03T10:00:00Z') }),
    ).toEqual([
      expect.objectContaining({ line: 16, field: 'facts.avv.source', message: 'bestätigt, aber die Quelle „N“ hat keine Adresse („url“)' }),
    ]);
  });

  it('refuses a check date in the future', () => {
    const text = good.replace(AVV, AVV.replace('checked: 2026-12-01', 'checked: 2026-12-04'));
    expect(check(text)).toEqual([
      expect.objectContaining({ line: 16, field: 'facts.avv.checked', message: 'das Prüfdatum (2026-12-04) liegt in der Zukunft' }),
    ]);
  });

  it('refuses a check date before the source entered the repository (git), and falls back to the repository start', () => {
    const dates = { addedOf: (key: string) => new Date(key === 'A' ? '2026-12-02T00:00:00Z' : '2026-11-28T00:00:00Z') };
    expect(check(good, { now: new Date('2026-12-03T10:00:00Z'), dates })).toEqual([
      expect.objectContaining({
        line: 6,
        field: 'facts.operator.checked',
        message: 'das Prüfdatum (2026-12-01) liegt vor dem Tag, an dem die Quelle „A“ ins Projekt kam (2026-12-02)',
      }),
      expect.objectContaining({ line: 16, field: 'facts.avv.checked', message: expect.stringContaining('ins Projekt kam (2026-12-02)') }),
    ]);
    // Without git: the repository's first commit (REPOSITORY_START) – the 2026-04-23 of a copied table is refused.
    expect(check(good.replace(AVV, AVV.replace('checked: 2026-12-01', 'checked: 2026-04-23')))).toEqual([
      expect.objectContaining({
        field: 'facts.avv.checked',
        message: `das Prüfdatum (2026-04-23) liegt vor dem Tag, an dem die Quelle „A“ ins Projekt kam (${REPOSITORY_START.toISOString().slice(0, 10)})`,
      }),
    ]);
  });

  it('refuses a quote longer than QUOTE_MAX characters, naming the limit', () => {
    const long = 'Wort '.repeat(QUOTE_MAX / 5) + 'zu viel';
    expect(long.length).toBeGreaterThan(QUOTE_MAX);
    const text = good.replace(AVV, AVV.replace('Mit Geschäftskunden schließen wir einen Auftragsverarbeitungsvertrag.', long));
    expect(check(text)).toEqual([
      expect.objectContaining({ line: 16, field: 'facts.avv.quote', message: expect.stringContaining(`höchstens ${QUOTE_MAX} Zeichen`) }),
    ]);
  });

  it('refuses a quote that is not German without a German gloss, and a quote without who read it', () => {
    expect(good).toContain(E2EE);
    expect(check(good.replace(E2EE, E2EE.replace(/, gloss: "[^"]*"/, '')))).toEqual([
      expect.objectContaining({ line: 10, field: 'facts.e2ee.gloss', message: 'Zitat in „en“ ohne deutsche Wiedergabe („gloss“)' }),
    ]);
    expect(check(good.replace(E2EE, E2EE.replace(', checkedBy: Redaktion', '')))).toEqual([
      expect.objectContaining({ line: 10, field: 'facts.e2ee.checkedBy' }),
    ]);
  });

  it('finds the day each source file was first added in git log output', () => {
    const log =
      '@2026-12-03\n\ncontent/sources/LDI.yaml\n@2026-11-30\n\ncontent/sources/A.yaml\ncontent/sources/B.yaml\n@2026-11-29\n\ncontent/sources/A.yaml\n';
    const added = parseAddedLog(log);
    expect(added.get('A')?.toISOString().slice(0, 10)).toBe('2026-11-29');
    expect(added.get('B')?.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(added.get('LDI')?.toISOString().slice(0, 10)).toBe('2026-12-03');
  });

  it('names a fact without source, an unknown level, a missing field and a malformed date', () => {
    expect(
      check(
        good.replace(
          'phone: { value: "Nicht nötig – zufällige ID", level: "no", source: A }',
          'phone: { value: "Nicht nötig", level: "no" }',
        ),
      ),
    ).toEqual([expect.objectContaining({ line: 8, field: 'facts.phone.source', message: expect.stringContaining('fehlt: Quelle') })]);
    expect(check(good.replace('level: default, source: V,', 'level: immer, source: V,'))[0]).toMatchObject({
      field: 'facts.e2ee.level',
      message: 'erwartet einen dieser Werte: default, partial, none',
    });
    expect(check(good.replace(/^assessment:[\s\S]*$/m, ''))).toEqual([
      expect.objectContaining({ field: 'assessment', message: expect.stringContaining('fehlt') }),
    ]);
    expect(
      check(good.replace('checked: 2026-12-01, checkedBy: Redaktion, gloss', 'checked: 11.07.2024, checkedBy: Redaktion, gloss'))[0],
    ).toMatchObject({ field: 'facts.e2ee.checked', message: expect.stringContaining('JJJJ-MM-TT') });
  });

  it('reports broken YAML with its line', () => {
    expect(check('name: Kaputt\nfacts: [\n')[0]).toMatchObject({
      field: '(Datei)',
      message: expect.stringContaining('kein gültiges YAML'),
    });
  });
});

describe('checkContent(root): one check for the build and `npm run check:content`', () => {
  function copyFixture(): string {
    const dir = mkdtempSync(join(tmpdir(), 'iw-content-'));
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    return dir;
  }

  it('passes the fixture folder and warns about facts not checked for 12 months', () => {
    const report = checkContent(ROOT, { contentDir: FIXTURE_CONTENT, now: new Date('2026-12-03T00:00:00Z') });
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      expect.stringMatching(/^\d+ Angaben im Messenger-Vergleich wurden seit mehr als 12 Monaten nicht .*offen\.operator/),
    ]);
  });

  it("warns, with file, line and the fix, about images the browser editor would not find (outside the post's folder)", () => {
    const dir = copyFixture();
    const post = [
      '---',
      'title: Ein Beitrag mit Bildern',
      'description: Eine Beschreibung, die lang genug für Vorschau und Suche ist.',
      'pubDate: 2026-01-10',
      'category: Datenschutz',
      'tags: [datenschutz]',
      'cover:',
      '  src: ./titel.jpg',
      '  alt: Ein Titelbild',
      '---',
      '',
      '![Richtig abgelegt](./mit-bildern/foto.jpg)',
      '',
      '![Neben der Datei](./foto.jpg)',
      '',
      '![Von außen](https://example.org/bild.jpg) und ![Aus public](/logo.svg)',
      '',
      '```md',
      '![Ein Beispiel im Code](./beispiel.jpg)',
      '```',
      '',
      '![Mit Leerzeichen](<./mein bild.jpg> "Titel")',
    ].join('\n');
    writeFileSync(join(dir, 'posts/mit-bildern.mdx'), post);
    const report = checkContent(ROOT, { contentDir: dir, now: new Date('2026-12-03T00:00:00Z') });
    // The site shows these images, so the build goes on.
    expect(report.problems).toEqual([]);
    const images = report.warnings.filter((w) => w.includes('mit-bildern.mdx'));
    expect(images).toEqual([
      expect.stringMatching(
        /mit-bildern\.mdx:8 – cover\.src – \.\/titel\.jpg liegt nicht im Ordner des Beitrags.* – Legen Sie die Datei nach content\/posts\/mit-bildern\/titel\.jpg und schreiben Sie \.\/mit-bildern\/titel\.jpg$/,
      ),
      expect.stringMatching(/mit-bildern\.mdx:14 – Bild – \.\/foto\.jpg liegt nicht im Ordner des Beitrags/),
      expect.stringMatching(/mit-bildern\.mdx:22 – Bild – \.\/mein bild\.jpg liegt nicht im Ordner des Beitrags/),
    ]);
  });

  it('reports posts, messengers and sources together, sorted by file', () => {
    const dir = copyFixture();
    writeFileSync(join(dir, 'sources/V.yaml'), 'title: Vergleich (undatiert)\nurl: https://v.example.org/\ndate: 2024-06-01\n');
    writeFileSync(join(dir, 'posts/dritter.mdx'), readFileSync(join(dir, 'posts/erster-beitrag.mdx'), 'utf8') + '\n{/* Notiz */}\n');
    writeFileSync(
      join(dir, 'messengers/offen.yaml'),
      readFileSync(join(dir, 'messengers/offen.yaml'), 'utf8').replace('source: V }', 'source: NEU }'),
    );
    const { problems } = checkContent(ROOT, { contentDir: dir });
    expect(problems.map((p) => p.file.split('/').slice(-2).join('/'))).toEqual([
      'messengers/offen.yaml',
      'posts/dritter.mdx',
      'sources/V.yaml',
    ]);
    expect(formatReport(problems)).toMatch(/^3 Probleme in den Inhalten gefunden:/);
  });

  it('`npm run check:content` fails on a broken messenger file and names it', () => {
    const dir = copyFixture();
    writeFileSync(
      join(dir, 'messengers/plauder.yaml'),
      readFileSync(join(dir, 'messengers/plauder.yaml'), 'utf8').replace('level: mandatory', 'level: immer'),
    );
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-content.ts')], {
      cwd: ROOT,
      env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: dir }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/messengers\/plauder\.yaml:\d+ – facts\.addressBook\.level – erwartet einen dieser Werte/);
  });

  it('`npm run check:content` passes the fixture folder', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-content.ts')], {
      cwd: ROOT,
      env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: FIXTURE_CONTENT }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Alle Inhalte sind in Ordnung.');
  });
});
