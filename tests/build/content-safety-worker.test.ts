/**
 * The content safety rule runs in a worker thread during `npm run build` (src/integrations/content-check.ts,
 * src/adapters/content/safety-worker.ts). The property it must keep: a post with code stops the build before
 * the code runs, with the same German report (file:line – field – problem – fix); a worker that dies fails the
 * build's check instead of letting it through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, holdBuildLock, prepareContent } from '../helpers/build';
import { checkSafetyInWorker, SAFETY_WORKER_NICE } from '../../src/adapters/content/safety-worker';

const WORK = mkdtempSync(join(tmpdir(), 'innungswissen-safety-worker-'));
const marker = (name: string) => join(WORK, `${name}.lief`);
/** Code that leaves a file behind if the build ever runs it. */
const run = (name: string) => `globalThis.process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker(name))}, 'lief')`;
const post = (body: string) =>
  `---\ntitle: Ein Beitrag mit Nutzlast\ndescription: Dieser Beitrag versucht, beim Bauen der Seite Code auf dem Server auszuführen.\npubDate: 2026-01-10\ncategory: Betrieb\ntags: [betrieb]\ndraft: false\n---\n\n${body}\n`;

let releaseBuildLock: (() => void) | undefined;
beforeAll(async () => {
  releaseBuildLock = await holdBuildLock();
}, 900_000);
afterAll(() => {
  releaseBuildLock?.();
  rmSync(WORK, { recursive: true, force: true });
});

describe('the safety rule in a worker thread', () => {
  it('answers with the same problems as the rule itself, per post', async () => {
    const verdict = await checkSafetyInWorker([
      { file: 'content/posts/gut.mdx', source: post('Text mit <Hinweis>Baustein</Hinweis>.') },
      { file: 'content/posts/boese.mdx', source: post(`export const x = ${run('x')}`) },
    ]);
    expect(verdict.passed).toEqual([true, false]);
    expect(verdict.problems).toMatchObject([{ file: 'content/posts/boese.mdx', line: 10, field: 'import/export' }]);
  }, 120_000);

  it.runIf(process.platform === 'linux')(
    'parses at lower priority than the build, which keeps its own',
    async () => {
      // Linux keeps a nice value per thread: field 19 of /proc/self/task/<id>/stat.
      const niceOf = (task: string) => {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      };
      const own = niceOf(String(process.pid));
      const seen = new Set<number>();
      // A thread listed here may end before its stat is read (vitest's own pool threads come and go): skip it.
      const sample = (task: string) => {
        try {
          seen.add(niceOf(task));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      };
      const look = setInterval(() => readdirSync('/proc/self/task').forEach(sample), 10);
      const posts = Array.from({ length: 60 }, (_, i) => ({
        file: `content/posts/p${i}.md`,
        source: post('Text mit [Quelle](https://example.org).\n\n'.repeat(40)),
      }));
      try {
        expect((await checkSafetyInWorker(posts)).passed.every(Boolean)).toBe(true);
      } finally {
        clearInterval(look);
      }
      expect(seen).toContain(Math.min(19, own + SAFETY_WORKER_NICE));
      expect(niceOf(String(process.pid))).toBe(own);
    },
    120_000,
  );

  it('rejects with a German message when the worker dies (here: out of memory), never with a pass', async () => {
    const posts = Array.from({ length: 50 }, (_, i) => ({ file: `content/posts/p${i}.mdx`, source: post('Text.\n'.repeat(2000)) }));
    await expect(checkSafetyInWorker(posts, { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 })).rejects.toThrow(
      /^Die Sicherheitsprüfung der Beiträge ist (abgebrochen|ohne Ergebnis beendet worden)/,
    );
  }, 120_000);

  it('stops a cold build before any post runs, with every problem of .mdx and .md posts in one report', () => {
    const content = join(WORK, 'content');
    prepareContent(content);
    writeFileSync(join(content, 'posts', 'von-hand.mdx'), post(`export const x = ${run('export')}\n\nText {${run('text')}} Text.`));
    writeFileSync(join(content, 'posts', 'von-hand-md.md'), post('Text.\n\n<script>alert(1)</script>'));
    // A cold safety cache: every post goes through the worker.
    const result = buildSite(content, join(WORK, 'dist'), { CONTENT_SAFETY_CACHE: join(WORK, 'safety.json'), OG_IMAGES: '0' });
    expect(result.status, result.output.slice(-3000)).not.toBe(0);
    expect(result.output).toMatch(/Sicherheitsprüfung nebenher/);
    expect(result.output).toMatch(/3 Probleme in den Inhalten gefunden:/);
    expect(result.output).toMatch(/content\/posts\/von-hand\.mdx:10 – import\/export – /);
    expect(result.output).toMatch(/content\/posts\/von-hand\.mdx:12 – Ausdruck – /);
    expect(result.output).toMatch(/content\/posts\/von-hand-md\.md:12 – HTML – /);
    expect(existsSync(marker('export')), 'the export ran').toBe(false);
    expect(existsSync(marker('text')), 'the expression ran').toBe(false);
    expect(existsSync(join(WORK, 'dist', 'client', 'beitraege', 'von-hand', 'index.html'))).toBe(false);
  }, 900_000);

  it('checks a .md post on the tree of Astro’s own parse, and from the file when Astro takes the post from its content cache', () => {
    const content = join(WORK, 'nur-md', 'content');
    prepareContent(content);
    writeFileSync(join(content, 'posts', 'nur-markdown.md'), post('Text.\n\n<script>alert(1)</script>'));
    const cache = join(WORK, 'safety-md.json');
    // The first build parses the post in Astro's content layer; the second finds Astro's content cache holding it.
    for (const round of ['parsed by Astro', 'from Astro’s content cache']) {
      rmSync(cache, { force: true });
      const result = buildSite(content, join(WORK, 'dist-md'), { CONTENT_SAFETY_CACHE: cache, OG_IMAGES: '0' });
      expect(result.status, `${round}: ${result.output.slice(-3000)}`).not.toBe(0);
      expect(result.output, round).toMatch(/Sicherheitsprüfung nebenher \(\d+ davon beim Einlesen durch Astro\)/);
      expect(result.output, round).toMatch(/1 Problem in den Inhalten gefunden:/);
      expect(result.output, round).toMatch(/content\/posts\/nur-markdown\.md:12 – HTML – /);
      expect(existsSync(join(WORK, 'dist-md', 'client', 'beitraege', 'nur-markdown', 'index.html')), round).toBe(false);
    }
  }, 900_000);
});
