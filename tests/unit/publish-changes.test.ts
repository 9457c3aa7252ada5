import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { appendPublishChanges } from '@/adapters/content/facts-changes';
import { changeLogAppendix, diffFacts, factsOfText, type DataState } from '@/lib/messengers/changes';
import { checkChangeLog } from '@/lib/content-check/changes';
import { ROOT } from '../helpers/paths';

const DAY = new Date('2026-12-03T00:00:00Z');

describe('change log: what the publisher appends', () => {
  const before: DataState = { sicher: { cost: { value: 'Lizenz pro Person', level: 'subscription', source: 'A' } } };

  it('names who published the change, and the entry passes the content check', () => {
    const after: DataState = { sicher: { cost: { value: 'Preis nicht bestätigt', level: 'unknown', source: 'A' } } };
    const entries = diffFacts(before, after, DAY, 'Anna Beispiel');
    expect(entries).toEqual([
      expect.objectContaining({
        by: 'Anna Beispiel',
        old: expect.objectContaining({ level: 'subscription' }),
        new: expect.objectContaining({ level: 'unknown' }),
      }),
    ]);
    const text = changeLogAppendix(entries, '');
    expect(text.startsWith('# Öffentliches Änderungsprotokoll')).toBe(true);
    expect(parse(text)[0]).toMatchObject({ date: '2026-12-03', messenger: 'sicher', criterion: 'cost', by: 'Anna Beispiel' });
    expect(
      checkChangeLog(
        { file: 'content/aenderungen.yaml', source: text },
        new Set(['A']),
        new Set(['sicher']),
        new Date('2026-12-03T12:00:00Z'),
      ),
    ).toEqual([]);
    // Appended to an existing log: no second header, a line break where the file lacked one.
    expect(changeLogAppendix(entries, '- date: 2026-12-01')).toMatch(/^\n- date: 2026-12-03/);
    expect(changeLogAppendix([], 'x')).toBe('');
  });

  it('reads the facts of a messenger file, and nothing from a file that is not one', () => {
    expect(factsOfText('facts:\n  cost: { value: x, level: free, source: A }\n')).toEqual({
      cost: { value: 'x', level: 'free', source: 'A' },
    });
    expect(factsOfText('name: [')).toBeUndefined();
    expect(factsOfText('- a\n')).toBeUndefined();
  });
});

describe('change log: the publisher compares with the last published state (git HEAD)', () => {
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd,
      encoding: 'utf8',
    });

  function repository(): { repo: string; content: string } {
    const repo = mkdtempSync(join(tmpdir(), 'facts-changes-'));
    const content = join(repo, 'content');
    cpSync(join(ROOT, 'tests/fixtures/content'), content, { recursive: true });
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'published');
    return { repo, content };
  }

  it('appends one entry for a changed level, with the day and the editor, and a failed build takes it back', async () => {
    const { repo, content } = repository();
    try {
      const file = join(content, 'messengers/sicher-work.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('level: subscription', 'level: unknown'));
      const changes = await appendPublishChanges(content, '2026-12-03', 'Anna Beispiel');
      expect(changes.entries).toBe(1);
      const log = parse(readFileSync(join(content, 'aenderungen.yaml'), 'utf8'));
      expect(log).toEqual([
        {
          date: '2026-12-03',
          messenger: 'sicher-work',
          criterion: 'cost',
          old: { value: 'Lizenz pro Person und Monat', level: 'subscription', source: 'A' },
          new: { value: 'Lizenz pro Person und Monat', level: 'unknown', source: 'A' },
          by: 'Anna Beispiel',
        },
      ]);
      changes.undo();
      expect(existsSync(join(content, 'aenderungen.yaml'))).toBe(false);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('appends nothing for a re-check that only moves the check date, or without a repository', async () => {
    const { repo, content } = repository();
    try {
      const file = join(content, 'messengers/sicher-work.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          'checked: 2026-12-01, checkedBy: Redaktion }',
          'checked: 2026-12-03, checkedBy: Anna Beispiel }',
        ),
      );
      expect((await appendPublishChanges(content, '2026-12-03', 'Anna Beispiel')).entries).toBe(0);
      rmSync(join(repo, '.git'), { recursive: true, force: true });
      writeFileSync(file, readFileSync(file, 'utf8').replace('level: subscription', 'level: unknown'));
      expect((await appendPublishChanges(content, '2026-12-03', 'Anna Beispiel')).entries).toBe(0);
      expect(existsSync(join(content, 'aenderungen.yaml'))).toBe(false);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
