/**
 * The midnight job publishes only what is due (issue 25). The content is a git repository whose HEAD is
 * live; a clerk has saved an unfinished edit to a live post and a post whose day is today. The scheduler
 * runs with an injected clock (the served build is from yesterday), the real publisher builds: the due
 * post is on the new site and committed, the unfinished edit is neither (it stays saved, waiting for
 * "Veröffentlichen").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdBuildLock } from '../helpers/build';
import { ROOT, TEST_CONTENT, TEST_DIST } from '../helpers/paths';
import { Publisher } from '../../server/editor/publisher';
import { scheduledFiles, startScheduler } from '../../server/editor/schedule';
import { EditorStore } from '../../server/editor/store';
import { loadSite, SiteHolder } from '../../server/site';
import { berlinDay } from '@/lib/posts/publish';
import { editorPaths } from '@/lib/editor/paths';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'core.hooksPath=/dev/null', ...args], {
    cwd,
    encoding: 'utf8',
  });

const work = mkdtempSync(join(ROOT, '.tmp', 'scheduled-'));
const content = join(work, 'content');
const dataDir = mkdtempSync(join(tmpdir(), 'scheduled-data-'));
const today = berlinDay(new Date());
const UNFINISHED = 'Halbfertige Überschrift, noch nicht freigegeben';

/** A live post of the content (not a draft, day passed): the one the clerk is half-way through editing. */
function livePost(): { file: string; title: string } {
  for (const name of readdirSync(join(content, 'posts'))
    .filter((n) => n.endsWith('.mdx'))
    .sort()) {
    const text = readFileSync(join(content, 'posts', name), 'utf8');
    const pubDate = /^pubDate:\s*['"]?(\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
    const title = /^title:\s*['"]?(.+?)['"]?$/m.exec(text)?.[1];
    if (pubDate && pubDate < today && !/^draft:\s*true/m.test(text) && title) return { file: name, title };
  }
  throw new Error('no live post in the content');
}

describe('the scheduler publishes only what is due', () => {
  let release: () => void;
  let store: EditorStore;
  let sites: SiteHolder;
  let live: { file: string; title: string };
  const logged: string[] = [];

  beforeAll(async () => {
    cpSync(TEST_CONTENT, content, { recursive: true });
    git(content, 'init', '-q');
    git(content, 'add', '.');
    git(content, 'commit', '-q', '-m', 'live');
    live = livePost();
    const livePath = join(content, 'posts', live.file);
    writeFileSync(livePath, readFileSync(livePath, 'utf8').replace(/^title:.*$/m, `title: ${UNFINISHED}`));
    writeFileSync(
      join(content, 'posts', 'heute-faellig.md'),
      `---\ntitle: Heute fällige Einladung zum Innungstag\ndescription: Diese Einladung ist für heute geplant und erscheint mit dem nächtlichen Lauf.\npubDate: ${today}\ncategory: Betrieb\ntags: [innungstag]\n---\n\nWir laden herzlich ein.\n`,
    );
    store = new EditorStore(join(dataDir, 'redaktion.db'));
    sites = new SiteHolder(await loadSite(TEST_DIST));
    release = await holdBuildLock();
  });

  afterAll(() => {
    release?.();
    store?.close();
    rmSync(work, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('builds the live content plus the due post, commits only that post, and leaves the unfinished edit saved', async () => {
    const publisher = new Publisher({
      store,
      sites,
      root: ROOT,
      contentDir: content,
      buildsDir: join(work, 'builds'),
      log: (level, message, fields) => logged.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`),
      previewBase: editorPaths.preview,
    });
    // The served build is from yesterday; the clock says it is today just after midnight's run.
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000);
    const scheduler = startScheduler({
      contentDir: content,
      builtAt: () => yesterday,
      now: () => new Date(),
      publish: (due) => publisher.request('publish', 'Zeitplan', { only: scheduledFiles(due) }),
      setTimer: () => ({}),
    });
    scheduler.stop();
    await publisher.idle();

    const last = store.lastFinished('publish');
    expect(last?.ok, `${last?.error}\n${logged.join('\n')}`).toBe(true);
    expect(last?.files).toEqual(['posts/heute-faellig.md']);
    const client = join(sites.current.dir, 'client');
    expect(readFileSync(join(client, 'beitraege/heute-faellig/index.html'), 'utf8')).toContain('Heute fällige Einladung zum Innungstag');
    const slug = live.file.replace(/\.mdx$/, '');
    const livePage = readFileSync(join(client, 'beitraege', slug, 'index.html'), 'utf8');
    expect(livePage).not.toContain(UNFINISHED);
    // In git: the due post is committed (by the schedule), the unfinished edit is still only saved.
    expect(git(content, 'show', '--name-only', '--format=%an', 'HEAD').trim().split('\n')).toEqual([
      'Zeitplan',
      '',
      'posts/heute-faellig.md',
    ]);
    expect(git(content, 'status', '--porcelain')).toContain(` M posts/${live.file}`);
    expect(readFileSync(join(content, 'posts', live.file), 'utf8')).toContain(UNFINISHED);
    // The folder the run built from is gone.
    expect(readdirSync(join(work, 'builds')).filter((n) => n.startsWith('inhalt-'))).toEqual([]);
    expect(existsSync(join(content, '.live-index'))).toBe(false);
  }, 900_000);
});
