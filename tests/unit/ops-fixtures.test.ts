import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, SCHEMA_VERSION } from '@/adapters/comments/db';
import { RELEASES } from '../fixtures/db/releases';

const fixture = (version: number) => join(import.meta.dirname, '../fixtures/db', `v${version}.db`);
const schemaOf = (db: Database.Database) =>
  db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all() as Array<{ type: string; name: string; sql: string }>;

describe('fixture databases of earlier releases', () => {
  it('exist for every release, small', () => {
    expect(RELEASES.map((r) => r.version)).toEqual(RELEASES.map((_, i) => i + 1));
    expect(RELEASES.length).toBeLessThanOrEqual(SCHEMA_VERSION);
    for (const release of RELEASES) expect(statSync(fixture(release.version)).size).toBeLessThan(100 * 1024);
  });

  it.each(RELEASES.map((r) => r.version))(
    'schema %i upgraded by today’s migrations equals a fresh database (migrations are append-only)',
    (version) => {
      const fresh = new Database(':memory:');
      migrate(fresh);
      const path = join(mkdtempSync(join(tmpdir(), 'innungswissen-fixture-')), 'comments.db');
      copyFileSync(fixture(version), path);
      const old = new Database(path);
      expect(old.pragma('user_version', { simple: true })).toBe(version);
      expect(migrate(old)).toBe(SCHEMA_VERSION);
      expect(old.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(schemaOf(old)).toEqual(schemaOf(fresh));
      expect(old.pragma('integrity_check', { simple: true })).toBe('ok');
    },
  );

  it('each frozen release schema is what today’s code builds at that version', () => {
    for (const release of RELEASES) {
      const frozen = new Database(':memory:');
      for (const r of RELEASES.filter((r) => r.version <= release.version)) frozen.exec(r.migration);
      const fixtureDb = new Database(fixture(release.version), { readonly: true });
      expect(schemaOf(fixtureDb)).toEqual(schemaOf(frozen));
    }
  });
});
