/**
 * Content is data, never code. The content rule accepts what editors write today and what the
 * guide shows, and refuses everything the build would run or a reader's browser would execute.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessengers, checkPosts, checkSources, formatProblem, type SourceFile } from '@/lib/content-check';
import { isSafeLink, isWebAddress, urlScheme } from '@/lib/safe-url';
import { ROOT } from '../helpers/paths';
import { FIXTURE_CONTENT } from '../helpers/fixture-content';
import { childEnv } from '../../scripts/child-env';

const head = (extra = '') =>
  `---\ntitle: Ein sicherer Beitrag\ndescription: Eine Beschreibung, die lang genug für Vorschau und Suche ist.\npubDate: 2026-01-10\ncategory: Datenschutz\ntags: [datenschutz]\n${extra}---\n\n`;
const post = (body: string, name = 'probe.mdx', extra = ''): SourceFile => ({
  file: `content/posts/${name}`,
  source: `${head(extra)}${body}\n`,
});
/** Line 9 is the first line of the body written by `post()`. */
const BODY_LINE = 9;

const real = (dir: string) =>
  readdirSync(join(ROOT, 'content', dir))
    .filter((f) => /\.(mdx?|ya?ml)$/.test(f))
    .map((f) => ({ file: `content/${dir}/${f}`, source: readFileSync(join(ROOT, 'content', dir, f), 'utf8') }));

