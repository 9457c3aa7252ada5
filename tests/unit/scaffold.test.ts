import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { slugify } from '@/lib/posts/slug';
import { scaffoldPost } from '@/lib/posts/scaffold';
import { checkPosts } from '@/lib/content-check';
import { ROOT } from '../helpers/paths';
import { childEnv } from '../../scripts/child-env';

describe('slugs for German titles', () => {
  it.each([
    ['Größe & Maß', 'groesse-und-mass'],
    ['WhatsApp im Unternehmen', 'whatsapp-im-unternehmen'],
    ['  Über Äpfel, Öfen und Übermaß! ', 'ueber-aepfel-oefen-und-uebermass'],
    ['Café–Crème 2026', 'cafe-creme-2026'],
  ])('%s → %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});

describe('scaffold of a new post', () => {
  it('is a draft dated today whose front matter passes the content check', () => {
    const { slug, content } = scaffoldPost('Neue Pflichten für Betriebe', new Date('2026-11-28T10:00:00Z'));
    expect(slug).toBe('neue-pflichten-fuer-betriebe');
    expect(content).toContain('pubDate: 2026-11-28');
    expect(content).toContain('draft: true');
    expect(content).toMatch(/<Hinweis[\s\S]*<Warnung[\s\S]*<Checkliste[\s\S]*<Quelle[\s\S]*<MessengerComparison[\s\S]*<FacebookHinweis/);
    // The editor (Keystatic) cannot open a post with MDX comments.
    expect(content).not.toContain('{/*');
    expect(checkPosts([{ file: `content/posts/${slug}.mdx`, source: content }])).toEqual([]);
  });

  it('`npm run new` creates the file, prints the preview URL and refuses to overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iw-new-'));
    mkdirSync(join(dir, 'posts'));
    const run = () =>
      spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/new-post.ts'), '--', 'Größe & Maß'], {
        cwd: ROOT,
        env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: dir }),
        encoding: 'utf8',
      });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('http://localhost:4321/beitraege/groesse-und-mass/');
    expect(readFileSync(join(dir, 'posts', 'groesse-und-mass.mdx'), 'utf8')).toContain('title: Größe & Maß');
    writeFileSync(join(dir, 'posts', 'groesse-und-mass.mdx'), 'von Hand geändert');
    const second = run();
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('Es gibt schon einen Beitrag mit dieser Adresse');
    expect(readFileSync(join(dir, 'posts', 'groesse-und-mass.mdx'), 'utf8')).toBe('von Hand geändert');
  }, 90_000); // two script starts: 3 s each on a quiet machine, over 15 s each under a loaded one
});
