/**
 * Saving in the browser editor changes only what the editor changed: every content file is already in
 * the form Keystatic writes (read through its parse path, written through its save path, same bytes).
 * scripts/keystatic-save.ts runs Keystatic's own browser-build code for that; it changes module
 * resolution for this test file's process only.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editorRefusal, editorSave, filesIn } from '../../scripts/keystatic-save';
import { KEYSTATIC_VERSION, installedKeystaticVersion } from '../../scripts/keystatic-save/internals';
import { siteParser } from '../../scripts/keystatic-save/mdx-parser';
import { COLLECTIONS, changedBody, changedData, entryExtension, hasAlignedTable } from '@/lib/editor/entry-diff';
import { childEnv } from '../../scripts/child-env';
import { ROOT } from '../helpers/paths';

const CONTENT = join(ROOT, 'content');

/** Runs a script in a child (without blocking this worker, whose test runner must keep talking). */
function runScript(args: string[], contentDir: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env: childEnv({ INNUNGSWISSEN_CONTENT_DIR: contentDir }), encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The first line where two texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const line = x.findIndex((l, i) => l !== y[i]);
  const at = line < 0 ? Math.min(x.length, y.length) : line;
  return `line ${at + 1}: ${JSON.stringify(x[at])} → ${JSON.stringify(y[at])}`;
}

const post = (front: string, body: string) => `---
title: Ein Beitrag zum Prüfen
description: Eine Beschreibung, die lang genug ist, um als Kurzbeschreibung zu gelten.
pubDate: 2026-11-02
category: Recht
tags: [datenschutz, messenger]
${front}---

${body}`;

describe('an unchanged save in the editor', () => {
  it(`is computed with Keystatic ${KEYSTATIC_VERSION}, whose internal file names scripts/keystatic-save/internals.ts knows`, () => {
    expect(installedKeystaticVersion()).toBe(KEYSTATIC_VERSION);
  });

  for (const collection of COLLECTIONS) {
    it(`accepts every ${collection} file and writes it byte for byte as it is`, async () => {
      const names = readdirSync(join(CONTENT, collection)).filter((n) => n.endsWith(entryExtension(collection)));
      expect(names.length).toBeGreaterThan(0);
      const differing: string[] = [];
      for (const name of names) {
        const before = readFileSync(join(CONTENT, collection, name));
        const after = await editorSave(collection, name.slice(0, -entryExtension(collection).length), before, filesIn(CONTENT));
        if (!after.equals(before))
          differing.push(`${collection}/${name} ${firstDifference(before.toString('utf8'), after.toString('utf8'))}`);
        // … and the editor accepts it as it is (its field rules), so an unchanged save is possible at all.
        const refusal = await editorRefusal(collection, name.slice(0, -entryExtension(collection).length), before, filesIn(CONTENT));
        if (refusal.length > 0) differing.push(`${collection}/${name} refused: ${refusal.join('; ')}`);
      }
      expect(differing, 'run `npm run content:normalise`').toEqual([]);
    });
  }

  it("rewrites a hand-written post in the editor's form (its own serialiser, not a copy): lists with *, block lists in the front matter, no table alignment", async () => {
    const hand = post('draft: false\n', '- erster Punkt\n- zweiter Punkt\n\n| Name | Preis |\n| :--- | ---: |\n| A | 1 € |\n');
    const saved = (await editorSave('posts', 'beispiel', hand)).toString('utf8');
    expect(saved).toContain('tags:\n  - datenschutz\n  - messenger\n');
    expect(saved).toContain('* erster Punkt\n* zweiter Punkt\n');
    expect(hasAlignedTable(hand)).toBe(true);
    expect(hasAlignedTable(saved)).toBe(false);
    expect(changedData('posts', hand, saved)).toEqual([]);
    expect(changedBody(hand, saved, await siteParser())).toEqual([]); // the site's MDX parser reads the same text
    // Saved twice, the same bytes: the form is stable.
    expect((await editorSave('posts', 'beispiel', saved)).toString('utf8')).toBe(saved);
  });

  it('would turn a picture next to the post and a footnote into plain text: the normaliser sees a change of meaning', async () => {
    const hand = post('draft: false\n', 'Ein Foto:\n\n![Ein Bad](./bad.jpg)\n');
    expect(changedBody(hand, (await editorSave('posts', 'beispiel', hand)).toString('utf8'), await siteParser())).toEqual([
      'Text /paragraph[1]/image[0]: {"type":"image","title":null,"url":"./bad.jpg","alt":"Ein Bad"} → {"type":"text","value":"![Ein Bad](./bad.jpg)"}',
    ]);
    const footnote = post('draft: false\n', 'Eine Aussage[^1].\n\n[^1]: Die Fußnote.\n');
    expect(changedBody(footnote, (await editorSave('posts', 'beispiel', footnote)).toString('utf8'), await siteParser())).toHaveLength(1);
  });

  it('would turn a post without `draft` into a draft (the normaliser sees a change of meaning) and refuses one without `author`', async () => {
    const hand = post('', 'Ein Absatz.\n');
    const saved = (await editorSave('posts', 'beispiel', hand)).toString('utf8');
    expect(changedData('posts', hand, saved)).toEqual(['draft: false → true']);
    expect(await editorRefusal('posts', 'beispiel', hand)).toEqual(['author: Autor oder Autorin: bitte mindestens 2 Zeichen.']);
    expect(await editorRefusal('posts', 'beispiel', post('author: Redaktion\ndraft: false\n', 'Ein Absatz.\n'))).toEqual([]);
  });
});