describe('content rule: what editors write today stays valid', () => {
  it('accepts every post, messenger and source in content/', () => {
    const sources = checkSources(real('sources'));
    expect(sources.problems).toEqual([]);
    expect(checkPosts(real('posts'))).toEqual([]);
    expect(checkMessengers(real('messengers'), sources.sources)).toEqual([]);
  });

  it('accepts every Markdown and MDX example in docs/redaktion.md', () => {
    const guide = readFileSync(join(ROOT, 'docs/redaktion.md'), 'utf8');
    const examples = [...guide.matchAll(/```(mdx?)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, code: m[2]! }));
    expect(examples.length).toBeGreaterThanOrEqual(3);
    // Links to other posts are another rule's business (they need the post to exist); give them one.
    const target = post('Text.', 'whatsapp-im-unternehmen.mdx');
    examples.forEach(({ lang, code }, i) => {
      expect(checkPosts([target, post(code, `beispiel-${i}.${lang}`)]), code).toEqual([]);
    });
  });

  it('accepts building blocks with literal props, plain HTML and safe links', () => {
    const body = [
      '<MessengerComparison only={["whatsapp", "threema"]} titel="Vergleich" />',
      '',
      '<Hinweis titel="Gut zu wissen">',
      'Ein [Link](https://example.org), [Mail](mailto:info@example.org), [Telefon](tel:+49301234), [Anker](#oben), [relativ](../x/).',
      '</Hinweis>',
      '',
      'Eine Aussage <Quelle title="Quelle" url="https://example.org/a" date="2025-04-02" /> und <a href="/beitraege/">Beiträge</a>.',
      '',
      '<details><summary>Mehr</summary>Text</details>',
    ].join('\n');
    expect(checkPosts([post(body)])).toEqual([]);
  });
});

/** The one problem the rule reports for a post with this body, with its formatted line. */
function refused(body: string, name = 'probe.mdx', extra = '') {
  const problems = checkPosts([post(body, name, extra)]);
  expect(problems.length, JSON.stringify(problems)).toBeGreaterThan(0);
  return problems;
}

describe('content rule: code in MDX is refused with Datei:Zeile – Feld – Hinweis', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an import', "import { execSync } from 'node:child_process'", /import\/export/],
    ['an export', 'export const x = globalThis.process.exit()', /import\/export/],
    ['a text expression', "Text {globalThis.process.getBuiltinModule('node:child_process').execSync('id')} Text", /Ausdruck/],
    ['a flow expression', '{process.env.COMMENTS_ADMIN_TOKEN}', /Ausdruck/],
    ['an expression in a block prop', '<Hinweis titel={process.env.X}>\nText\n</Hinweis>', /„titel“ an <Hinweis> ist Code/],
    [
      'a call inside an array prop',
      '<MessengerComparison only={["whatsapp", require("fs").readFileSync("/etc/passwd")]} />',
      /„only“ an <MessengerComparison> ist Code/,
    ],
    ['a template literal', '<Hinweis titel={`x`}>\nText\n</Hinweis>', /ist Code/],
    ['an identifier', '<Hinweis titel={x}>\nText\n</Hinweis>', /ist Code/],
    ['a member expression in an object prop', '<MessengerComparison only={[{ a: globalThis.process }]} />', /ist Code/],
    ['a spread prop', '<Hinweis {...process.env}>\nText\n</Hinweis>', /„\{…\}“ an <Hinweis>/],
    ['an unknown component', '<Fremd />', /unbekannter Baustein <Fremd>/],
    ['a member-expression component', '<globalThis.process.exit />', /unbekannter Baustein/],
    ['<script>', '<script>{"fetch(1)"}</script>', /<script>/],
    ['<meta http-equiv="refresh">', '<meta http-equiv="refresh" content="0;url=https://boese.example" />', /<meta>/],
    ['<iframe srcdoc>', '<iframe srcdoc="<script>alert(1)</script>" />', /<iframe>|„srcdoc“/],
    ['an onerror attribute', '<img src="x.png" alt="Bild" onerror="alert(1)" />', /„onerror“ an <img>/],
    ['a style attribute', '<p style="position:fixed">x</p>', /„style“ an <p>/],
    ['an unknown prop on a block', '<Hinweis onerror="x" titel="a">\nText\n</Hinweis>', /„onerror“ an <Hinweis>/],
  ];
  it.each(cases)('refuses %s', (_, body, message) => {
    const problems = refused(body);
    expect(problems.map(formatProblem).join('\n')).toMatch(message);
    expect(problems[0]!.line).toBe(BODY_LINE);
    expect(formatProblem(problems[0]!)).toMatch(new RegExp(`^content/posts/probe\\.mdx:${BODY_LINE} – `));
  });

  it('names the line of a problem further down the post', () => {
    const [problem] = refused('Erster Absatz.\n\nZweiter Absatz.\n\n{1 + 1}');
    expect(problem).toMatchObject({ line: BODY_LINE + 4, field: 'Ausdruck' });
  });

  it('refuses a post the MDX parser cannot read, with its line', () => {
    const [problem] = refused('Text\n\n<Hinweis titel="a"\n');
    expect(problem).toMatchObject({ field: '(Text)', message: expect.stringContaining('lässt sich nicht lesen') });
  });
});

const BAD_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'java\u200bscript:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  '&#106avascript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'VbScript:msgbox(1)',
  'file:///etc/passwd',
];

describe('the one link rule (src/lib/safe-url.ts)', () => {
  it.each(BAD_URLS)('refuses %j', (url) => {
    expect(isSafeLink(url)).toBe(false);
    expect(isWebAddress(url)).toBe(false);
  });

  it('accepts https, http, mailto, tel, paths and anchors', () => {
    for (const url of [
      'https://example.org/a?b=1&c=2#d',
      'http://example.org',
      'mailto:info@example.org',
      'tel:+49301234',
      '/beitraege/',
      './bild.png',
      '../x',
      '#oben',
      '?seite=2',
      '//example.org/x',
    ]) {
      expect(isSafeLink(url), url).toBe(true);
    }
    expect(urlScheme('HTTPS://example.org')).toBe('https');
    expect(isWebAddress('https://www.bfdi.bund.de/DE/Home/home_node.html')).toBe(true);
    expect(isWebAddress('/relativ/')).toBe(false);
    expect(isWebAddress('mailto:a@b.de')).toBe(false);
  });
});

describe('content rule: unsafe addresses in the body and in every URL field', () => {
  const markdownBodies = (url: string) => [
    `Ein [Link](<${url}>).`,
    `Ein Bild ![Beschreibung des Bildes](<${url}>).`,
    `Ein [Verweis][v].\n\n[v]: <${url}>`,
  ];
  const attr = (url: string) => url.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
  const jsxBodies = (url: string) => [
    `<a href="${attr(url)}">Link</a>`,
    `<img src="${attr(url)}" alt="Beschreibung" />`,
    `Beleg <Quelle title="Quelle" url="${attr(url)}" />.`,
  ];

  it.each(BAD_URLS)('refuses %j in links, images and definitions of .md and .mdx, and in JSX href/src/url', (url) => {
    // A line break or "<" inside <…> ends a Markdown destination: no link then (and "<script" is refused as HTML).
    const asLink = !/[\n<]/.test(url);
    for (const body of asLink ? markdownBodies(url) : []) {
      for (const name of ['probe.md', 'probe.mdx']) {
        expect(refused(body, name).map(formatProblem).join('\n'), `${name}: ${body}`).toMatch(/– Link – Die Adresse|– Bild – Das Bild/);
      }
    }
    for (const body of jsxBodies(url)) expect(refused(body).map(formatProblem).join('\n'), body).toMatch(/– Link – Die Adresse/);
  });

  // Astro imports every local Markdown image of an MDX post as a module, whatever its type: an image
  // address must not reach a file that is not a picture in the post's folder (a YAML file read as JavaScript ran in the build).
  it.each([
    '../sources/x.yaml',
    './x.yaml',
    './a.png?raw',
    './a.png#x',
    '%2e%2e/sources/x.png',
    '../../../../etc/passwd',
    './.git/x.png',
    'mein-beitrag/../../x.png',
    '/dev/urandom?raw',
  ])('refuses the image address %j, also through a reference definition, in .md and .mdx', (url) => {
    for (const body of [`![Ein Bild](<${url}>)`, `![Ein Bild][b]\n\n[b]: <${url}>`]) {
      for (const name of ['probe.md', 'probe.mdx']) {
        expect(refused(body, name).map(formatProblem).join('\n'), `${name}: ${body}`).toMatch(/– Bild – Das Bild/);
      }
    }
  });

  it("accepts pictures in the post's folder, on this site and on the web, and keeps relative link definitions links", () => {
    const body = [
      '![Ein Bild](./mein-beitrag/mein-bild.jpg)',
      '![Ein Foto](./bausteine-foto.png)',
      '![Ein Logo](/logo.webp)',
      '![Fremd](https://example.org/bild.avif)',
      'Ein [Verweis][v].',
      '',
      '[v]: /beitraege/',
    ].join('\n');
    for (const name of ['probe.md', 'probe.mdx']) expect(checkPosts([post(body, name)])).toEqual([]);
  });

  it('refuses raw HTML in a .md post: <script>, <meta http-equiv>, <iframe srcdoc>, onerror, javascript: links', () => {
    const cases: Array<[string, RegExp]> = [
      ['<script>alert(1)</script>', /<script>/],
      ['<meta http-equiv="refresh" content="0;url=https://boese.example">', /<meta>/],
      ['<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', /<iframe>/],
      ['Text <img src="x.png" alt="Bild" onerror="alert(1)"> Text', /„onerror“ an <img>/],
      ['Text <a href="&#106;avascript:alert(1)">Link</a> Text', /Die Adresse/],
      ['<svg><script>alert(1)</script></svg>', /<svg>/],
      ['<div>\n\n<style>body{display:none}</style>\n\n</div>', /<style>/],
    ];
    for (const [body, message] of cases) expect(refused(body, 'probe.md').map(formatProblem).join('\n'), body).toMatch(message);
  });

  it.each(BAD_URLS)('refuses %j as a post source and in a source file (the only URL fields; messengers cite source files)', (url) => {
    const yamlUrl = JSON.stringify(url);
    const [inPost] = refused('Text.', 'probe.mdx', `sources:\n  - title: Eine Quelle\n    url: ${yamlUrl}\n`);
    expect(inPost).toMatchObject({ field: 'sources.0.url', line: 9, message: expect.stringContaining('https://') });
    const { problems } = checkSources([{ file: 'content/sources/X1.yaml', source: `title: Eine Quelle\nurl: ${yamlUrl}\n` }]);
    expect(problems).toEqual([expect.objectContaining({ file: 'content/sources/X1.yaml', field: 'url', line: 2 })]);
  });
});

describe('`npm run check:content` runs the rule', () => {
  it('fails on a post with code and names file, line and field (it said "Alle Inhalte sind in Ordnung." before)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iw-safety-'));
    cpSync(FIXTURE_CONTENT, dir, { recursive: true });
    writeFileSync(
      join(dir, 'posts', 'nutzlast.mdx'),
      post("{globalThis.process.getBuiltinModule('node:child_process').execSync('id')}").source,
    );
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/check-content.ts')], {
      cwd: ROOT,
      env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: dir }),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`posts/nutzlast\\.mdx:${BODY_LINE} – Ausdruck – `));
  });
});

describe('a build parses only posts it has not seen pass (src/adapters/content-safety-cache.ts)', () => {
  it('remembers safe posts by text and extension, forgets them when the rule changes, never remembers a refused one', async () => {
    const { contentSafetyCache } = await import('@/adapters/content-safety-cache');
    const dir = mkdtempSync(join(tmpdir(), 'iw-safety-cache-'));
    const file = join(dir, 'cache.json');
    const safe = post('Ein [Link](https://example.org).');
    const unsafe = post('{process.exit()}', 'boese.mdx');
    const first = contentSafetyCache(ROOT, file);
    const { checkPostFiles } = await import('@/lib/content-check/posts');
    expect(checkPostFiles([safe, unsafe], first).problems.map((p) => p.file)).toEqual(['content/posts/boese.mdx']);
    first.save();
    const second = contentSafetyCache(ROOT, file);
    expect(second.isKnownSafe(safe)).toBe(true);
    expect(second.isKnownSafe(unsafe)).toBe(false);
    expect(second.isKnownSafe({ ...safe, file: 'content/posts/probe.md' })).toBe(false);
    expect(second.isKnownSafe({ ...safe, source: `${safe.source} ` })).toBe(false);
    // Another rule (here: no rule files found under another root) starts empty.
    expect(contentSafetyCache(dir, file).isKnownSafe(safe)).toBe(false);
    writeFileSync(file, '{kaputt');
    expect(contentSafetyCache(ROOT, file).isKnownSafe(safe)).toBe(false);
    // A remembered post is not parsed again; an unsafe one is always reported.
    expect(checkPostFiles([safe, unsafe], second).problems.map((p) => p.file)).toEqual(['content/posts/boese.mdx']);
  });
});

describe('the same rule inside the MDX compile (astro.config.mjs)', () => {
  it('throws with file, line and field on code, and lets a clean post through', async () => {
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { default: remarkMdx } = await import('remark-mdx');
    const { default: remarkGfm } = await import('remark-gfm');
    const { remarkContentIsData } = await import('@/lib/content-check/mdx-safety');
    const compile = async (text: string) => {
      const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkContentIsData);
      const file = { path: join(ROOT, 'content/posts/x.mdx'), cwd: ROOT, value: text };
      return processor.run(processor.parse(text), file);
    };
    await expect(compile('Text\n\nexport const x = process.exit()')).rejects.toThrow(/content\/posts\/x\.mdx:3 – import\/export – /);
    await expect(compile('Ein {globalThis.x} Ausdruck')).rejects.toThrow(/x\.mdx:1 – Ausdruck – /);
    await expect(
      compile('<Hinweis titel="Gut">\nText mit [Link](https://example.org)\n</Hinweis>\n\n{/* Notiz */}'),
    ).resolves.toBeDefined();
  });
});
