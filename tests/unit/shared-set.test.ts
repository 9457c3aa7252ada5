/** Versions of the shared comparison (issue 26): a site's pin, the version it builds with, keeping a new version. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSharedPin, sitesFollowingNewest, versionForSite, versionNumbers } from '@/lib/sites/shared-set';
import { releaseSharedSet, sharedVersionForSite } from '@/adapters/sites/shared-versions';

describe('shared set versions', () => {
  it('a pin file: a version from 1, nothing else; a clear German error names the file', () => {
    expect(parseSharedPin('{}', 'sites/a/gemeinsam.json')).toEqual({ version: undefined });
    expect(parseSharedPin('{"version": 2}', 'x')).toEqual({ version: 2 });
    expect(() => parseSharedPin('{"version": 0}', 'sites/a/gemeinsam.json')).toThrow(
      'Die Datei sites/a/gemeinsam.json ist ungültig: „version“ muss eine ganze Zahl ab 1 sein',
    );
    expect(() => parseSharedPin('{"fassung": 2}', 'f')).toThrow('unbekannter Eintrag „fassung“ (erlaubt: version, ohne).');
    // Shared posts a site does not show, by their slugs.
    expect(parseSharedPin('{"ohne": ["verbandstag-2026"]}', 'x')).toEqual({ version: undefined, ohne: ['verbandstag-2026'] });
    expect(() => parseSharedPin('{"ohne": "verbandstag-2026"}', 'f')).toThrow('„ohne“ muss eine Liste');
    expect(() => parseSharedPin('nicht json', 'f')).toThrow('Die Datei f ist ungültig:');
  });

  it('a site builds with its pinned version, else the newest; a pin to a missing version is refused', () => {
    expect(versionNumbers(['2', '10', '1', '3.entsteht', 'x'])).toEqual([1, 2, 10]);
    expect(versionForSite('a', {}, [1, 2], 'f')).toBe(2);
    expect(versionForSite('a', {}, [], 'f')).toBeUndefined();
    expect(versionForSite('a', { version: 1 }, [1, 2], 'f')).toBe(1);
    expect(() => versionForSite('a', { version: 3 }, [1, 2], 'sites/a/gemeinsam.json')).toThrow(
      'Die Innung „a“ hält die Fassung 3 des gemeinsamen Vergleichs fest, die es nicht gibt (vorhanden: 1, 2). Bitte sites/a/gemeinsam.json berichtigen.',
    );
    const { rebuild, kept } = sitesFollowingNewest([
      { kennung: 'a', pin: {} },
      { kennung: 'b', pin: { version: 1 } },
    ]);
    expect([rebuild.map((s) => s.kennung), kept.map((s) => s.kennung)]).toEqual([['a'], ['b']]);
  });

  it('keeps the working copy as a new version only when it changed; sites then build from the kept copy', () => {
    const root = mkdtempSync(join(tmpdir(), 'innungswissen-shared-set-'));
    try {
      const env = { INNUNGSWISSEN_SITES_DIR: join(root, 'sites'), INNUNGSWISSEN_SHARED_VERSIONS_DIR: join(root, 'versions') };
      mkdirSync(join(root, 'content', 'messengers'), { recursive: true });
      mkdirSync(join(root, 'sites', 'a'), { recursive: true });
      writeFileSync(join(root, 'content', 'messengers', 'x.yaml'), 'name: X\n');
      expect(sharedVersionForSite('a', root, env)).toBeUndefined();
      expect(releaseSharedSet(root, env)).toMatchObject({ version: 1, created: true });
      expect(releaseSharedSet(root, env)).toMatchObject({ version: 1, created: false });
      writeFileSync(join(root, 'content', 'messengers', 'x.yaml'), 'name: X2\n');
      expect(releaseSharedSet(root, env)).toMatchObject({ version: 2, created: true });
      expect(readdirSync(join(root, 'versions')).sort()).toEqual(['1', '2']);
      expect(sharedVersionForSite('a', root, env)).toEqual({ version: 2, dir: join(root, 'versions', '2') });
      writeFileSync(join(root, 'sites', 'a', 'gemeinsam.json'), '{ "version": 1 }');
      expect(sharedVersionForSite('a', root, env)?.version).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