describe('files written by scripts', () => {
  it('`npm run new` writes its scaffold in the editor’s form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iw-new-'));
    mkdirSync(join(dir, 'posts'));
    const run = await runScript(
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/new-post.ts'), '--', 'Neue Pflichten ab 2027'],
      dir,
    );
    expect(run.status, run.stderr).toBe(0);
    const file = readFileSync(join(dir, 'posts', 'neue-pflichten-ab-2027.mdx'));
    expect((await editorSave('posts', 'neue-pflichten-ab-2027', file)).toString('utf8')).toBe(file.toString('utf8'));
  }, 60_000);

  it('`npm run content:normalise` rewrites a hand-edited copy and leaves a post it would change in meaning alone; `-- --check` lists both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iw-normalise-'));
    cpSync(CONTENT, dir, { recursive: true });
    const edited = join(dir, 'sources', 'T1.yaml');
    const before = readFileSync(edited, 'utf8');
    writeFileSync(edited, before.replace(/^title: (.*)$/m, 'title: "$1"'));
    const withoutDraft = join(dir, 'posts', 'ohne-entwurf.mdx');
    writeFileSync(withoutDraft, post('', 'Ein Absatz.\n'));
    const run = (...args: string[]) =>
      runScript([join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/normalise-content.ts'), ...args], dir);

    const check = await run('--check');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('Nicht in der Form des Editors: ');
    expect(check.stdout).toContain('sources/T1.yaml');
    expect(check.stderr).toContain('ohne-entwurf.mdx: der Editor würde den Inhalt ändern (draft: false → true)');
    expect(readFileSync(edited, 'utf8')).not.toBe(before); // --check writes nothing

    const normalise = await run();
    expect(normalise.status).toBe(1); // the post without draft is refused …
    expect(readFileSync(withoutDraft, 'utf8')).toBe(post('', 'Ein Absatz.\n')); // … and left as it was;
    expect(readFileSync(edited, 'utf8')).toBe(before); // the hand-edited source is back in the editor's form,
    for (const collection of COLLECTIONS) {
      for (const name of readdirSync(join(dir, collection)).filter(
        (n) => n.endsWith(entryExtension(collection)) && n !== 'ohne-entwurf.mdx',
      )) {
        const file = readFileSync(join(dir, collection, name));
        expect((await editorSave(collection, name.slice(0, -entryExtension(collection).length), file)).equals(file), name).toBe(true); // and so is every other file.
      }
    }
  }, 120_000);
});
